package health.leap.portal.appointments;

import java.time.Instant;
import java.time.ZoneId;

/** An appointment as the home page lists it. */
public record Upcoming(long id, AppointmentStatus status, Instant startsAt, ZoneId zone, String doctorName, String centreName,
                       String serviceName) {

    public boolean isHeld() {
        return status == AppointmentStatus.DRAFT;
    }

    public boolean isCalendarReady() {
        return status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.CHECKED_IN;
    }
}
