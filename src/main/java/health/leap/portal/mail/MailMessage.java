package health.leap.portal.mail;

import health.leap.portal.appointments.ActorType;
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
 * queued in the transaction of the change that causes it (what it is about, a booking or an email
 * change, one statement); the
 * sender claims due messages with {@code FOR UPDATE SKIP LOCKED}, so two instances never hold the
 * same one, renders each and marks it sent (keeping what it sent), to be retried, failed or skipped,
 * in the transaction that claimed it.
 */
@Entity
@Table(name = "mail_outbox")
public class MailMessage extends TenantEntity {

    public enum Status {
        PENDING, SENT, FAILED, SKIPPED
    }

    @Column(name = "lead_id", nullable = false)
    public long leadId;
    /** The booking the message is about, or null for one about an email change. */
    @Column(name = "appointment_id")
    public Long appointmentId;
    /** The email change the message is about (its link, or the notice to the old address), or null. */
    @Column(name = "email_change_id")
    public Long emailChangeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActorType actor;
    @Column(name = "dedupe_key", nullable = false)
    public String dedupeKey;
    @Column(name = "message_id", nullable = false)
    public String messageId;
    public String recipient;
    public String subject;
    @Column(name = "body_html")
    public String bodyHtml;
    @Column(name = "body_text")
    public String bodyText;
    public String calendar;
    /** The language tag of the patient's request that caused the message (en, es); null when no such request did. */
    public String language;
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

    /**
     * Queues a message about booking {@code appointmentId} (its tenant and patient read from it) in the
     * caller's transaction; false when one with the same key is already queued (a reminder another
     * instance queued first), which then stays the only one. {@code language} is the language tag of the
     * patient's request that caused it, or null.
     */
    static boolean queue(long appointmentId, MailKind kind, ActorType actor, String dedupeKey, String messageId,
                         String language, Instant now) {
        return NativeSql.update("""
                insert into mail_outbox (tenant_id, lead_id, appointment_id, kind, actor, dedupe_key, message_id, language,
                                         status, attempts, next_attempt_at, created_at)
                select a.tenant_id, a.lead_id, a.id, ?, ?, ?, ?, cast(? as text), 'PENDING', 0, ?, ? from appointment a
                where a.id = ?
                on conflict (dedupe_key) do nothing""",
                kind, actor, dedupeKey, messageId, language, now, now, appointmentId) == 1;
    }

    /**
     * Queues a message about email change {@code emailChangeId} (its tenant and patient read from it), as
     * {@link #queue} does for a booking.
     */
    static boolean queueAboutEmailChange(long emailChangeId, MailKind kind, ActorType actor, String dedupeKey,
                                         String messageId, String language, Instant now) {
        return NativeSql.update("""
                insert into mail_outbox (tenant_id, lead_id, email_change_id, kind, actor, dedupe_key, message_id, language,
                                         status, attempts, next_attempt_at, created_at)
                select ec.tenant_id, ec.lead_id, ec.id, ?, ?, ?, ?, cast(? as text), 'PENDING', 0, ?, ? from email_change ec
                where ec.id = ?
                on conflict (dedupe_key) do nothing""",
                kind, actor, dedupeKey, messageId, language, now, now, emailChangeId) == 1;
    }

    /**
     * A message claimed for sending: locked by the claiming transaction until it commits. About a booking
     * ({@code appointmentId}) or an email change ({@code emailChangeId}), one of the two.
     */
    record Due(long id, Long appointmentId, Long emailChangeId, MailKind kind, ActorType actor, String messageId, int attempts) {
    }

    /**
     * What went: the message as rendered. {@code withheld}, when set, is a secret the message carries (an
     * email-change link's token) that the outbox's copy of what was sent leaves out.
     */
    record Rendered(String recipient, String subject, String html, String text, String calendar, String withheld) {

        Rendered(String recipient, String subject, String html, String text, String calendar) {
            this(recipient, subject, html, text, calendar, null);
        }

        /** The message as the outbox keeps it. */
        Rendered kept() {
            return withheld == null ? this : new Rendered(recipient, subject, html.replace(withheld, WITHHELD),
                    text.replace(withheld, WITHHELD), calendar, null);
        }
    }

    /** What the kept copy of a message says in place of a link's token. */
    static final String WITHHELD = "(withheld)";

    /** Up to {@code limit} messages due at {@code now}, oldest first, that no other sender holds. */
    static List<Due> claimDue(int limit, Instant now) {
        return NativeSql.list("""
                select id, appointment_id, email_change_id, kind, actor, message_id, attempts from mail_outbox
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id
                limit ? for update skip locked""", MailMessage::due, now, limit);
    }

    private static Due due(Row rs) {
        return new Due(rs.getLong("id"), rs.nullableLong("appointment_id"), rs.nullableLong("email_change_id"),
                MailKind.valueOf(rs.getString("kind")),
                ActorType.valueOf(rs.getString("actor")), rs.getString("message_id"), rs.getInt("attempts"));
    }

    static void sent(long id, int attempts, Instant at, Rendered rendered) {
        Rendered mail = rendered.kept();
        update("""
                status = ?1, attempts = ?2, sentAt = ?3, lastError = null, recipient = ?4, subject = ?5, bodyHtml = ?6,
                bodyText = ?7, calendar = ?8 where id = ?9 and status = ?10""",
                Status.SENT, attempts, at, mail.recipient(), mail.subject(), mail.html(), mail.text(), mail.calendar(), id,
                Status.PENDING);
    }

    static void retryAt(long id, int attempts, Instant next, String error) {
        update("attempts = ?1, nextAttemptAt = ?2, lastError = ?3 where id = ?4 and status = ?5",
                attempts, next, error, id, Status.PENDING);
    }

    static void failed(long id, int attempts, String error) {
        update("status = ?1, attempts = ?2, lastError = ?3 where id = ?4 and status = ?5",
                Status.FAILED, attempts, error, id, Status.PENDING);
    }

    /** Nothing to send when its time came; {@code why} says what. */
    static void skipped(long id, String why) {
        update("status = ?1, lastError = ?2 where id = ?3 and status = ?4", Status.SKIPPED, why, id, Status.PENDING);
    }
}
