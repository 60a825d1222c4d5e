package health.leap.portal.clinic;

import health.leap.portal.platform.Row;

import java.math.BigDecimal;

/** A service the clinic offers (table {@code service}): its length, fee and what is paid up front. */
public record ClinicService(long id, String name, int durationMinutes, BigDecimal fee, String currency,
                            PaymentMode paymentMode, BigDecimal tokenAmount, BigDecimal advancePercent,
                            boolean requiresApproval) {

    /** Reads a service from a row whose id and name columns are aliased service_id and service_name; null if absent. */
    public static ClinicService fromRow(Row rs) {
        if (rs.nullableLong("service_id") == null) {
            return null;
        }
        return new ClinicService(rs.getLong("service_id"), rs.getString("service_name"), rs.getInt("duration_minutes"),
                rs.getBigDecimal("fee"), rs.getString("currency").trim(), PaymentMode.valueOf(rs.getString("payment_mode")),
                rs.getBigDecimal("token_amount"), rs.getBigDecimal("advance_percent"),
                rs.getBoolean("requires_approval"));
    }
}
