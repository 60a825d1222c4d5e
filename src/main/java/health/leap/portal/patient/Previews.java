package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Who a staff preview shows, and the audit of it: a patient of the staff member's own clinic, each
 * page viewed recorded with who looked, at whom, which page and when.
 */
@ApplicationScoped
public class Previews {
    @Inject
    Clock clock;
    @Inject
    HttpServerRequest request;

    record Previewed(long tenantId, String tenantName, String zone, String leadName) {
    }

    /** Resolves the previewed patient and records the page viewed, in a transaction of its own before the page's. */
    @Transactional
    void resolve(Caller caller, long staffTenantId, String staffUser) {
        long leadId = PatientPages.leadId(caller.requestedPreview());
        Previewed previewed = patientOfTheClinic(leadId, staffTenantId);
        PreviewAudit.record(staffTenantId, staffUser, leadId, page(), clock.instant());
        caller.resolvePreview(previewed.tenantId(), previewed.tenantName(), ZoneId.of(previewed.zone()), leadId,
                previewed.leadName(), staffUser);
        // the staff member sees the switcher the patient sees, each entry another preview
        caller.family(Family.dependantsOf(previewed.tenantId(), leadId, clock.instant()));
    }

    /**
     * Resolves the patient the front desk acts for, a patient of the staff member's own clinic, and
     * records the page opened as a preview's is; what the desk changes is on each booking's timeline.
     */
    @Transactional
    void resolveDesk(Caller caller, long staffTenantId, String staffUser) {
        long leadId = PatientPages.leadId(caller.requestedDesk());
        Previewed patient = patientOfTheClinic(leadId, staffTenantId);
        PreviewAudit.record(staffTenantId, staffUser, leadId, page(), clock.instant());
        caller.resolveDesk(patient.tenantId(), patient.tenantName(), ZoneId.of(patient.zone()), leadId,
                patient.leadName(), staffUser);
        caller.family(Family.dependantsOf(patient.tenantId(), leadId, clock.instant()));
    }

    private Previewed patientOfTheClinic(long leadId, long staffTenantId) {
        Previewed previewed = Lead.getEntityManager().createQuery("""
                select l.tenantId, t.name, t.timezone, l.name
                from Lead l join Tenant t on t.id = l.tenantId
                where l.id = ?1""", Previewed.class).setParameter(1, leadId).getResultStream().findFirst()
                .orElseThrow(() -> Problem.notFound(PatientMessages.class, PatientMessages::patientNotFound));
        if (previewed.tenantId() != staffTenantId) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::notYourPatient);
        }
        return previewed;
    }

    /** The page as the staff member asked for it, preview path and query included, bounded for the log. */
    private String page() {
        String uri = request.uri();
        return uri.length() > 500 ? uri.substring(0, 500) : uri;
    }
}
