package health.leap.portal.clinic;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Language;
import health.leap.portal.web.Problem;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which of the patient's online rules the front desk may go past when it acts for a patient, and only
 * with a reason that goes on the booking's timeline: for a booking, the minimum advance and the
 * same-day rules (a walk-in) and the active limit; for a change, the cancellation and reschedule
 * windows and the reschedule limit. The maximum advance, the doctor's schedule, a service that does not
 * fit and another booking's time are never gone past.
 */
public final class DeskOverrides {

    private static final Set<ErrorCode> BOOKING = EnumSet.of(ErrorCode.TOO_SOON, ErrorCode.SAME_DAY_NOT_ALLOWED,
            ErrorCode.SAME_DAY_CUTOFF_PASSED, ErrorCode.ACTIVE_LIMIT_REACHED);
    private static final Set<ErrorCode> CHANGE = EnumSet.of(ErrorCode.CANCELLATION_WINDOW_CLOSED,
            ErrorCode.RESCHEDULE_WINDOW_CLOSED, ErrorCode.RESCHEDULE_LIMIT_REACHED);

    private DeskOverrides() {
    }

    /** True for a rule of booking or of changing a booking that the desk may go past with a reason. */
    public static boolean mayOverride(ErrorCode rule) {
        return BOOKING.contains(rule) || CHANGE.contains(rule);
    }

    /**
     * Who acts: {@link #NONE} for the patient (or their guardian) online, or the front desk acting for the
     * patient with the reason it gave for going past a rule (null when it gave none).
     */
    public record Desk(boolean acting, String reason) {
        public static final Desk NONE = new Desk(false, null);

        public static Desk acting(String reason) {
            return new Desk(true, reason);
        }
    }

    /**
     * Lets the desk past {@code refusal} when it may be gone past and the desk gave a reason, and returns
     * the rule gone past; otherwise throws the refusal, or, for the desk without a reason, throws
     * {@code DESK_REASON_REQUIRED} saying the rule and that a reason lets the desk past it.
     */
    public static ErrorCode pastOrThrow(Problem refusal, Desk desk) {
        if (!desk.acting() || !mayOverride(refusal.code())) {
            throw refusal;
        }
        if (desk.reason() == null) {
            throw Problem.worded(ErrorCode.DESK_REASON_REQUIRED, locale -> Language.bundle(ClinicMessages.class, locale)
                    .deskReasonNeeded(refusal.sentence(locale)));
        }
        return refusal.code();
    }
}
