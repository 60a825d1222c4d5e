package health.leap.portal.appointments;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A patient is in one place at a time: a new hold, or a move, may not overlap another of their active
 * bookings (a DRAFT only while its hold runs). Callers hold the patient's lock, so two tabs cannot
 * both pass this check.
 */
@ApplicationScoped
public class Overlaps {

    public Overlaps() {
    }

    /**
     * Why the patient cannot have a booking from {@code start} to {@code end}, if another of theirs
     * overlaps it; {@code except} is the booking being moved, which will not be there.
     */
    public Optional<Problem> refusal(long tenantId, long leadId, Instant start, Instant end, Instant now, long except) {
        record Other(String doctor, Instant startsAt, String zone) {
        }
        return Appointment.getEntityManager().createQuery("""
                select d.name, a.startsAt, c.timezone from Appointment a
                join Doctor d on d.id = a.doctorId
                join CentreRow c on c.id = a.centreId
                where a.leadId = ?1 and a.tenantId = ?2 and a.startsAt < ?3 and a.endsAt > ?4 and a.id <> ?5
                  and (a.status in (?6, ?7, ?8) or (a.status = ?9 and a.holdExpiresAt > ?10))
                order by a.startsAt""", Other.class)
                .setParameter(1, leadId).setParameter(2, tenantId).setParameter(3, end).setParameter(4, start)
                .setParameter(5, except)
                .setParameter(6, AppointmentStatus.PENDING_APPROVAL).setParameter(7, AppointmentStatus.CONFIRMED)
                .setParameter(8, AppointmentStatus.CHECKED_IN).setParameter(9, AppointmentStatus.DRAFT).setParameter(10, now)
                .setMaxResults(1).getResultStream().findFirst()
                .map(other -> new Problem(ErrorCode.OVERLAPPING_BOOKING, AppointmentMessages.class,
                        m -> m.overlaps(other.doctor(), other.startsAt(), ZoneId.of(other.zone()))));
    }
}
