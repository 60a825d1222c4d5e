package health.leap.portal.web;

import health.leap.portal.platform.Money;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the pages write times, days and money: always in the centre's zone, with the zone named, and in
 * the reader's language (the template's {@code locale}: weekday and month names, the order of day and
 * month, the decimal mark). Java callers pass the language.
 */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter[] ZONE_NAME_FORMATS = {
            DateTimeFormatter.ofPattern("zzz", Locale.UK), DateTimeFormatter.ofPattern("zzz", Locale.US)};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** Each language's patterns: English "Tue 3 Mar 2026, 09:30", Spanish "mar 3 mar 2026, 09:30". */
    private record Patterns(DateTimeFormatter day, DateTimeFormatter longDay, DateTimeFormatter dateTime,
                            DecimalFormatSymbols numbers, boolean currencyFirst) {
        static Patterns of(Locale locale) {
            boolean spanish = locale.getLanguage().equals(Language.SPANISH.getLanguage());
            Locale l = spanish ? Language.SPANISH : Locale.UK;
            return new Patterns(
                    DateTimeFormatter.ofPattern(spanish ? "d MMM" : "d MMM", l),
                    DateTimeFormatter.ofPattern(spanish ? "EEEE d 'de' MMMM 'de' yyyy" : "EEEE d MMMM yyyy", l),
                    DateTimeFormatter.ofPattern(spanish ? "EEE d MMM yyyy, HH:mm" : "EEE d MMM yyyy, HH:mm", l),
                    DecimalFormatSymbols.getInstance(spanish ? Language.SPANISH : Locale.UK),
                    !spanish);
        }
    }

    private static final Patterns ENGLISH = Patterns.of(Language.ENGLISH);
    private static final Patterns SPANISH = Patterns.of(Language.SPANISH);

    private static Patterns patterns(Object locale) {
        return locale instanceof Locale l && l.getLanguage().equals(Language.SPANISH.getLanguage()) ? SPANISH : ENGLISH;
    }

    /** 09:30 */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** Tue 3 Mar 2026, 09:30 GMT (Europe/London); refusals that name a booking's time write it so too. */
    public static String local(Instant instant, ZoneId zone, @TemplateAttribute("locale") Object locale) {
        return patterns(locale).dateTime().format(instant.atZone(zone)) + " " + zoneName(zone, instant);
    }

    /** The zone's short name at that instant, with its id: GMT (Europe/London). */
    static String zoneName(ZoneId zone, Instant at) {
        // a zone names itself by its offset and whether summer time is on: looked up once each
        ZoneRules rules = zone.getRules();
        return ZONE_NAMES.computeIfAbsent(new ZoneAt(zone, rules.getOffset(at), rules.isDaylightSavings(at)),
                key -> nameOf(zone, at));
    }

    private record ZoneAt(ZoneId zone, ZoneOffset offset, boolean summer) {
    }

    private static final Map<ZoneAt, String> ZONE_NAMES = new ConcurrentHashMap<>();

    private static String nameOf(ZoneId zone, Instant at) {
        // British names know BST, American ones EST; where neither has a name, the offset says nothing the id does not
        for (DateTimeFormatter names : ZONE_NAME_FORMATS) {
            String shortName = names.format(at.atZone(zone));
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
    static String dayLabel(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return patterns(locale).day().format(date);
    }

    /** Tuesday 3 March 2026; martes 3 de marzo de 2026 */
    public static String longDay(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return patterns(locale).longDay().format(date);
    }

    static String weekday(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale instanceof Locale l ? l : Locale.UK);
    }

    /**
     * GBP 12.50 in English, 12,50 GBP in Spanish: the amount at the currency's minor unit; timeline lines
     * and the day list write it so too.
     */
    public static String money(BigDecimal amount, String currency, @TemplateAttribute("locale") Object locale) {
        Patterns p = patterns(locale);
        // at the minor unit, without grouping: the plain digits, with the language's decimal mark
        String number = Money.atMinorUnit(amount, currency).toPlainString().replace('.', p.numbers().getDecimalSeparator());
        return p.currencyFirst() ? currency.trim() + " " + number : number + " " + currency.trim();
    }

    /** PENDING_APPROVAL → Pending approval; Pendiente de aprobación */
    static String statusLabel(String status, @TemplateAttribute("locale") Object locale) {
        boolean spanish = patterns(locale) == SPANISH;
        Map<String, String> known = spanish ? SPANISH_STATUSES : ENGLISH_STATUSES;
        String label = known.get(status);
        if (label == null) {
            label = Language.bundle(PageMessages.class, spanish ? Language.SPANISH : Language.ENGLISH).status(status);
            if (known.size() < MAX_STATUSES) {
                known.put(status, label);
            }
        }
        return label;
    }

    /*
     * Each status's label, worked out once per language: the message is a switch over some twenty
     * codes, and a history page asks for it on every row (a seventh of the page's time).
     */
    private static final int MAX_STATUSES = 64;
    private static final Map<String, String> ENGLISH_STATUSES = new ConcurrentHashMap<>();
    private static final Map<String, String> SPANISH_STATUSES = new ConcurrentHashMap<>();
}
