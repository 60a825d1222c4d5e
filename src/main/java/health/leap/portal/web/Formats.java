package health.leap.portal.web;

import health.leap.portal.platform.Money;
import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How the pages write times, days and money: always in the centre's zone, with the zone named. */
@TemplateExtension
public class Formats {

    private static final Locale[] ZONE_NAME_LOCALES = {Locale.UK, Locale.US};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    /** 09:30 */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** Tue 3 Mar 2026, 09:30 GMT (Europe/London); refusals that name a booking's time write it so too. */
    public static String local(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone)) + " " + zoneName(zone, instant);
    }

    /** The zone's short name at that instant, with its id: GMT (Europe/London). */
    static String zoneName(ZoneId zone, Instant at) {
        // British names know BST, American ones EST; where neither has a name, the offset says nothing the id does not
        for (Locale locale : ZONE_NAME_LOCALES) {
            String shortName = DateTimeFormatter.ofPattern("zzz", locale).format(at.atZone(zone));
            if (!shortName.startsWith("GMT+") && !shortName.startsWith("GMT-") && !shortName.equals(zone.getId())) {
                return shortName + " (" + zone.getId() + ")";
            }
        }
        return zone.getId();
    }

    /** ISO-8601 with offset, for machine-readable {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant.toString();
    }

    /** 3 Mar */
    static String dayLabel(LocalDate date) {
        return DAY.format(date);
    }

    /** Tuesday 3 March 2026 */
    public static String longDay(LocalDate date) {
        return LONG_DAY.format(date);
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK);
    }

    /** GBP 12.50: the amount at the currency's minor unit; timeline lines and the day list write it so too. */
    public static String money(BigDecimal amount, String currency) {
        return currency.trim() + " " + Money.atMinorUnit(amount, currency).toPlainString();
    }

    /** PENDING_APPROVAL → Pending approval */
    static String statusLabel(String status) {
        String words = status.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
