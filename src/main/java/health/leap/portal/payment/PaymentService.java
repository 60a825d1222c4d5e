package health.leap.portal.payment;

import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentLifecycle.Actor;
import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.Ownership;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.booking.BookingMessages;
import health.leap.portal.booking.ConfirmService;
import health.leap.portal.gateway.Payment;
import health.leap.portal.gateway.PaymentGateway;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.gateway.Refunds;
import health.leap.portal.platform.Money;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Paying what the clinic asks before confirmation. The payment row binds one gateway reference to
 * one appointment; a verified success confirms that appointment, or refunds it when the hold ran out.
 */
@ApplicationScoped
public class PaymentService {
    private final Clock clock;
    private final PaymentGateway gateway;
    private final Ownership ownership;
    private final ConfirmService confirmations;
    private final Refunds refunds;
    private final AppointmentLifecycle lifecycle;

    public PaymentService(Clock clock, PaymentGateway gateway, Ownership ownership,
                          ConfirmService confirmations, Refunds refunds, AppointmentLifecycle lifecycle) {
        this.clock = clock;
        this.gateway = gateway;
        this.ownership = ownership;
        this.confirmations = confirmations;
        this.refunds = refunds;
        this.lifecycle = lifecycle;
    }

    /**
     * Starts paying for the patient's held DRAFT; returns the gateway page to send the patient to.
     * The gateway sends them back under {@code base}, the pages they paid from (a dependant's under
     * their guardian's {@code /family/{lead}}).
     */
    @Transactional
    public URI start(long tenantId, long leadId, long appointmentId, String base) {
        Instant now = clock.instant();
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        if (appointment.status != AppointmentStatus.DRAFT) {
            throw new Problem(ErrorCode.INVALID_STATE, BookingMessages.class, BookingMessages::notWaitingForPayment);
        }
        if (!appointment.isHeldAt(now)) {
            throw new Problem(ErrorCode.HOLD_EXPIRED, BookingMessages.class, BookingMessages::holdExpired);
        }
        if (appointment.amountDue.signum() == 0) {
            throw new Problem(ErrorCode.NOTHING_TO_PAY, BookingMessages.class, BookingMessages::nothingToPay);
        }
        if (Payment.succeeded(appointment.paymentId)) {
            throw new Problem(ErrorCode.ALREADY_PAID, BookingMessages.class, BookingMessages::alreadyPaid);
        }
        String reference = "SBX-" + UUID.randomUUID();
        BigDecimal amount = Money.atMinorUnit(appointment.amountDue, appointment.currency);
        long paymentId = Payment.start(tenantId, leadId, appointmentId, amount, appointment.currency, reference, now);
        lifecycle.attachPayment(appointmentId, paymentId, now);
        return gateway.checkout(new PaymentGateway.Order(reference, amount, appointment.currency,
                "Appointment " + appointmentId, URI.create(base + "/payments/return")));
    }

    /**
     * Records the gateway's verified answer and returns the appointment it belongs to. A replayed
     * answer changes nothing; a forged one is refused.
     */
    @Transactional
    public long complete(long tenantId, long leadId, Map<String, String> callback) {
        PaymentGateway.Result result = gateway.verify(callback).orElseThrow(() -> new Problem(ErrorCode.PAYMENT_UNVERIFIED,
                BookingMessages.class, BookingMessages::paymentUnverified));
        Started payment = NativeSql.one("""
                select id, tenant_id, lead_id, appointment_id, status = 'STARTED', reference from payment
                where reference = ? for update""",
                Started::from, result.reference()).orElseThrow(() -> Problem.notFound(BookingMessages.class, BookingMessages::paymentNotFound));
        if (payment.tenantId() != tenantId || payment.leadId() != leadId) {
            throw Problem.forbidden(BookingMessages.class, BookingMessages::paymentNotYours);
        }
        if (payment.open()) {
            settle(payment, result.outcome());
        }
        return payment.appointmentId();
    }

    /** A payment row locked by its reader, and whether nothing has answered for it yet. */
    record Started(long id, long tenantId, long leadId, long appointmentId, boolean open, String reference) {
        static Started from(Row rs) {
            return new Started(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5), rs.getString(6));
        }
    }

    /**
     * Records the outcome of a STARTED payment its caller holds locked. Paid money confirms the
     * booking it was for; money that cannot buy it any more (the hold ran out, meanwhile too while
     * this request waited for the patient's lock, or a rule now refuses it) goes back at once, so no
     * payment is left paid for nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void settle(Started payment, PaymentGateway.Outcome outcome) {
        Instant now = clock.instant();
        Payment.settle(payment.id(), PaymentStatus.valueOf(outcome.name()), now);
        if (outcome != PaymentGateway.Outcome.SUCCEEDED) {
            return;
        }
        // counted, not read into the session: the confirmation reads the booking afresh after the patient's lock
        boolean stillOurs = Appointment.countWhere("id = ?1 and paymentId = ?2 and status = ?3", payment.appointmentId(), payment.id(),
                AppointmentStatus.DRAFT) > 0;
        Optional<Problem> refused = stillOurs
                ? confirmations.confirmPaid(payment.tenantId(), payment.leadId(), payment.appointmentId())
                : Optional.of(new Problem(ErrorCode.INVALID_STATE, BookingMessages.class, BookingMessages::notWaitingForPayment));
        if (refused.isPresent() && refunds.refundIfPaid(payment.id())) {
            lifecycle.note(payment.tenantId(), payment.appointmentId(), lifecycle.currentStatus(payment.appointmentId()), now,
                    Actor.SYSTEM, TimelineDetail.paidTooLate());
        }
    }
}
