package health.leap.portal.patient;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Formats;
import health.leap.portal.web.Language;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who may act for whom, read from the clinic's record ({@code family_link}). A link is in force
 * until staff end it and, where it has an end date (a child's 18th birthday unless the clinic
 * extended it), before that day begins in the clinic's zone. Nothing here trusts the request: the
 * dependant a guardian asks to act for is looked up on every request.
 */
public final class Family {

    private Family() {
    }

    /** Someone the guardian may act for. */
    public record Dependant(long leadId, String name, Relationship relationship) {
    }

    /** One entry of the header's switcher: the guardian themselves or one of their dependants. */
    public record Member(long leadId, String name, Relationship relationship, String href, boolean current) {
        /** The signed-in guardian's own pages. */
        public boolean isSelf() {
            return relationship == null;
        }
    }

    /** The link's end in the clinic's own zone: no link holds on or after the day it ends. */
    private static final String IN_FORCE = """
            fl.ended_at is null
            and (fl.ends_on is null or fl.ends_on > cast((cast(? as timestamptz) at time zone t.timezone) as date))""";

    /**
     * The ids of the leads a guardian may act for, as a subquery: binds the tenant, the guardian and
     * the instant the links must be in force at, in that order.
     */
    public static final String DEPENDANT_IDS_IN_FORCE = """
            select fl.dependant_lead_id from family_link fl join tenant t on t.id = fl.tenant_id
            where fl.tenant_id = ? and fl.guardian_lead_id = ? and (%s)""".formatted(IN_FORCE);

    /** The dependants the guardian may act for at {@code now}, by name. */
    public static List<Dependant> dependantsOf(long tenantId, long guardianLeadId, Instant now) {
        return NativeSql.list("""
                select d.id, d.name, fl.relationship
                from family_link fl
                join tenant t on t.id = fl.tenant_id
                join lead d on d.id = fl.dependant_lead_id and d.tenant_id = fl.tenant_id
                where fl.tenant_id = ? and fl.guardian_lead_id = ? and %s
                order by d.name, d.id""".formatted(IN_FORCE),
                rs -> new Dependant(rs.getLong("id"), rs.getString("name"), Relationship.valueOf(rs.getString("relationship"))),
                tenantId, guardianLeadId, now);
    }

    private record Link(String dependantName, Relationship relationship, boolean inForce, LocalDate endedOn) {
    }

    /**
     * The dependant the guardian acts for on this request, when a link between them is in force at
     * {@code now}. A link that has ended is refused with its date; someone the guardian was never
     * linked to is refused without a word about them.
     */
    static Dependant actingFor(long tenantId, long guardianLeadId, String requested, Instant now) {
        long dependantLeadId = PatientPages.leadId(requested);
        Optional<Link> link = NativeSql.one("""
                select d.name, fl.relationship, (%s) as in_force,
                       coalesce(cast((fl.ended_at at time zone t.timezone) as date), fl.ends_on) as ended_on
                from family_link fl
                join tenant t on t.id = fl.tenant_id
                join lead d on d.id = fl.dependant_lead_id and d.tenant_id = fl.tenant_id
                where fl.tenant_id = ? and fl.guardian_lead_id = ? and fl.dependant_lead_id = ?
                order by in_force desc, fl.id desc
                limit 1""".formatted(IN_FORCE),
                rs -> new Link(rs.getString("name"), Relationship.valueOf(rs.getString("relationship")),
                        rs.getBoolean("in_force"), rs.date("ended_on")),
                now, tenantId, guardianLeadId, dependantLeadId);
        if (link.isEmpty()) {
            throw new Problem(ErrorCode.NOT_YOUR_DEPENDANT, PatientMessages.class, PatientMessages::notYourDependant);
        }
        Link found = link.get();
        if (!found.inForce()) {
            throw Problem.worded(ErrorCode.FAMILY_LINK_ENDED, locale -> Language.bundle(PatientMessages.class, locale)
                    .familyLinkEnded(found.dependantName(), Formats.longDay(found.endedOn(), locale)));
        }
        return new Dependant(dependantLeadId, found.dependantName(), found.relationship());
    }
}
