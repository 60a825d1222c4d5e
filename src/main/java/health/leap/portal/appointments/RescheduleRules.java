package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.web.CentrePhone;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.util.Optional;

/**
 * A CONFIRMED or CHECKED_IN booking may move until the reschedule window before its original start,
 * as many times as the policy allows over the whole chain of moves. Too late, the refusal names the
 * centre's front desk to call.
 */
public final class RescheduleRules {

    private RescheduleRules() {
    }

    /** The last moment a booking starting at {@code start} can be moved online, to the minute. */
    public static Instant deadline(Instant start, BookingPolicy policy) {
        return start.minus(policy.rescheduleWindow());
    }

    public static Optional<Problem> refusal(AppointmentStatus status, Instant start, int reschedulesSoFar, Instant now,
                                            BookingPolicy policy, CentrePhone desk) {
        if (!status.canMoveTo(AppointmentStatus.RESCHEDULED)) {
            return Optional.of(new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class,
                    m -> m.notMovable(m.statusWord(status.name()))));
        }
        if (now.isAfter(deadline(start, policy))) {
            Span window = Span.ofMinutes(policy.rescheduleWindowMinutes());
            return Optional.of(new Problem(ErrorCode.RESCHEDULE_WINDOW_CLOSED, AppointmentMessages.class,
                    m -> m.moveWindowClosed(window.words(m), desk.centre(), desk.phone())));
        }
        if (reschedulesSoFar >= policy.maxReschedules()) {
            return Optional.of(new Problem(ErrorCode.RESCHEDULE_LIMIT_REACHED, AppointmentMessages.class,
                    m -> m.moveLimit(reschedulesSoFar)));
        }
        return Optional.empty();
    }
}
