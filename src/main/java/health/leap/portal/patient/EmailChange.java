package health.leap.portal.patient;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A new email address waiting for its link to be opened ({@code email_change}), and the one writer of
 * that table. The link's token is not kept: only its hash, to find the row, and the nonce it is made
 * from under the portal's key ({@link EmailChangeLinks}), so the outbox can word the link when it sends it.
 */
@Entity
@Table(name = "email_change")
public class EmailChange extends TenantEntity {

    /** Who asked for the change: the patient, or a guardian for their dependant. */
    public enum RequestedBy {
        PATIENT, GUARDIAN
    }

    @Column(name = "lead_id", nullable = false)
    public long leadId;
    @Column(name = "new_email", nullable = false)
    public String newEmail;
    @Column(name = "old_email")
    public String oldEmail;
    @Column(name = "link_nonce", nullable = false)
    public String linkNonce;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_by", nullable = false)
    public RequestedBy requestedBy;
    @Column(name = "requested_by_lead", nullable = false)
    public long requestedByLead;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "superseded_at")
    public Instant supersededAt;

    /**
     * Records a request, superseding the patient's earlier open one (only the newest link works), and
     * returns its id.
     */
    static long request(long tenantId, long leadId, String newEmail, String oldEmail, RequestedBy by, long byLead,
                        String nonce, String tokenHash, Instant now) {
        update("supersededAt = ?1 where tenantId = ?2 and leadId = ?3 and usedAt is null and supersededAt is null",
                now, tenantId, leadId);
        EmailChange change = new EmailChange();
        change.tenantId = tenantId;
        change.leadId = leadId;
        change.newEmail = newEmail;
        change.oldEmail = oldEmail;
        change.linkNonce = nonce;
        change.tokenHash = tokenHash;
        change.requestedBy = by;
        change.requestedByLead = byLead;
        change.requestedAt = now;
        change.expiresAt = ContactRules.linkExpiry(now);
        change.persist();
        return change.id;
    }

    /** The patient's request whose link still works at {@code now}, if any (a newer one supersedes the rest). */
    static Optional<EmailChange> openOf(long tenantId, long leadId, Instant now) {
        return find("tenantId = ?1 and leadId = ?2 and usedAt is null and supersededAt is null and expiresAt > ?3",
                tenantId, leadId, now).firstResultOptional();
    }

    static Optional<EmailChange> byTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /**
     * Uses the link: a compare-and-set on a link still open at {@code now}, so a link opened twice at
     * once changes the address once. {@code oldEmail} is the address it replaces, as the record has it now.
     */
    static boolean use(long id, String oldEmail, Instant now) {
        return update("usedAt = ?1, oldEmail = ?2 where id = ?3 and usedAt is null and supersededAt is null and expiresAt > ?1",
                now, oldEmail, id) == 1;
    }
}
