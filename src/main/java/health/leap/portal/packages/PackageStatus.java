package health.leap.portal.packages;

/** Where a patient's package stands. A passed ACTIVE package is shown as EXPIRED before the sweep stores it. */
public enum PackageStatus {
    ACTIVE, EXHAUSTED, EXPIRED, CANCELLED
}
