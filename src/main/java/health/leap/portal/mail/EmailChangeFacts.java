package health.leap.portal.mail;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a message about an email change says, read in one statement when it goes: the addresses, whether
 * the link still works, who asked (a guardian by name), the clinic, and the language to word it in
 * ({@code language}: the patient's choice, else the guardian's, else that of the request that queued it, else en).
 */
record EmailChangeFacts(long id, long tenantId, long leadId, String newEmail, String oldEmail, String linkNonce,
                        boolean byGuardian, Instant expiresAt, Instant usedAt, Instant supersededAt, String patientName,
                        String guardianName, String clinicName, ZoneId zone, String language) {

    static Optional<EmailChangeFacts> of(long emailChangeId, long messageId) {
        return NativeSql.one("""
                select ec.id, ec.tenant_id, ec.lead_id, ec.new_email, ec.old_email, ec.link_nonce, ec.requested_by,
                       ec.expires_at, ec.used_at, ec.superseded_at, l.name as patient, g.name as guardian, t.name as clinic,
                       t.timezone, coalesce(mp.language, gp.language, mo.language, 'en') as language
                from email_change ec
                join lead l on l.id = ec.lead_id and l.tenant_id = ec.tenant_id
                join tenant t on t.id = ec.tenant_id
                left join lead g on ec.requested_by = 'GUARDIAN' and g.id = ec.requested_by_lead and g.tenant_id = ec.tenant_id
                left join mail_preference mp on mp.lead_id = ec.lead_id and mp.tenant_id = ec.tenant_id
                left join mail_preference gp on gp.lead_id = g.id and gp.tenant_id = ec.tenant_id
                left join mail_outbox mo on mo.id = ? and mo.email_change_id = ec.id
                where ec.id = ?""", EmailChangeFacts::read, messageId, emailChangeId);
    }

    private static EmailChangeFacts read(Row rs) {
        return new EmailChangeFacts(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("lead_id"), rs.getString("new_email"),
                rs.getString("old_email"), rs.getString("link_nonce"), "GUARDIAN".equals(rs.getString("requested_by")),
                rs.instant("expires_at"), rs.instant("used_at"), rs.instant("superseded_at"), rs.getString("patient"),
                rs.getString("guardian"), rs.getString("clinic"), ZoneId.of(rs.getString("timezone")), rs.getString("language"));
    }

    /** The link still changes the address at {@code now}: not used, not superseded, not expired. */
    boolean linkOpen(Instant now) {
        return usedAt == null && supersededAt == null && now.isBefore(expiresAt);
    }
}
