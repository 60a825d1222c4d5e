package health.leap.portal.patient;

import java.time.Instant;

/**
 * An email change that a message is owed for, fired in the change's transaction: the link to the new
 * address when it is asked for, the notice to the old one when it is confirmed. The outbox observes it
 * (mail stands above this floor).
 */
public record EmailChangeMail(long tenantId, long emailChangeId, Step step, Instant at) {

    public enum Step {
        /** A link to confirm the new address goes to it. */
        REQUESTED,
        /** The address changed: the old one is told. */
        CONFIRMED
    }
}
