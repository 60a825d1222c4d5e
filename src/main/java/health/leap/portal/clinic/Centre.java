package health.leap.portal.clinic;

import java.time.Instant;
import java.time.ZoneId;

/** A place where doctors see patients, with its timezone and its effective booking rules. */
public record Centre(long id, String name, String address, ZoneId zone, BookingPolicy policy) {

    public BookingWindow windowAt(Instant now) {
        return BookingWindow.at(now, zone, policy);
    }
}
