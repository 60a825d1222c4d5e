package health.leap.portal.appointments;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A booking of one slot by one patient. It is read here; every write, each a compare-and-set on the
 * status read, is {@link AppointmentLifecycle}'s, never a read-modify-write of this entity.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends TenantEntity {

    @Column(name = "lead_id", nullable = false)
    public long leadId;
    @Column(name = "slot_id", nullable = false)
    public long slotId;
    @Column(name = "doctor_id", nullable = false)
    public long doctorId;
    @Column(name = "centre_id", nullable = false)
    public long centreId;
    @Column(name = "service_id", nullable = false)
    public long serviceId;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;
    /** How often this hold was kept longer (issue 19): compared and set by {@link AppointmentLifecycle#extendHold}. */
    @Column(name = "hold_extensions_used", nullable = false)
    public int holdExtensionsUsed;
    @Column(name = "amount_due", nullable = false)
    public BigDecimal amountDue;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(name = "payment_id")
    public Long paymentId;
    @Column(name = "rescheduled_from_id")
    public Long rescheduledFromId;
    @Column(name = "reschedule_count", nullable = false)
    public int rescheduleCount;
    @Column(name = "cancel_reason")
    public String cancelReason;
    /** Why the front desk booked it past the patient's online rules (a walk-in, the active limit), or null. */
    @Column(name = "desk_reason")
    public String deskReason;
    /** To be paid at the clinic, as the front desk chose when it booked the visit. */
    @Column(name = "pay_at_desk", nullable = false)
    public boolean payAtDesk;
    @Column(name = "desk_paid_at")
    public Instant deskPaidAt;
    @Column(name = "desk_payment_reference")
    public String deskPaymentReference;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isHeldAt(Instant now) {
        return status == AppointmentStatus.DRAFT && holdExpiresAt.isAfter(now);
    }


    /**
     * How many bookings match {@code where} (HQL on this entity, parameters {@code ?1}, {@code ?2}...):
     * a plain {@code select count}, whose translation Hibernate keeps in its plan cache, where Panache's
     * {@code count} builds and translates a counting copy of the query on every call.
     */
    public static long countWhere(String where, Object... params) {
        var query = getEntityManager().createQuery("select count(*) from Appointment where " + where, Long.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getSingleResult();
    }
}
