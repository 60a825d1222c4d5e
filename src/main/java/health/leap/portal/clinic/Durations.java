package health.leap.portal.clinic;

import health.leap.portal.web.Language;

import java.util.Locale;

/** Rule lengths in words a patient reads, in their language: "24 hours", "90 minutes", "2 days". */
public final class Durations {

    private Durations() {
    }

    public static String words(int minutes, Locale locale) {
        ClinicMessages m = Language.bundle(ClinicMessages.class, locale);
        if (minutes % 1440 == 0 && minutes >= 2880) {
            return m.days(minutes / 1440);
        }
        if (minutes % 60 == 0) {
            return m.hours(minutes / 60);
        }
        return m.minutes(minutes);
    }
}
