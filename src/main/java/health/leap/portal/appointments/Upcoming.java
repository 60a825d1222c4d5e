package health.leap.portal.appointments;

import java.time.Instant;
import java.time.ZoneId;

/** An appointment as the home page lists it. */
public record Upcoming(long id, String status, Instant startsAt, ZoneId zone, String doctorName, String centreName,
                       String serviceName) {

    public boolean isHeld() {
        return status.equals("DRAFT");
    }

    public boolean isCalendarReady() {
        return status.equals("CONFIRMED") || status.equals("CHECKED_IN");
    }
}
