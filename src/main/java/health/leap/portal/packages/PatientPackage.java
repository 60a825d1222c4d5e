package health.leap.portal.packages;

import java.time.Instant;

/**
 * One of the patient's packages as the pages show it: the status is the effective one, and
 * {@code expiresSoon} marks an ACTIVE package whose validity ends within {@link #EXPIRES_SOON_DAYS} days.
 */
public record PatientPackage(long id, String name, PackageStatus status, int sessionsUsed, int sessionsTotal,
                             Instant validFrom, Instant validUntil, boolean expiresSoon) {

    public static final int EXPIRES_SOON_DAYS = 14;

    public int sessionsLeft() {
        return sessionsTotal - sessionsUsed;
    }
}
