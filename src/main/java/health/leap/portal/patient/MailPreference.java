package health.leap.portal.patient;

import health.leap.portal.platform.NativeSql;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * What a patient chose to hear by email ({@code mail_preference}, one row per patient, none until
 * they choose: then everything goes), and in which language. The one writer of that table.
 */
@Entity
@Table(name = "mail_preference")
public class MailPreference extends PanacheEntityBase {

    @Id
    @Column(name = "lead_id")
    public Long leadId;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(nullable = false)
    public boolean reminders;
    @Column(name = "change_notices", nullable = false)
    public boolean changeNotices;
    /** The language tag the patient's emails are written in (en, es); null until they choose one. */
    public String language;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The patient's choices: reminders and change notices, both on until they say otherwise, and the
     * language of their emails (a tag, en or es; null where they have not chosen one).
     */
    public record Choices(boolean reminders, boolean changeNotices, String language) {
        static final Choices DEFAULT = new Choices(true, true, null);
    }

    static Choices of(long tenantId, long leadId) {
        return Optional.ofNullable(MailPreference.<MailPreference>findById(leadId))
                .filter(p -> p.tenantId == tenantId)
                .map(p -> new Choices(p.reminders, p.changeNotices, p.language))
                .orElse(Choices.DEFAULT);
    }

    /** Saves the profile's choices; a null language keeps the one chosen before. */
    static void save(long tenantId, long leadId, Choices choices, Instant now) {
        NativeSql.update("""
                insert into mail_preference (lead_id, tenant_id, reminders, change_notices, language, updated_at)
                values (?, ?, ?, ?, cast(? as text), ?)
                on conflict (lead_id) do update set reminders = excluded.reminders, change_notices = excluded.change_notices,
                                                    language = coalesce(excluded.language, mail_preference.language),
                                                    updated_at = excluded.updated_at
                where mail_preference.tenant_id = excluded.tenant_id""",
                leadId, tenantId, choices.reminders(), choices.changeNotices(), choices.language(), now);
    }

    /** The language of the patient's emails, chosen with the switcher; a new row keeps every email on. */
    static void saveLanguage(long tenantId, long leadId, String language, Instant now) {
        NativeSql.update("""
                insert into mail_preference (lead_id, tenant_id, reminders, change_notices, language, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (lead_id) do update set language = excluded.language, updated_at = excluded.updated_at
                where mail_preference.tenant_id = excluded.tenant_id""",
                leadId, tenantId, Choices.DEFAULT.reminders(), Choices.DEFAULT.changeNotices(), language, now);
    }
}
