package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.packages.ApplicablePackage;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.gateway.RefundStatus;
import health.leap.portal.web.CentrePhone;
import health.leap.portal.web.Language;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Everything the appointment page shows, read in one statement plus its timeline. */
public record AppointmentDetail(long id, AppointmentStatus status, Instant startsAt, Instant endsAt,
                                Instant holdExpiresAt, int holdExtensionsUsed, BigDecimal amountDue, String currency, int rescheduleCount,
                                String doctorName, long doctorId, String centreName, String centreAddress, String centrePhone, ZoneId zone,
                                String serviceName, BookingPolicy policy, PaymentStatus paymentStatus, String paymentReference,
                                RefundStatus refundStatus, BigDecimal refundAmount, Instant refundSettledAt, String cancelReason,
                                Long rescheduledFromId, Long replacedById, String packageName, List<ApplicablePackage> packages,
                                List<AppointmentEvent> timeline, Instant now, AtDesk atDesk) {

    /** Paying at the clinic's desk, as the front desk chose when it booked: whether, and when and how it was paid. */
    public record AtDesk(boolean toPay, Instant paidAt, String reference) {
        public static final AtDesk NO = new AtDesk(false, null, null);
    }

    /** How long the visit takes: its service's length. */
    public long minutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    /** The same appointment offering these packages at checkout. */
    public AppointmentDetail withPackages(List<ApplicablePackage> applicable) {
        return new AppointmentDetail(id, status, startsAt, endsAt, holdExpiresAt, holdExtensionsUsed, amountDue, currency, rescheduleCount,
                doctorName, doctorId, centreName, centreAddress, centrePhone, zone, serviceName, policy, paymentStatus, paymentReference,
                refundStatus, refundAmount, refundSettledAt, cancelReason, rescheduledFromId, replacedById, packageName, applicable, timeline, now, atDesk);
    }

    /** Declined by the clinic (a staff member moved it from PENDING_APPROVAL to CANCELLED), with the reason they gave. */
    public boolean isDeclined() {
        return cancelledFromPendingBy(ActorType.STAFF);
    }

    /** Its time came while it still waited for the clinic's approval, and the portal cancelled it. */
    public boolean isNotApprovedInTime() {
        return cancelledFromPendingBy(ActorType.SYSTEM);
    }

    private boolean cancelledFromPendingBy(ActorType actor) {
        return status == AppointmentStatus.CANCELLED && timeline.stream().anyMatch(e -> e.toStatus == AppointmentStatus.CANCELLED
                && e.fromStatus == AppointmentStatus.PENDING_APPROVAL && e.actorType == actor);
    }

    public boolean isHeld() {
        return status == AppointmentStatus.DRAFT && holdExpiresAt.isAfter(now);
    }

    /** A passed hold, before or after the sweep marks it EXPIRED: the patient reads the same sentence either way. */
    public boolean isHoldExpired() {
        return status == AppointmentStatus.EXPIRED || status == AppointmentStatus.DRAFT && !holdExpiresAt.isAfter(now);
    }

    public boolean paymentDue() {
        return amountDue.signum() > 0 && paymentStatus != PaymentStatus.SUCCEEDED && packageName == null && !atDesk.toPay();
    }

    /** Paid online or with a package session: what the desk, cancelling inside the window, decides to give back or not. */
    public boolean somethingToGiveBack() {
        return paymentStatus == PaymentStatus.SUCCEEDED || packageName != null;
    }

    /** The front desk emailed the patient a link to pay for this held time. */
    public boolean paymentLinkSent() {
        return timeline.stream().anyMatch(e -> TimelineDetail.isPaymentLink(e.detail));
    }

    /** The amount due is still to be paid at the clinic's desk, for a visit that is going ahead. */
    public boolean owedAtDesk() {
        return atDesk.toPay() && atDesk.paidAt() == null && amountDue.signum() > 0
                && (status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.PENDING_APPROVAL
                || status == AppointmentStatus.CHECKED_IN);
    }

    /** The front desk, acting for the patient, may cancel it, inside the online window too. */
    public boolean deskCancellable() {
        return status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.PENDING_APPROVAL;
    }

    /** The front desk, acting for the patient, may move it, inside the window and past the limit of moves too. */
    public boolean deskMovable() {
        return (status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.PENDING_APPROVAL) && startsAt.isAfter(now);
    }

    /** Why the patient cannot cancel now, in the page's language, or null when they can. */
    public String cancelRefusal() {
        return CancellationWindow.refusal(status, startsAt, now, policy, desk()).map(p -> p.sentence()).orElse(null);
    }

    public boolean isCancellable() {
        return CancellationWindow.refusal(status, startsAt, now, policy, desk()).isEmpty();
    }

    /** The reason it was cancelled, in the page's language when the portal gave it ({@link TimelineDetail}), else as typed. */
    public String cancelReasonWords() {
        return TimelineDetail.words(cancelReason, Language.current());
    }

    /** Only bookings that were ever going ahead explain why they cannot be cancelled. */
    public boolean explainsCancelRefusal() {
        return status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.PENDING_APPROVAL;
    }

    /** Why the patient cannot move this booking now, in the page's language, or null when they can. */
    public String rescheduleRefusal() {
        return RescheduleRules.refusal(status, startsAt, rescheduleCount, now, policy, desk()).map(p -> p.sentence()).orElse(null);
    }

    public boolean isReschedulable() {
        return RescheduleRules.refusal(status, startsAt, rescheduleCount, now, policy, desk()).isEmpty();
    }

    /** Whom to call about this booking: its centre's front desk. */
    public CentrePhone desk() {
        return new CentrePhone(centreName, centrePhone);
    }

    /** Until when, once confirmed, the held time can be cancelled online with everything given back. */
    public Instant cancelDeadline() {
        return CancellationWindow.deadline(startsAt, policy);
    }

    /** Until when, once confirmed, the held time can be moved online. */
    public Instant moveDeadline() {
        return RescheduleRules.deadline(startsAt, policy);
    }

    public boolean isCancelDeadlineAhead() {
        return cancelDeadline().isAfter(now);
    }

    public boolean isMoveDeadlineAhead() {
        return moveDeadline().isAfter(now);
    }

    /** The clinic's two windows close together: the held page says so in one sentence. */
    public boolean isOneDeadline() {
        return cancelDeadline().equals(moveDeadline());
    }

    /** How long before the start online cancellation closes, in the page's language. */
    public String cancelWindowWords() {
        return Span.ofMinutes(policy.cancellationWindowMinutes()).words(Language.bundle(AppointmentMessages.class));
    }

    /** How long before the start online moves close, in the page's language. */
    public String moveWindowWords() {
        return Span.ofMinutes(policy.rescheduleWindowMinutes()).words(Language.bundle(AppointmentMessages.class));
    }

    public boolean isCalendarReady() {
        return CalendarExport.EXPORTABLE.contains(status);
    }

    /** A running hold the clinic lets the patient keep once more (the offer beside the two-minute warning). */
    public boolean isExtendable() {
        return isHeld() && holdExtensionsUsed < policy.holdExtensions();
    }

    /**
     * The hold is in its last two minutes: the warning and the offer to keep it show as the page
     * arrives (without scripts the page shows them only then; with scripts the countdown shows them
     * when the time comes).
     */
    public boolean isWarningDue() {
        return isHeld() && secondsLeft() <= AppointmentLifecycle.EXTENSION_OFFERED.toSeconds();
    }

    /** How much longer keeping it gives: the hold's length at this centre. */
    public String extensionWords() {
        return Span.of(policy.hold()).words(Language.bundle(AppointmentMessages.class));
    }

    public long secondsLeft() {
        return Math.max(0, holdExpiresAt.getEpochSecond() - now.getEpochSecond());
    }

    public String countdown() {
        long left = secondsLeft();
        return left / 60 + ":" + String.format("%02d", left % 60);
    }
}
