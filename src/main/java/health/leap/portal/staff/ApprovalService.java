package health.leap.portal.staff;

import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.appointments.AppointmentLifecycle.Actor;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
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
        return NativeSql.list("""
                select a.id, l.name as patient, d.name as doctor, c.name as centre, c.timezone, s.name as service,
                       a.starts_at, p.amount as paid, a.currency
                from appointment a
                join lead l on l.id = a.lead_id
                join doctor d on d.id = a.doctor_id
                join centre c on c.id = a.centre_id
                join service s on s.id = a.service_id
                left join payment p on p.id = a.payment_id and p.status = 'SUCCEEDED'
                where a.tenant_id = ? and a.status = 'PENDING_APPROVAL'
                order by a.starts_at, a.id""", rs -> new PendingApproval(rs.getLong("id"), rs.getString("patient"),
                rs.getString("doctor"), rs.getString("centre"), ZoneId.of(rs.getString("timezone")),
                rs.getString("service"), rs.instant("starts_at"), rs.getBigDecimal("paid"),
                rs.getString("currency").trim()), tenantId);
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
