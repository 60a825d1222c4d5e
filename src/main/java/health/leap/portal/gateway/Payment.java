package health.leap.portal.gateway;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money a patient pays online for one booking: one gateway reference pays one booking, ever. It is
 * STARTED when the patient is sent to the gateway and settles once, as the gateway answers.
 */
@Entity
@Table(name = "payment")
public class Payment extends TenantEntity {

    @Column(name = "lead_id", nullable = false)
    public long leadId;
    @Column(name = "appointment_id", nullable = false)
    public long appointmentId;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(nullable = false)
    public String reference;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentStatus status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    /** Starts paying {@code amount} for a booking under the gateway's {@code reference}; returns the payment's id. */
    public static long start(long tenantId, long leadId, long appointmentId, BigDecimal amount, String currency,
                             String reference, Instant now) {
        Payment payment = new Payment();
        payment.tenantId = tenantId;
        payment.leadId = leadId;
        payment.appointmentId = appointmentId;
        payment.amount = amount;
        payment.currency = currency;
        payment.reference = reference;
        payment.status = PaymentStatus.STARTED;
        payment.createdAt = now;
        payment.persist();
        return payment.id;
    }

    /** Whether the payment with this id (if any) has succeeded. */
    public static boolean succeeded(Long id) {
        return id != null && count("id = ?1 and status = ?2", id, PaymentStatus.SUCCEEDED) > 0;
    }

    /** Settles a STARTED payment as the gateway answered; false when it had settled already. */
    public static boolean settle(long id, PaymentStatus outcome, Instant now) {
        return update("status = ?1, completedAt = ?2 where id = ?3 and status = ?4",
                outcome, now, id, PaymentStatus.STARTED) == 1;
    }
}
