package health.leap.portal.patient;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One change to a patient's contact details ({@code contact_change}), the trail the front desk reads:
 * which detail, from what to what, who changed it and when. The one writer of that table.
 */
@Entity
@Table(name = "contact_change")
public class ContactChange extends TenantEntity {

    public enum Field {
        PHONE, EMAIL
    }

    /** Who changed it: the patient, a guardian for their dependant ({@code actorLeadId}), or the front desk ({@code actorStaff}). */
    public enum Actor {
        PATIENT, GUARDIAN, STAFF
    }

    @Column(name = "lead_id", nullable = false)
    public long leadId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Field field;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "new_value")
    public String newValue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Actor actor;
    @Column(name = "actor_lead_id")
    public Long actorLeadId;
    @Column(name = "actor_staff")
    public String actorStaff;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** A line of the trail as the profile shows it: {@code by} names a guardian or the staff member's login. */
    public record Line(Instant at, Field field, String oldValue, String newValue, Actor actor, String by) {
    }

    static void record(long tenantId, long leadId, Field field, String oldValue, String newValue, Actor actor,
                       Long actorLeadId, String actorStaff, Instant at) {
        ContactChange change = new ContactChange();
        change.tenantId = tenantId;
        change.leadId = leadId;
        change.field = field;
        change.oldValue = oldValue;
        change.newValue = newValue;
        change.actor = actor;
        change.actorLeadId = actorLeadId;
        change.actorStaff = actorStaff;
        change.changedAt = at;
        change.persist();
    }

    /** The patient's trail, newest first, with the guardians' names: one statement. */
    public static List<Line> trailOf(long tenantId, long leadId) {
        return getEntityManager().createQuery("""
                select c.changedAt, c.field, c.oldValue, c.newValue, c.actor, coalesce(g.name, c.actorStaff)
                from ContactChange c
                left join Lead g on g.id = c.actorLeadId and g.tenantId = c.tenantId and c.actor = ?3
                where c.tenantId = ?1 and c.leadId = ?2
                order by c.changedAt desc, c.id desc""", Line.class)
                .setParameter(1, tenantId).setParameter(2, leadId).setParameter(3, Actor.GUARDIAN).getResultList();
    }
}
