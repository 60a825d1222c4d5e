package health.leap.portal.booking.payment;

import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.Ownership;
import health.leap.portal.booking.AmountDue;
import health.leap.portal.booking.ConfirmService;
import health.leap.portal.platform.Sql;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Paying what the clinic asks before confirmation. The payment row binds one gateway reference to
 * one appointment; a verified success confirms that appointment, or refunds it when the hold ran out.
 */
@ApplicationScoped
public class PaymentService {

    private final Sql sql;
    private final Clock clock;
    private final PaymentGateway gateway;
    private final Ownership ownership;
    private final ConfirmService confirmations;
    private final Refunds refunds;

    public PaymentService(Sql sql, Clock clock, PaymentGateway gateway, Ownership ownership,
                          ConfirmService confirmations, Refunds refunds) {
        this.sql = sql;
        this.clock = clock;
        this.gateway = gateway;
        this.ownership = ownership;
        this.confirmations = confirmations;
        this.refunds = refunds;
    }

    /** Starts paying for the patient's held DRAFT; returns the gateway page to send the patient to. */
    @Transactional
    public URI start(long tenantId, long leadId, long appointmentId) {
        Instant now = clock.instant();
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        if (appointment.status != AppointmentStatus.DRAFT) {
            throw new Problem(409, "INVALID_STATE", "This booking is no longer waiting for payment.");
        }
        if (!appointment.isHeldAt(now)) {
            throw new Problem(409, "HOLD_EXPIRED",
                    "Your hold on this time has run out and the time was released. Please choose a time again.");
        }
        if (appointment.amountDue.signum() == 0) {
            throw new Problem(409, "NOTHING_TO_PAY", "Nothing is due online for this booking. You can confirm it straight away.");
        }
        boolean paid = sql.one("select status = 'SUCCEEDED' from payment where id = ?", rs -> rs.getBoolean(1),
                appointment.paymentId).orElse(false);
        if (paid) {
            throw new Problem(409, "ALREADY_PAID", "This booking is paid already.");
        }
        String reference = "SBX-" + UUID.randomUUID();
        BigDecimal amount = AmountDue.atMinorUnit(appointment.amountDue, appointment.currency);
        long paymentId = sql.one("""
                insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at)
                values (?, ?, ?, ?, ?, ?, 'STARTED', ?) returning id""", rs -> rs.getLong(1),
                tenantId, leadId, appointmentId, amount, appointment.currency, reference, now).orElseThrow();
        sql.update("update appointment set payment_id = ?, updated_at = ? where id = ? and status = 'DRAFT'",
                paymentId, now, appointmentId);
        return gateway.checkout(new PaymentGateway.Order(reference, amount, appointment.currency,
                "Appointment " + appointmentId, URI.create("/payments/return")));
    }

    /**
     * Records the gateway's verified answer and returns the appointment it belongs to. A replayed
     * answer changes nothing; a forged one is refused.
     */
    @Transactional
    public long complete(long tenantId, long leadId, Map<String, String> callback) {
        Instant now = clock.instant();
        PaymentGateway.Result result = gateway.verify(callback).orElseThrow(() -> new Problem(400, "PAYMENT_UNVERIFIED",
                "We could not verify this answer from the payment gateway, so nothing was changed."));
        record Payment(long id, long tenantId, long leadId, long appointmentId, String status) {
        }
        Payment payment = sql.one("select id, tenant_id, lead_id, appointment_id, status from payment where reference = ? for update",
                rs -> new Payment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)),
                result.reference()).orElseThrow(() -> Problem.notFound("payment"));
        if (payment.tenantId() != tenantId || payment.leadId() != leadId) {
            throw Problem.forbidden("payment");
        }
        if (!payment.status().equals("STARTED")) {
            return payment.appointmentId();
        }
        sql.update("update payment set status = ?, completed_at = ? where id = ?", result.outcome(), now, payment.id());
        if (result.outcome() == PaymentGateway.Outcome.SUCCEEDED) {
            Appointment appointment = ownership.appointment(tenantId, leadId, payment.appointmentId());
            boolean stillOurs = appointment.paymentId != null && appointment.paymentId == payment.id()
                    && appointment.status == AppointmentStatus.DRAFT;
            // money that cannot buy this booking any more (hold ran out, a rule now refuses it) goes back
            if (stillOurs && confirmations.refusalFor(appointment).isEmpty()) {
                confirmations.confirm(tenantId, leadId, appointment.id, null);
            } else {
                refunds.refundIfPaid(payment.id());
            }
        }
        return payment.appointmentId();
    }
}
