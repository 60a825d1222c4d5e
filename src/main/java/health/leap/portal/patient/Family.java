package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Formats;
import health.leap.portal.web.Language;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /**
     * One link of the guardian's as read, with the clinic's zone. A link is in force until staff end it
     * and, where it has an end date, before that day begins in the clinic's zone.
     */
    record LinkRead(long dependantId, String name, Relationship relationship, LocalDate endsOn, Instant endedAt,
                    String timezone) {

        boolean inForceAt(Instant now) {
            return endedAt == null && (endsOn == null || endsOn.isAfter(now.atZone(ZoneId.of(timezone)).toLocalDate()));
        }

        /** The day the link stopped holding: the day staff ended it in the clinic's zone, else its end date. */
        LocalDate endedOn() {
            return endedAt != null ? endedAt.atZone(ZoneId.of(timezone)).toLocalDate() : endsOn;
        }
    }

    private static final String LINKS = """
            select d.id, d.name, fl.relationship, fl.endsOn, fl.endedAt, t.timezone
            from FamilyLink fl
            join Tenant t on t.id = fl.tenantId
            join Lead d on d.id = fl.dependantLeadId and d.tenantId = fl.tenantId
            where fl.tenantId = ?1 and fl.guardianLeadId = ?2""";

    /** The dependants the guardian may act for at {@code now}, by name. */
    public static List<Dependant> dependantsOf(long tenantId, long guardianLeadId, Instant now) {
        return FamilyLink.getEntityManager().createQuery(LINKS + " order by d.name, d.id", LinkRead.class)
                .setParameter(1, tenantId).setParameter(2, guardianLeadId).getResultStream()
                .filter(link -> link.inForceAt(now))
                .map(link -> new Dependant(link.dependantId(), link.name(), link.relationship()))
                .toList();
    }

    /**
     * The dependant the guardian acts for on this request, when a link between them is in force at
     * {@code now}. A link that has ended is refused with its date; someone the guardian was never
     * linked to is refused without a word about them.
     */
    static Dependant actingFor(long tenantId, long guardianLeadId, String requested, Instant now) {
        long dependantLeadId = PatientPages.leadId(requested);
        // the link in force, else the latest one
        List<LinkRead> links = FamilyLink.getEntityManager()
                .createQuery(LINKS + " and fl.dependantLeadId = ?3 order by fl.id desc", LinkRead.class)
                .setParameter(1, tenantId).setParameter(2, guardianLeadId).setParameter(3, dependantLeadId).getResultList();
        Optional<LinkRead> link = links.stream().filter(l -> l.inForceAt(now)).findFirst()
                .or(() -> links.stream().findFirst());
        if (link.isEmpty()) {
            throw new Problem(ErrorCode.NOT_YOUR_DEPENDANT, PatientMessages.class, PatientMessages::notYourDependant);
        }
        LinkRead found = link.get();
        if (!found.inForceAt(now)) {
            throw Problem.worded(ErrorCode.FAMILY_LINK_ENDED, locale -> Language.bundle(PatientMessages.class, locale)
                    .familyLinkEnded(found.name(), Formats.longDay(found.endedOn(), locale)));
        }
        return new Dependant(dependantLeadId, found.name(), found.relationship());
    }
}
