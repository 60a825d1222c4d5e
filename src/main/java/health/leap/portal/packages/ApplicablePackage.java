package health.leap.portal.packages;

import java.time.Instant;

/** A package of the patient's that can pay for a given service at a given centre, for a visit at a given time or now. */
public record ApplicablePackage(long id, String name, int sessionsLeft, int sessionsTotal, Instant validUntil) {
}
