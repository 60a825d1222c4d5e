package health.leap.portal.booking;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicService;

import java.time.Instant;

/**
 * A slot with what booking it needs: its doctor, centre (with rules) and the service asked for, if offered
 * there; {@code endsAt} is the service's end, and {@code fits} whether the doctor's schedule block at the
 * centre lasts that long from the slot's start.
 */
record BookableSlot(long id, long tenantId, long doctorId, boolean doctorRequiresApproval, Centre centre,
                    Instant startsAt, Instant endsAt, boolean fits, ClinicService service) {
}
