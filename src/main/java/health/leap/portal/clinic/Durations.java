package health.leap.portal.clinic;

/** Rule lengths in words a patient reads: "24 hours", "90 minutes", "2 days". */
public final class Durations {

    private Durations() {
    }

    public static String words(int minutes) {
        if (minutes % 1440 == 0 && minutes >= 2880) {
            return minutes / 1440 + " days";
        }
        if (minutes % 60 == 0) {
            int hours = minutes / 60;
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
