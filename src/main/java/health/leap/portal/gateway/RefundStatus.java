package health.leap.portal.gateway;

import io.quarkus.qute.TemplateEnum;

/** Where money given back stands: asked for at the gateway, then back with the patient or not returned. */
@TemplateEnum
public enum RefundStatus {
    INITIATED, COMPLETED, FAILED;

    /** The stored status, or null where nothing was refunded. */
    public static RefundStatus of(String stored) {
        return stored == null ? null : valueOf(stored);
    }
}
