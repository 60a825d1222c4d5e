package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.web.CentrePhone;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may cancel what, when: a DRAFT can always be released; any other booking the lifecycle lets be
 * cancelled (CONFIRMED, PENDING_APPROVAL) until the cancellation window before its start; nothing
 * else. Too late, the refusal names the centre's front desk to call.
 */
public final class CancellationWindow {

    private CancellationWindow() {
    }

    /** The last moment a booking starting at {@code start} can be cancelled online, to the minute. */
    public static Instant deadline(Instant start, BookingPolicy policy) {
        return start.minus(policy.cancellationWindow());
    }

    public static Optional<Problem> refusal(AppointmentStatus status, Instant start, Instant now, BookingPolicy policy,
                                            CentrePhone desk) {
        if (!status.canMoveTo(AppointmentStatus.CANCELLED)) {
            return Optional.of(new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class,
                    m -> m.notCancellable(m.statusWord(status.name()))));
        }
        if (status != AppointmentStatus.DRAFT && now.isAfter(deadline(start, policy))) {
            Span window = Span.ofMinutes(policy.cancellationWindowMinutes());
            return Optional.of(new Problem(ErrorCode.CANCELLATION_WINDOW_CLOSED, AppointmentMessages.class,
                    m -> m.cancelWindowClosed(window.words(m), desk.centre(), desk.phone())));
        }
        return Optional.empty();
    }
}
