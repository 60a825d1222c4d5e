package health.leap.portal.appointments;

import health.leap.portal.booking.BookingWindow;
import health.leap.portal.booking.HoldExpiry;
import health.leap.portal.booking.HoldService;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.packages.Redemptions;
import health.leap.portal.platform.Sql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Moving a booking to another slot, maybe with another doctor or centre offering the same service.
 * In one transaction the old booking becomes RESCHEDULED and the new one takes the slot, the
 * payment and any package session with it; a lost race for the slot leaves the old one untouched.
 */
@ApplicationScoped
public class RescheduleService {

    private final Sql sql;
    private final Clock clock;
    private final Ownership ownership;
    private final ClinicCatalog catalog;
    private final HoldExpiry holdExpiry;
    private final Overlaps overlaps;
    private final Redemptions redemptions;

    public RescheduleService(Sql sql, Clock clock, Ownership ownership, ClinicCatalog catalog, HoldExpiry holdExpiry,
                             Overlaps overlaps, Redemptions redemptions) {
        this.sql = sql;
        this.clock = clock;
        this.ownership = ownership;
        this.catalog = catalog;
        this.holdExpiry = holdExpiry;
        this.overlaps = overlaps;
        this.redemptions = redemptions;
    }

    /** The booking to move, refused early when the rules already say no. */
    public Appointment movable(long tenantId, long leadId, long appointmentId) {
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        RescheduleRules.refusal(appointment.status, appointment.startsAt, appointment.rescheduleCount, clock.instant(),
                catalog.centre(appointment.centreId).policy()).ifPresent(p -> {
            throw p;
        });
        return appointment;
    }

    private record Target(long slotId, long tenantId, long doctorId, long centreId, Instant startsAt, Instant endsAt,
                          boolean offered, boolean requiresApproval) {
    }

    /** Moves the booking to {@code slotId}; returns the new appointment's id. */
    @Transactional
    public long reschedule(long tenantId, long leadId, long appointmentId, long slotId) {
        Instant now = clock.instant();
        sql.one("select id from lead where id = ? and tenant_id = ? for update", rs -> rs.getLong(1), leadId, tenantId);
        Appointment old = movable(tenantId, leadId, appointmentId);
        Target target = target(slotId, old.serviceId).orElseThrow(() -> Problem.notFound("time slot"));
        if (target.tenantId() != tenantId) {
            throw Problem.forbidden("time slot");
        }
        if (!target.offered()) {
            throw new Problem(ErrorCode.SERVICE_NOT_OFFERED,
                    "That doctor does not offer this service at that centre. Please choose another time.");
        }
        if (target.slotId() == old.slotId) {
            throw new Problem(ErrorCode.SAME_SLOT, "This is the time you already have. Please choose another time.");
        }
        Centre centre = catalog.centre(target.centreId());
        BookingWindow.refusal(now, centre.zone(), centre.policy(), target.startsAt()).ifPresent(p -> {
            throw p;
        });
        // a package pays for this service at the centres it names: a move elsewhere would use it where it is not valid
        redemptions.packageNotValidAt(appointmentId, old.serviceId, target.centreId()).ifPresent(name -> {
            throw new Problem(ErrorCode.PACKAGE_NOT_VALID_THERE, "This booking is paid with your " + name
                    + ", which cannot be used at " + centre.name() + ". Choose a time at a centre the package covers, "
                    + "or cancel this booking and book again paying another way.");
        });
        overlaps.refusal(tenantId, leadId, target.startsAt(), target.endsAt(), now, appointmentId).ifPresent(p -> {
            throw p;
        });
        holdExpiry.expirePassedHoldsOn(target.slotId(), now);
        if (!Appointment.transition(appointmentId, old.status, AppointmentStatus.RESCHEDULED, now)) {
            throw new Problem(ErrorCode.INVALID_STATE, "This booking changed meanwhile. Reload the page to see where it stands.");
        }
        AppointmentStatus status = target.requiresApproval() ? AppointmentStatus.PENDING_APPROVAL : AppointmentStatus.CONFIRMED;
        long moved = sql.one("""
                insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                         status, amount_due, currency, payment_id, rescheduled_from_id, reschedule_count,
                                         created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (slot_id) where status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN') do nothing
                returning id""", rs -> rs.getLong(1),
                tenantId, leadId, target.slotId(), target.doctorId(), target.centreId(), old.serviceId, target.startsAt(),
                target.endsAt(), status, old.amountDue, old.currency, old.paymentId, appointmentId, old.rescheduleCount + 1,
                now, now).orElseThrow(() -> new Problem(ErrorCode.SLOT_TAKEN,
                "Someone else has just taken this time. Your booking was not moved; please choose another time."));
        redemptions.handOn(appointmentId, moved);
        AppointmentEvent.record(tenantId, appointmentId, now, ActorType.PATIENT, String.valueOf(leadId), old.status,
                AppointmentStatus.RESCHEDULED, "Moved to booking #" + moved);
        AppointmentEvent.record(tenantId, moved, now, ActorType.PATIENT, String.valueOf(leadId), null, status,
                "Moved from booking #" + appointmentId
                        + (status == AppointmentStatus.PENDING_APPROVAL ? "; waiting for the clinic's approval" : ""));
        return moved;
    }

    private Optional<Target> target(long slotId, long serviceId) {
        return sql.one("""
                select s.id, s.tenant_id, s.doctor_id, s.centre_id, s.starts_at, s.ends_at,
                       exists (select 1 from offering o where o.doctor_id = s.doctor_id and o.centre_id = s.centre_id
                                                          and o.service_id = ?) as offered,
                       d.requires_approval or sv.requires_approval as approval
                from slot s join doctor d on d.id = s.doctor_id join service sv on sv.id = ?
                where s.id = ?""", rs -> new Target(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("doctor_id"),
                rs.getLong("centre_id"), Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), rs.getBoolean("offered"),
                rs.getBoolean("approval")), serviceId, serviceId, slotId);
    }
}
