package health.leap.portal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Turns query and form values into typed values, or a 400 that names the bad parameter. */
public final class Params {

    private Params() {
    }

    public static Long optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return id(name, value);
    }

    public static long id(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(PageMessages.class, m -> m.chooseField(name));
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id <= 0) {
                throw Problem.badRequest(PageMessages.class, m -> m.notAnId(m.field(name), shorten(value)));
            }
            return id;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(PageMessages.class, m -> m.notAnId(m.field(name), shorten(value)));
        }
    }

    /** A whole number of hours from 1 to 336 (two weeks), as an id is read; the caller narrows it to its own limit. */
    public static int hours(String name, String value) {
        long hours = id(name, value);
        if (hours > 336) {
            throw Problem.badRequest(PageMessages.class, m -> m.notAnId(m.field(name), shorten(value)));
        }
        return (int) hours;
    }

    /** The calendar a date parameter may name: the same years as an epoch-seconds filter (1970 to 9999). */
    public static final LocalDate FIRST_DATE = LocalDate.EPOCH;
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    public static LocalDate optionalDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(PageMessages.class, m -> m.notADate(m.field(name), shorten(value)));
        }
        // a year such as -300000 parses, and is past what the database or a time zone can hold
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw Problem.badRequest(PageMessages.class,
                    m -> m.dateOutOfRange(m.field(name), shorten(value), FIRST_DATE.toString(), LAST_DATE.toString()));
        }
        return date;
    }

    public static String optionalText(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw Problem.badRequest(PageMessages.class, m -> m.tooLong(m.field(name), maxLength));
        }
        // the database cannot store it, and no keyboard types it
        if (value.indexOf('\0') >= 0) {
            throw Problem.badRequest(PageMessages.class, m -> m.unstorable(m.field(name)));
        }
        return value.trim();
    }

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 50;

    /** A page size of 1 to 50, 20 when absent. */
    public static int pageSize(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        Problem refused = Problem.badRequest(PageMessages.class, m -> m.pageSize(MAX_PAGE_SIZE));
        int size;
        try {
            size = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw refused;
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw refused;
        }
        return size;
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
