package health.leap.portal.clinic;

import health.leap.portal.platform.Row;

import java.time.Duration;
import java.time.LocalTime;

/** A tenant's booking rules, with a centre's overrides already applied. */
public record BookingPolicy(
        int holdMinutes,
        int activeLimit,
        int minAdvanceMinutes,
        int maxAdvanceDays,
        boolean sameDayAllowed,
        LocalTime sameDayCutoff,
        int cancellationWindowMinutes,
        int rescheduleWindowMinutes,
        int maxReschedules,
        int holdExtensions) {

    public static final BookingPolicy DEFAULTS = new BookingPolicy(10, 3, 120, 30, true, LocalTime.NOON, 1440, 720, 2, 1);

    public Duration hold() {
        return Duration.ofMinutes(holdMinutes);
    }

    public Duration minAdvance() {
        return Duration.ofMinutes(minAdvanceMinutes);
    }

    public Duration cancellationWindow() {
        return Duration.ofMinutes(cancellationWindowMinutes);
    }

    public Duration rescheduleWindow() {
        return Duration.ofMinutes(rescheduleWindowMinutes);
    }

    /**
     * The SQL that reads the effective policy of every centre, centre override over tenant over default;
     * the defaults are {@link #DEFAULTS}'s, written into the text once.
     */
    public static final String EFFECTIVE_COLUMNS = """
            coalesce(cp.hold_minutes, t.hold_minutes, %d) as hold_minutes,
            coalesce(cp.active_limit, t.active_limit, %d) as active_limit,
            coalesce(cp.min_advance_minutes, t.min_advance_minutes, %d) as min_advance_minutes,
            coalesce(cp.max_advance_days, t.max_advance_days, %d) as max_advance_days,
            coalesce(cp.same_day_allowed, t.same_day_allowed, %b) as same_day_allowed,
            coalesce(cp.same_day_cutoff, t.same_day_cutoff, time '%s') as same_day_cutoff,
            coalesce(cp.cancellation_window_minutes, t.cancellation_window_minutes, %d) as cancellation_window_minutes,
            coalesce(cp.reschedule_window_minutes, t.reschedule_window_minutes, %d) as reschedule_window_minutes,
            coalesce(cp.max_reschedules, t.max_reschedules, %d) as max_reschedules,
            coalesce(cp.hold_extensions, t.hold_extensions, %d) as hold_extensions""".formatted(
            DEFAULTS.holdMinutes, DEFAULTS.activeLimit, DEFAULTS.minAdvanceMinutes, DEFAULTS.maxAdvanceDays,
            DEFAULTS.sameDayAllowed, DEFAULTS.sameDayCutoff, DEFAULTS.cancellationWindowMinutes,
            DEFAULTS.rescheduleWindowMinutes, DEFAULTS.maxReschedules, DEFAULTS.holdExtensions);

    /** Joins for {@link #EFFECTIVE_COLUMNS}, given a centre aliased {@code c}. */
    public static final String EFFECTIVE_JOINS = """
            left join booking_policy t on t.tenant_id = c.tenant_id
            left join centre_booking_policy cp on cp.centre_id = c.id""";

    public static BookingPolicy from(Row rs) {
        return new BookingPolicy(
                rs.getInt("hold_minutes"),
                rs.getInt("active_limit"),
                rs.getInt("min_advance_minutes"),
                rs.getInt("max_advance_days"),
                rs.getBoolean("same_day_allowed"),
                rs.time("same_day_cutoff"),
                rs.getInt("cancellation_window_minutes"),
                rs.getInt("reschedule_window_minutes"),
                rs.getInt("max_reschedules"),
                rs.getInt("hold_extensions"));
    }

    /** The rules a centre goes by: its overrides over its clinic's rules over {@link #DEFAULTS}; either may be null. */
    public static BookingPolicy effective(TenantPolicy clinic, CentrePolicy centre) {
        BookingPolicy base = clinic == null ? DEFAULTS : new BookingPolicy(clinic.holdMinutes, clinic.activeLimit,
                clinic.minAdvanceMinutes, clinic.maxAdvanceDays, clinic.sameDayAllowed, clinic.sameDayCutoff,
                clinic.cancellationWindowMinutes, clinic.rescheduleWindowMinutes, clinic.maxReschedules, clinic.holdExtensions);
        if (centre == null) {
            return base;
        }
        return new BookingPolicy(
                or(centre.holdMinutes, base.holdMinutes),
                or(centre.activeLimit, base.activeLimit),
                or(centre.minAdvanceMinutes, base.minAdvanceMinutes),
                or(centre.maxAdvanceDays, base.maxAdvanceDays),
                or(centre.sameDayAllowed, base.sameDayAllowed),
                or(centre.sameDayCutoff, base.sameDayCutoff),
                or(centre.cancellationWindowMinutes, base.cancellationWindowMinutes),
                or(centre.rescheduleWindowMinutes, base.rescheduleWindowMinutes),
                or(centre.maxReschedules, base.maxReschedules),
                or(centre.holdExtensions, base.holdExtensions));
    }

    private static <T> T or(T override, T otherwise) {
        return override != null ? override : otherwise;
    }
}
