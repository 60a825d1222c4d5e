package health.leap.portal.staff;

import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.appointments.AppointmentLifecycle.Actor;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The clinic's side of PENDING_APPROVAL: approve to CONFIRMED, or decline to CANCELLED with the money given back. */
@ApplicationScoped
public class ApprovalService {
    private final Clock clock;
    private final AppointmentLifecycle lifecycle;

    public ApprovalService(Clock clock, AppointmentLifecycle lifecycle) {
        this.clock = clock;
        this.lifecycle = lifecycle;
    }

    /** The tenant's pending bookings, soonest first. */
    public List<PendingApproval> queue(long tenantId) {
        record Pending(long id, String patient, String doctor, String centre, String timezone, String service,
                       Instant startsAt, BigDecimal paid, String currency) {
        }
        return Appointment.getEntityManager().createQuery("""
                select a.id, l.name, d.name, c.name, c.timezone, s.name, a.startsAt, p.amount, a.currency
                from Appointment a
                join Lead l on l.id = a.leadId
                join Doctor d on d.id = a.doctorId
                join CentreRow c on c.id = a.centreId
                join ServiceRow s on s.id = a.serviceId
                left join Payment p on p.id = a.paymentId and p.status = ?2
                where a.tenantId = ?1 and a.status = ?3
                order by a.startsAt, a.id""", Pending.class)
                .setParameter(1, tenantId).setParameter(2, PaymentStatus.SUCCEEDED).setParameter(3, AppointmentStatus.PENDING_APPROVAL)
                .getResultStream()
                .map(p -> new PendingApproval(p.id(), p.patient(), p.doctor(), p.centre(), ZoneId.of(p.timezone()), p.service(),
                        p.startsAt(), p.paid(), p.currency().trim()))
                .toList();
    }

    @Transactional
    public void approve(long tenantId, String staffUser, long appointmentId) {
        Appointment appointment = pending(tenantId, appointmentId);
        if (appointment.status != AppointmentStatus.PENDING_APPROVAL
                || !lifecycle.transition(appointment, AppointmentStatus.CONFIRMED, clock.instant(), Actor.staff(staffUser),
                TimelineDetail.approved())) {
            throw alreadyDecided();
        }
    }

    /** Declines with the reason the patient is shown; a decline without one is refused before anything changes. */
    @Transactional
    public void decline(long tenantId, String staffUser, long appointmentId, String reason) {
        Appointment appointment = pending(tenantId, appointmentId);
        if (appointment.status != AppointmentStatus.PENDING_APPROVAL) {
            throw alreadyDecided();
        }
        if (reason == null) {
            throw new Problem(ErrorCode.REASON_REQUIRED, StaffMessages.class, StaffMessages::reasonRequired);
        }
        if (lifecycle.cancel(appointment, reason, clock.instant(), Actor.staff(staffUser),
                TimelineDetail.declined(reason)).isEmpty()) {
            throw alreadyDecided();
        }
    }

    private Appointment pending(long tenantId, long appointmentId) {
        Appointment appointment = Appointment.findById(appointmentId);
        if (appointment == null) {
            throw Problem.notFound(StaffMessages.class, StaffMessages::appointmentNotFound);
        }
        if (appointment.tenantId != tenantId) {
            throw Problem.forbidden(StaffMessages.class, StaffMessages::appointmentNotYours);
        }
        return appointment;
    }

    private static Problem alreadyDecided() {
        return new Problem(ErrorCode.INVALID_STATE, StaffMessages.class, StaffMessages::alreadyDecided);
    }
}
