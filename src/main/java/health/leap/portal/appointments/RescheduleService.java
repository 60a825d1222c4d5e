package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingWindow;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.DeskOverrides;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.packages.Redemptions;
import health.leap.portal.patient.Lead;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Moving a booking to another slot, maybe with another doctor or centre offering the same service.
 * In one transaction the old booking becomes RESCHEDULED and the new one takes the slot, the
 * payment and any package session with it; a lost race for the slot leaves the old one untouched.
 */
@ApplicationScoped
public class RescheduleService {
    private final Clock clock;
    private final Ownership ownership;
    private final ClinicCatalog catalog;
    private final AppointmentLifecycle lifecycle;
    private final Overlaps overlaps;
    private final Redemptions redemptions;

    public RescheduleService(Clock clock, Ownership ownership, ClinicCatalog catalog, AppointmentLifecycle lifecycle,
                             Overlaps overlaps, Redemptions redemptions) {
        this.clock = clock;
        this.ownership = ownership;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.overlaps = overlaps;
        this.redemptions = redemptions;
    }

    /** The booking to move, refused early when the rules already say no. */
    public Appointment movable(long tenantId, long leadId, long appointmentId) {
        return movable(tenantId, leadId, appointmentId, false);
    }

    /**
     * The booking to move, refused early when the rules already say no; for the front desk acting for the
     * patient ({@code deskActing}) the window and the limit of moves do not refuse here, since the desk
     * may go past them with the reason it gives when it moves the booking.
     */
    public Appointment movable(long tenantId, long leadId, long appointmentId, boolean deskActing) {
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        Centre centre = catalog.centre(appointment.centreId);
        RescheduleRules.refusal(appointment.status, appointment.startsAt, appointment.rescheduleCount, clock.instant(),
                centre.policy(), centre.desk()).ifPresent(p -> {
            if (!deskActing || !DeskOverrides.mayOverride(p.code())) {
                throw p;
            }
        });
        return appointment;
    }

    /** The slot moved to, with the end of the booking's service from its start and whether the doctor's block lasts that long. */
    private record Target(long slotId, long tenantId, long doctorId, long centreId, Instant startsAt, Instant endsAt,
                          boolean fits, boolean offered, boolean requiresApproval) {
    }

    /** Moves the booking to {@code slotId}; returns the new appointment's id. */
    @Transactional
    public long reschedule(long tenantId, long leadId, long appointmentId, long slotId) {
        return reschedule(tenantId, leadId, appointmentId, slotId, DeskOverrides.Desk.NONE);
    }

    /**
     * Moves the booking to {@code slotId}; the front desk acting for the patient ({@code desk}) may, with
     * a reason, move it inside the reschedule window, past the limit of moves and to a time inside the
     * minimum advance or past the same-day cutoff. Returns the new appointment's id.
     */
    @Transactional
    public long reschedule(long tenantId, long leadId, long appointmentId, long slotId, DeskOverrides.Desk desk) {
        Instant now = clock.instant();
        Lead.lockForChanges(tenantId, leadId);
        Set<ErrorCode> overridden = EnumSet.noneOf(ErrorCode.class);
        Appointment old = ownership.appointment(tenantId, leadId, appointmentId);
        if (desk.acting() && !old.startsAt.isAfter(now)) {
            // past its window a visit still ahead may be moved by the desk; one that has begun is marked on the day list
            throw new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class, AppointmentMessages::visitHasBegun);
        }
        Centre from = catalog.centre(old.centreId);
        RescheduleRules.refusal(old.status, old.startsAt, old.rescheduleCount, now, from.policy(), from.desk())
                .ifPresent(p -> overridden.add(DeskOverrides.pastOrThrow(p, desk)));
        Target target = target(slotId, old.serviceId).orElseThrow(
                () -> Problem.notFound(AppointmentMessages.class, AppointmentMessages::slotNotFound));
        if (target.tenantId() != tenantId) {
            throw Problem.forbidden(AppointmentMessages.class, AppointmentMessages::slotNotYours);
        }
        if (!target.offered()) {
            throw new Problem(ErrorCode.SERVICE_NOT_OFFERED, AppointmentMessages.class, AppointmentMessages::serviceNotOffered);
        }
        if (target.slotId() == old.slotId) {
            throw new Problem(ErrorCode.SAME_SLOT, AppointmentMessages.class, AppointmentMessages::sameSlot);
        }
        if (!target.fits()) {
            throw new Problem(ErrorCode.SERVICE_DOES_NOT_FIT, AppointmentMessages.class, AppointmentMessages::serviceDoesNotFit);
        }
        Centre centre = catalog.centre(target.centreId());
        BookingWindow.refusals(now, centre.zone(), centre.policy(), target.startsAt())
                .forEach(p -> overridden.add(DeskOverrides.pastOrThrow(p, desk)));
        if (target.startsAt().isBefore(now)) {
            throw new Problem(ErrorCode.TOO_SOON, AppointmentMessages.class, AppointmentMessages::slotHasBegun);
        }
        // a package pays for this service at the centres it names: a move elsewhere would use it where it is not valid
        redemptions.packageNotValidAt(appointmentId, old.serviceId, target.centreId()).ifPresent(name -> {
            throw new Problem(ErrorCode.PACKAGE_NOT_VALID_THERE, AppointmentMessages.class,
                    m -> m.packageNotValidThere(name, centre.name()));
        });
        // nor can it pay for a visit after its validity ends
        redemptions.packageEndsBefore(appointmentId, target.startsAt()).ifPresent(ending -> {
            throw new Problem(ErrorCode.PACKAGE_EXPIRES_BEFORE_VISIT, AppointmentMessages.class,
                    m -> m.packageEndsBefore(ending.name(), ending.validUntil(), centre.zone()));
        });
        overlaps.refusal(tenantId, leadId, target.startsAt(), target.endsAt(), now, appointmentId).ifPresent(p -> {
            throw p;
        });
        AppointmentStatus status = target.requiresApproval() ? AppointmentStatus.PENDING_APPROVAL : AppointmentStatus.CONFIRMED;
        long moved = lifecycle.move(old, new AppointmentLifecycle.Move(target.slotId(), target.doctorId(), target.centreId(),
                target.startsAt(), target.endsAt(), status), now, AppointmentLifecycle.Actor.patient(leadId), overridden,
                desk.reason());
        redemptions.handOn(appointmentId, moved, old.serviceId, target.centreId());
        return moved;
    }

    private Optional<Target> target(long slotId, long serviceId) {
        return NativeSql.one("""
                select s.id, s.tenant_id, s.doctor_id, s.centre_id, s.starts_at, f.until,
                       f.until <= s.ends_at
                           or (select range_agg(tstzrange(b.starts_at, b.ends_at)) from slot b
                               where b.doctor_id = s.doctor_id and b.centre_id = s.centre_id
                                 and b.starts_at >= s.starts_at and b.starts_at < f.until)
                              @> tstzrange(s.starts_at, f.until) as fits,
                       exists (select 1 from offering o where o.doctor_id = s.doctor_id and o.centre_id = s.centre_id
                                                          and o.service_id = ?) as offered,
                       d.requires_approval or sv.requires_approval as approval
                from slot s join doctor d on d.id = s.doctor_id join service sv on sv.id = ?
                cross join lateral (select s.starts_at + make_interval(mins => sv.duration_minutes) as until) f
                where s.id = ?""", rs -> new Target(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("doctor_id"),
                rs.getLong("centre_id"), rs.instant("starts_at"), rs.instant("until"), rs.getBoolean("fits"),
                rs.getBoolean("offered"),
                rs.getBoolean("approval")), serviceId, serviceId, slotId);
    }
}
