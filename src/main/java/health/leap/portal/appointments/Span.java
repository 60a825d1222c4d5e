package health.leap.portal.appointments;

import java.time.Duration;

/**
 * A length of time as a message words it ({@link AppointmentMessages#span}): an amount and its unit,
 * {@code day}, {@code hour}, {@code minute} or {@code second}. Whole days from two days up, whole
 * hours, else minutes: "24 hours", "90 minutes", "2 days"; a hold shorter than a whole minute in seconds.
 */
public record Span(long amount, String unit) {

    /** A rule's length in minutes: 1440 is 24 hours, 2880 is 2 days, 90 is 90 minutes. */
    public static Span ofMinutes(long minutes) {
        if (minutes % 1440 == 0 && minutes >= 2880) {
            return new Span(minutes / 1440, "day");
        }
        if (minutes % 60 == 0) {
            return new Span(minutes / 60, "hour");
        }
        return new Span(minutes, "minute");
    }

    /** A hold's length: in minutes when whole ("10 minutes"), else in seconds, at least one ("20 seconds"). */
    public static Span of(Duration length) {
        if (length.toSecondsPart() == 0 && length.toMillisPart() == 0 && !length.isZero() && !length.isNegative()) {
            return ofMinutes(length.toMinutes());
        }
        return new Span(Math.max(1, length.toSeconds()), "second");
    }

    /** The span in the words of a bundle, in the bundle's language. */
    public String words(AppointmentMessages messages) {
        return messages.span(amount, unit);
    }
}
