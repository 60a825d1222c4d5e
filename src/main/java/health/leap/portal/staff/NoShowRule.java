package health.leap.portal.staff;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the front desk may say that a patient did not come: on the visit's day in its centre's zone,
 * once its start time has passed (a patient running late can still be checked in until the desk
 * decides). The day after, the completion job decides as the clinic chose.
 */
public final class NoShowRule {

    private NoShowRule() {
    }

    public static Optional<Problem> refusal(Instant start, ZoneId zone, Instant now) {
        if (!start.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
            return Optional.of(new Problem(ErrorCode.NOT_THE_VISIT_DAY, StaffMessages.class, StaffMessages::noShowNotTheDay));
        }
        if (now.isBefore(start)) {
            return Optional.of(new Problem(ErrorCode.NOT_THE_VISIT_DAY, StaffMessages.class, StaffMessages::noShowTooEarly));
        }
        return Optional.empty();
    }
}
