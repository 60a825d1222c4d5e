package health.leap.portal.appointments;

import health.leap.portal.platform.NativeSql;
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
        record Other(String doctor, Instant startsAt, ZoneId zone) {
        }
        return NativeSql.one("""
                select d.name, a.starts_at, c.timezone from appointment a
                join doctor d on d.id = a.doctor_id
                join centre c on c.id = a.centre_id
                where a.lead_id = ? and a.tenant_id = ? and a.starts_at < ? and a.ends_at > ? and a.id <> ?
                  and (a.status in ('PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN') or (a.status = 'DRAFT' and a.hold_expires_at > ?))
                order by a.starts_at limit 1""", rs -> new Other(rs.getString(1), rs.instant("starts_at"),
                ZoneId.of(rs.getString(3))), leadId, tenantId, end, start, except, now)
                .map(other -> new Problem(ErrorCode.OVERLAPPING_BOOKING, AppointmentMessages.class,
                        m -> m.overlaps(other.doctor(), other.startsAt(), other.zone())));
    }
}
