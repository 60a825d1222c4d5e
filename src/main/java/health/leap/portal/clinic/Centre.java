package health.leap.portal.clinic;

import health.leap.portal.web.CentrePhone;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A place where doctors see patients, with its timezone, its effective booking rules and the phone
 * number of its front desk (null when the clinic gave none).
 */
public record Centre(long id, String name, String address, ZoneId zone, BookingPolicy policy, String phone) {

    /** Whom to call about a booking here. */
    public CentrePhone desk() {
        return new CentrePhone(name, phone);
    }

    public BookingWindow windowAt(Instant now) {
        return BookingWindow.at(now, zone, policy);
    }
}
