package health.leap.portal.appointments;

import java.time.Instant;

/**
 * A line just written on a booking's timeline: its status went {@code from} → {@code to} (the same
 * for a note, {@code from} null for a new booking). Fired inside the transaction that wrote it, to
 * synchronous observers only, so what they write commits or rolls back with the change.
 */
public record BookingChanged(long tenantId, long appointmentId, Instant at, AppointmentLifecycle.Actor actor,
                             AppointmentStatus from, AppointmentStatus to, String detail) {

    public boolean isNote() {
        return from == to;
    }
}
