package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.clinic.Durations;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.util.Optional;

/**
 * A CONFIRMED or CHECKED_IN booking may move until the reschedule window before its original start,
 * as many times as the policy allows over the whole chain of moves.
 */
public final class RescheduleRules {

    private RescheduleRules() {
    }

    public static Optional<Problem> refusal(AppointmentStatus status, Instant start, int reschedulesSoFar, Instant now,
                                            BookingPolicy policy) {
        if (status != AppointmentStatus.CONFIRMED && status != AppointmentStatus.CHECKED_IN) {
            return Optional.of(new Problem(ErrorCode.INVALID_STATE, "This booking is "
                    + status.name().toLowerCase().replace('_', ' ') + ", so it cannot be moved."));
        }
        if (now.isAfter(start.minus(policy.rescheduleWindow()))) {
            return Optional.of(new Problem(ErrorCode.RESCHEDULE_WINDOW_CLOSED, "Bookings can be moved online up to "
                    + Durations.words(policy.rescheduleWindowMinutes()) + " before they start. Please call the clinic."));
        }
        if (reschedulesSoFar >= policy.maxReschedules()) {
            return Optional.of(new Problem(ErrorCode.RESCHEDULE_LIMIT_REACHED, "This booking has been moved "
                    + reschedulesSoFar + (reschedulesSoFar == 1 ? " time" : " times")
                    + " already, the most this clinic allows. Cancel it and book again, or call the clinic."));
        }
        return Optional.empty();
    }
}
