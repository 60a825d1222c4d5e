package health.leap.portal.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * One row of a native query run through Hibernate's session, read by column label (the first column
 * with that label, as JDBC does) or by position from 1. It only converts the values Hibernate hands
 * back into the types the records want.
 */
public final class Row {

    private final Object[] values;
    private final String[] labels;

    /** {@code labels} in lower case (see {@link #lowerCase}). */
    Row(Object[] values, String[] labels) {
        this.values = values;
        this.labels = labels;
    }

    /** Column labels in lower case, as PostgreSQL gives unquoted names; once per query, not per row. */
    static String[] lowerCase(String[] labels) {
        String[] lower = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            lower[i] = labels[i] == null ? null : labels[i].toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    public Object get(String label) {
        for (int i = 0; i < labels.length; i++) {
            if (label.equals(labels[i])) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no column " + label + " in this row");
    }

    public Object get(int position) {
        return values[position - 1];
    }

    public long getLong(String label) {
        return number(get(label)).longValue();
    }

    public long getLong(int position) {
        return number(get(position)).longValue();
    }

    public Long nullableLong(String label) {
        Object v = get(label);
        return v == null ? null : number(v).longValue();
    }

    public int getInt(String label) {
        return number(get(label)).intValue();
    }

    public int getInt(int position) {
        return number(get(position)).intValue();
    }

    public boolean getBoolean(String label) {
        return bool(get(label));
    }

    public boolean getBoolean(int position) {
        return bool(get(position));
    }

    public String getString(String label) {
        Object v = get(label);
        return v == null ? null : v.toString();
    }

    public String getString(int position) {
        Object v = get(position);
        return v == null ? null : v.toString();
    }

    public BigDecimal getBigDecimal(String label) {
        return decimal(get(label));
    }

    public BigDecimal getBigDecimal(int position) {
        return decimal(get(position));
    }

    private static BigDecimal decimal(Object v) {
        return v == null || v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
    }

    public Instant instant(String label) {
        Object v = get(label);
        if (v == null || v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException(label + " is not a point in time: " + v.getClass());
    }

    public LocalDate date(String label) {
        Object v = get(label);
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException(label + " is not a date: " + v.getClass());
    }

    public LocalTime time(String label) {
        Object v = get(label);
        if (v == null || v instanceof LocalTime) {
            return (LocalTime) v;
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        throw new IllegalStateException(label + " is not a time of day: " + v.getClass());
    }

    private static Number number(Object v) {
        if (v == null) {
            // as JDBC's getLong and getInt read SQL null
            return 0;
        }
        return (Number) v;
    }

    private static boolean bool(Object v) {
        return v != null && (Boolean) v;
    }
}
