package health.leap.portal.appointments;

import java.math.BigDecimal;
import java.time.Instant;

/** The gateway settled a refund of a booking's payment; fired in the transaction that recorded it. */
public record RefundSettled(long tenantId, long appointmentId, long refundId, BigDecimal amount, String currency,
                            boolean completed, Instant at) {
}
