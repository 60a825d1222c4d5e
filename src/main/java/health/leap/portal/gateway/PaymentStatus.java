package health.leap.portal.gateway;

import io.quarkus.qute.TemplateEnum;

/** Where a payment stands: started at the gateway, then as the gateway answered. */
@TemplateEnum
public enum PaymentStatus {
    STARTED, SUCCEEDED, FAILED, ABANDONED;

    /** The stored status, or null where the booking has no payment. */
    public static PaymentStatus of(String stored) {
        return stored == null ? null : valueOf(stored);
    }
}
