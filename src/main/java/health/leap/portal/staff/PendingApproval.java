package health.leap.portal.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/** A booking waiting for the clinic to approve it. */
public record PendingApproval(long id, String patientName, String doctorName, String centreName, ZoneId zone,
                              String serviceName, Instant startsAt, BigDecimal paid, String currency) {
}
