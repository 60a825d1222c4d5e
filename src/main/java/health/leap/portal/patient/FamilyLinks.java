package health.leap.portal.patient;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The clinic's family links, made, extended and ended by staff of the same clinic; the one writer of
 * {@code family_link} and its audit. A child's link ends on their 18th birthday unless the clinic
 * gives a later end or none; every change is recorded with who made it and when.
 */
@ApplicationScoped
public class FamilyLinks {

    private final Clock clock;
    private final Event<FamilyChanged> changed;

    public FamilyLinks(Clock clock, Event<FamilyChanged> changed) {
        this.clock = clock;
        this.changed = changed;
    }

    /** The age at which a child's link ends unless the clinic extends it. */
    public static final int ADULT_AT = 18;

    /** A patient of the clinic as the family page shows them. */
    public record Person(long id, String name, LocalDate dateOfBirth) {
    }

    /** One link as staff see it, from either side. */
    public record Shown(long id, long guardianId, String guardianName, long dependantId, String dependantName,
                        Relationship relationship, LocalDate endsOn, boolean inForce, String linkedBy, Instant linkedAt,
                        String endedBy, Instant endedAt) {
    }

    /** One change to a link, newest first on the page. */
    public record Change(long linkId, String guardianName, String dependantName, FamilyLinkAudit.Action action,
                         LocalDate endsOn, String staffUser, Instant at) {
    }

    /** Everything the staff family page shows about one patient. */
    public record Record(Person patient, ZoneId zone, LocalDate today, List<Shown> dependants, List<Shown> guardians,
                         List<Change> changes) {
        /** The first day a new end may be set to. */
        public LocalDate tomorrow() {
            return today.plusDays(1);
        }
    }

    /** The patient's links as a guardian and as a dependant, and the last changes to them. */
    public Record of(long tenantId, long leadId) {
        Person patient = person(tenantId, leadId);
        Instant now = clock.instant();
        ZoneId zone = Tenant.zone(tenantId);
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Shown> dependants = links("fl.guardianLeadId", "d.name", tenantId, leadId, today);
        List<Shown> guardians = links("fl.dependantLeadId", "g.name", tenantId, leadId, today);
        List<Change> changes = FamilyLinkAudit.getEntityManager().createQuery("""
                select a.linkId, g.name, d.name, a.action, a.endsOn, a.staffUser, a.at
                from FamilyLinkAudit a
                join FamilyLink fl on fl.id = a.linkId
                join Lead g on g.id = fl.guardianLeadId
                join Lead d on d.id = fl.dependantLeadId
                where a.tenantId = ?1 and (fl.guardianLeadId = ?2 or fl.dependantLeadId = ?2)
                order by a.at desc, a.id desc""", Change.class)
                .setParameter(1, tenantId).setParameter(2, leadId).setMaxResults(50).getResultList();
        return new Record(patient, zone, today, dependants, guardians, changes);
    }

    /** The patient's links from one side ({@code side} is the patient's column), those in force first. */
    private static List<Shown> links(String side, String otherName, long tenantId, long leadId, LocalDate today) {
        String inForce = "case when fl.endedAt is null and (fl.endsOn is null or fl.endsOn > ?1) then true else false end";
        return FamilyLink.getEntityManager().createQuery("""
                select fl.id, fl.guardianLeadId, g.name, fl.dependantLeadId, d.name, fl.relationship, fl.endsOn,
                       %1$s, fl.linkedBy, fl.linkedAt, fl.endedBy, fl.endedAt
                from FamilyLink fl
                join Lead g on g.id = fl.guardianLeadId
                join Lead d on d.id = fl.dependantLeadId
                where fl.tenantId = ?2 and %2$s = ?3
                order by %1$s desc, fl.endedAt desc nulls first, %3$s, fl.id""".formatted(inForce, side, otherName), Shown.class)
                .setParameter(1, today).setParameter(2, tenantId).setParameter(3, leadId).getResultList();
    }

    /**
     * Lets {@code guardianId} act for {@code dependantId} from now. A child's link ends on
     * {@code endsOn} if given, else on their 18th birthday; other links hold until {@code endsOn}
     * or until staff end them. Returns the new link's id.
     */
    @Transactional
    public long link(long tenantId, String staffUser, long guardianId, long dependantId, Relationship relationship,
                     LocalDate endsOn) {
        if (guardianId == dependantId) {
            throw Problem.badRequest(PatientMessages.class, PatientMessages::familySelf);
        }
        person(tenantId, guardianId);
        Person dependant = person(tenantId, dependantId);
        Instant now = clock.instant();
        LocalDate today = today(tenantId, now);
        LocalDate ends = endsOn;
        if (ends == null && relationship == Relationship.CHILD) {
            if (dependant.dateOfBirth() == null) {
                throw Problem.badRequest(PatientMessages.class, PatientMessages::familyChildNeedsEnd);
            }
            ends = dependant.dateOfBirth().plusYears(ADULT_AT);
        }
        requireFuture(ends, today);
        // the partial unique index arbitrates two staff linking the same two patients at once
        Long id = NativeSql.one("""
                insert into family_link (tenant_id, guardian_lead_id, dependant_lead_id, relationship, ends_on, linked_by, linked_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (guardian_lead_id, dependant_lead_id) where ended_at is null do nothing
                returning id""", rs -> rs.getLong("id"),
                tenantId, guardianId, dependantId, relationship, ends, staffUser, now).orElse(null);
        if (id == null) {
            throw new Problem(ErrorCode.FAMILY_LINK_EXISTS, PatientMessages.class, PatientMessages::familyLinkExists);
        }
        audit(tenantId, id, staffUser, FamilyLinkAudit.Action.LINKED, ends, now);
        changed.fire(new FamilyChanged(tenantId, guardianId));
        return id;
    }

    /**
     * Gives a link a later end, or none ({@code endsOn} null): how the clinic keeps a child's link
     * past 18. A link whose end date has passed may be extended again; one staff ended may not.
     * Returns the guardian's id.
     */
    @Transactional
    public long extend(long tenantId, String staffUser, long linkId, LocalDate endsOn) {
        FamilyLink link = open(tenantId, linkId);
        Instant now = clock.instant();
        requireFuture(endsOn, today(tenantId, now));
        if (endsOn != null && link.endsOn != null && !endsOn.isAfter(link.endsOn)) {
            throw Problem.badRequest(PatientMessages.class, PatientMessages::familyExtendLater);
        }
        if (FamilyLink.update("endsOn = ?1 where id = ?2 and tenantId = ?3 and endedAt is null",
                endsOn, linkId, tenantId) == 0) {
            throw alreadyEnded();
        }
        audit(tenantId, linkId, staffUser, FamilyLinkAudit.Action.EXTENDED, endsOn, now);
        changed.fire(new FamilyChanged(tenantId, link.guardianLeadId));
        return link.guardianLeadId;
    }

    /** Ends a link now: from the guardian's next request on, they can no longer act for the dependant. Returns the guardian's id. */
    @Transactional
    public long end(long tenantId, String staffUser, long linkId) {
        FamilyLink link = open(tenantId, linkId);
        Instant now = clock.instant();
        // compared and set: two staff ending it at once record one end
        if (FamilyLink.update("endedAt = ?1, endedBy = ?2 where id = ?3 and tenantId = ?4 and endedAt is null",
                now, staffUser, linkId, tenantId) == 0) {
            throw alreadyEnded();
        }
        audit(tenantId, linkId, staffUser, FamilyLinkAudit.Action.ENDED, link.endsOn, now);
        changed.fire(new FamilyChanged(tenantId, link.guardianLeadId));
        return link.guardianLeadId;
    }

    private static void audit(long tenantId, long linkId, String staffUser, FamilyLinkAudit.Action action,
                              LocalDate endsOn, Instant at) {
        FamilyLinkAudit audit = new FamilyLinkAudit();
        audit.tenantId = tenantId;
        audit.linkId = linkId;
        audit.staffUser = staffUser;
        audit.action = action;
        audit.endsOn = endsOn;
        audit.at = at;
        audit.persist();
    }

    private static FamilyLink open(long tenantId, long linkId) {
        FamilyLink link = FamilyLink.findById(linkId);
        if (link == null) {
            throw Problem.notFound(PatientMessages.class, PatientMessages::familyLinkNotFound);
        }
        if (link.tenantId != tenantId) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::notYourPatient);
        }
        if (link.endedAt != null) {
            throw alreadyEnded();
        }
        return link;
    }

    private static Problem alreadyEnded() {
        return new Problem(ErrorCode.INVALID_STATE, PatientMessages.class, PatientMessages::familyLinkAlreadyEnded);
    }

    private static void requireFuture(LocalDate endsOn, LocalDate today) {
        if (endsOn != null && !endsOn.isAfter(today)) {
            throw Problem.badRequest(PatientMessages.class, PatientMessages::familyEndInPast);
        }
    }

    private static LocalDate today(long tenantId, Instant now) {
        return now.atZone(Tenant.zone(tenantId)).toLocalDate();
    }

    /** A patient of the staff member's clinic: nobody's number is a 404, another clinic's patient a 403. */
    private static Person person(long tenantId, long leadId) {
        Lead found = Lead.findById(leadId);
        if (found == null) {
            throw Problem.notFound(PatientMessages.class, PatientMessages::patientNotFound);
        }
        if (found.tenantId != tenantId) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::notYourPatient);
        }
        return new Person(found.id, found.name, found.dateOfBirth);
    }
}
