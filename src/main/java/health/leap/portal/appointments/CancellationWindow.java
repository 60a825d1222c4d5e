package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may cancel what, when: a DRAFT can always be released; a CONFIRMED or PENDING_APPROVAL
 * booking until the cancellation window before its start; nothing else.
 */
public final class CancellationWindow {

    private CancellationWindow() {
    }

    public static Optional<Problem> refusal(AppointmentStatus status, Instant start, Instant now, BookingPolicy policy) {
        switch (status) {
            case DRAFT:
                return Optional.empty();
            case CONFIRMED:
            case PENDING_APPROVAL:
                if (now.isAfter(start.minus(policy.cancellationWindow()))) {
                    Span window = Span.ofMinutes(policy.cancellationWindowMinutes());
                    return Optional.of(new Problem(ErrorCode.CANCELLATION_WINDOW_CLOSED, AppointmentMessages.class,
                            m -> m.cancelWindowClosed(window.words(m))));
                }
                return Optional.empty();
            default:
                return Optional.of(new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class,
                        m -> m.notCancellable(m.statusWord(status.name()))));
        }
    }
}
