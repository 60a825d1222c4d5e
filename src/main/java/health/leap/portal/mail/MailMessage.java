package health.leap.portal.mail;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One message in the outbox ({@code mail_outbox}) and the one writer of that table. A message is
 * queued in the transaction of the change that causes it; the sender claims due messages with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never hold the same one, and marks each sent,
 * to be retried, or failed, in the transaction that claimed it.
 */
@Entity
@Table(name = "mail_outbox")
public class MailMessage extends TenantEntity {

    public enum Status {
        PENDING, SENT, FAILED
    }

    @Column(name = "lead_id", nullable = false)
    public long leadId;
    @Column(name = "appointment_id")
    public Long appointmentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailKind kind;
    @Column(name = "dedupe_key", nullable = false)
    public String dedupeKey;
    @Column(name = "message_id", nullable = false)
    public String messageId;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String subject;
    @Column(name = "body_html", nullable = false)
    public String bodyHtml;
    @Column(name = "body_text", nullable = false)
    public String bodyText;
    public String calendar;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;

    /** A rendered message, ready to queue. */
    record Draft(long tenantId, long leadId, Long appointmentId, MailKind kind, String dedupeKey, String messageId,
                 String recipient, String subject, String html, String text, String calendar) {
    }

    /**
     * Queues the message in the caller's transaction; false when one with the same key is already
     * queued (a reminder another instance queued first), which then stays the only one.
     */
    static boolean queue(Draft d, Instant now) {
        return NativeSql.update("""
                insert into mail_outbox (tenant_id, lead_id, appointment_id, kind, dedupe_key, message_id, recipient,
                                         subject, body_html, body_text, calendar, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict (dedupe_key) do nothing""",
                d.tenantId(), d.leadId(), d.appointmentId(), d.kind(), d.dedupeKey(), d.messageId(), d.recipient(),
                d.subject(), d.html(), d.text(), d.calendar(), now, now) == 1;
    }

    /** A message claimed for sending: locked by the claiming transaction until it commits. */
    record Due(long id, String messageId, String recipient, String subject, String html, String text, String calendar,
               int attempts) {
    }

    /** Up to {@code limit} messages due at {@code now}, oldest first, that no other sender holds. */
    static List<Due> claimDue(int limit, Instant now) {
        return NativeSql.list("""
                select id, message_id, recipient, subject, body_html, body_text, calendar, attempts from mail_outbox
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id
                limit ? for update skip locked""", MailMessage::due, now, limit);
    }

    private static Due due(Row rs) {
        return new Due(rs.getLong("id"), rs.getString("message_id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body_html"), rs.getString("body_text"), rs.getString("calendar"), rs.getInt("attempts"));
    }

    static void sent(long id, int attempts, Instant at) {
        update("status = ?1, attempts = ?2, sentAt = ?3, lastError = null where id = ?4 and status = ?5",
                Status.SENT, attempts, at, id, Status.PENDING);
    }

    static void retryAt(long id, int attempts, Instant next, String error) {
        update("attempts = ?1, nextAttemptAt = ?2, lastError = ?3 where id = ?4 and status = ?5",
                attempts, next, error, id, Status.PENDING);
    }

    static void failed(long id, int attempts, String error) {
        update("status = ?1, attempts = ?2, lastError = ?3 where id = ?4 and status = ?5",
                Status.FAILED, attempts, error, id, Status.PENDING);
    }

    /** The messages of one booking, oldest first (the tests and the demo's mailbox read them). */
    public static List<MailMessage> ofAppointment(long appointmentId) {
        return list("appointmentId = ?1 order by id", appointmentId);
    }
}
