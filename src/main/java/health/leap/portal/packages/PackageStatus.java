package health.leap.portal.packages;

import io.quarkus.qute.TemplateEnum;

/** Where a patient's package stands. A passed ACTIVE package is shown as EXPIRED before the sweep stores it. */
@TemplateEnum
public enum PackageStatus {
    ACTIVE, EXHAUSTED, EXPIRED, CANCELLED
}
