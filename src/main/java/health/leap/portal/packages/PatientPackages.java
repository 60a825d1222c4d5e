package health.leap.portal.packages;

import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.web.Cursors;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The patient's packages: the list, which ones pay for a visit, one package and its sessions used.
 * Another patient's package, in this tenant or another, is 403; an id that exists nowhere 404.
 */
@ApplicationScoped
public class PatientPackages {

    private final PackageQueries queries;
    private final Redemptions redemptions;
    private final Cursors cursors;
    private final Clock clock;
    private final ClinicCatalog catalog;

    public PatientPackages(PackageQueries queries, Redemptions redemptions, Cursors cursors, Clock clock, ClinicCatalog catalog) {
        this.queries = queries;
        this.redemptions = redemptions;
        this.cursors = cursors;
        this.clock = clock;
        this.catalog = catalog;
    }

    public PackageList list(long tenantId, long leadId, ZoneId tenantZone, PackageFilter filter, boolean withChoices) {
        return new PackageList(filter, queries.ofPatient(tenantId, leadId, filter, clock.instant()), tenantZone,
                withChoices ? queries.servicesAndCentres(tenantId) : VisitChoice.NONE);
    }

    /**
     * Which packages pay for this service at this centre, for a visit on {@code date} (in the centre's
     * zone) or, without one, now; a service or centre outside the caller's clinic is 404.
     */
    public ApplicablePage applicable(long tenantId, long leadId, ZoneId tenantZone, long serviceId, long centreId,
                                     LocalDate date) {
        VisitChoice choices = queries.servicesAndCentres(tenantId);
        String service = choices.services().stream().filter(s -> s.id() == serviceId).findFirst()
                .orElseThrow(() -> Problem.notFound(PackageMessages.class, PackageMessages::serviceNotFound)).name();
        String centre = choices.centres().stream().filter(c -> c.id() == centreId).findFirst()
                .orElseThrow(() -> Problem.notFound(PackageMessages.class, PackageMessages::centreNotFound)).name();
        // a package that ends before the visit's day cannot pay for it
        Instant visitDay = date == null ? null : date.atStartOfDay(catalog.centre(centreId).zone()).toInstant();
        return new ApplicablePage(serviceId, service, centreId, centre,
                redemptions.applicable(tenantId, leadId, serviceId, centreId, visitDay), tenantZone,
                choices.choosing(serviceId, centreId, date));
    }

    public PackageDetail detail(long tenantId, long leadId, ZoneId tenantZone, long patientPackageId) {
        PatientPackage pkg = owned(tenantId, leadId, patientPackageId);
        PackageQueries.Coverage coverage = queries.coverage(patientPackageId);
        return new PackageDetail(pkg, tenantZone, coverage.services(), coverage.centres(),
                page(tenantId, leadId, pkg, RedemptionPage.DEFAULT_LIMIT, null));
    }

    public RedemptionPage redemptions(long tenantId, long leadId, long patientPackageId, int limit, String cursor) {
        return page(tenantId, leadId, owned(tenantId, leadId, patientPackageId), limit, cursor);
    }

    private PatientPackage owned(long tenantId, long leadId, long patientPackageId) {
        PackageQueries.Owned owned = queries.byId(patientPackageId, clock.instant())
                .orElseThrow(() -> Problem.notFound(PackageMessages.class, PackageMessages::packageNotFound));
        if (owned.tenantId() != tenantId || owned.leadId() != leadId) {
            throw Problem.forbidden(PackageMessages.class, PackageMessages::packageNotYours);
        }
        return owned.pkg();
    }

    /** A cursor is bound to the patient, the package and the page size, so it cannot be replayed elsewhere. */
    private RedemptionPage page(long tenantId, long leadId, PatientPackage pkg, int limit, String cursor) {
        String identity = tenantId + "/" + leadId + "/packages/" + pkg.id() + "/redemptions?" + RedemptionPage.query(limit);
        Cursors.Position after = cursor == null ? null : cursors.decode(cursor, identity);
        List<RedemptionPage.Row> rows = queries.redemptions(tenantId, pkg.id(), after, limit);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            RedemptionPage.Row last = rows.get(rows.size() - 1);
            next = cursors.encode(new Cursors.Position(last.redeemedAt(), last.id()), identity);
        }
        return new RedemptionPage(pkg.id(), pkg.name(), rows, limit, next);
    }
}
