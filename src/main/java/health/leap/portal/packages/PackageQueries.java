package health.leap.portal.packages;

import health.leap.portal.clinic.CentreRow;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import health.leap.portal.web.Cursors;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Read models of a patient's packages. The status is computed at the caller's "now": a package whose
 * validity has passed reads EXPIRED even while the sweep has yet to store it.
 */
@ApplicationScoped
public class PackageQueries {

    /** The patient_package row {@code pp} with its definition {@code p}, effective status and expiry mark; two "now" parameters. */
    private static final String PACKAGE_COLUMNS = """
            select pp.id, pp.tenant_id, pp.lead_id, p.name, pp.sessions_used, pp.sessions_total, pp.valid_from, pp.valid_until,
                   case when pp.status = 'ACTIVE' and pp.valid_until <= ? then 'EXPIRED' else pp.status end as effective_status,
                   pp.status = 'ACTIVE' and pp.valid_until <= ? as expires_soon
            from patient_package pp join package p on p.id = pp.package_id""";

    public PackageQueries() {
    }

    /** A package and whose it is, so that the caller can tell another patient's (403) from none (404). */
    record Owned(long tenantId, long leadId, PatientPackage pkg) {
    }

    private static PatientPackage patientPackage(Row rs) {
        PackageStatus status = PackageStatus.valueOf(rs.getString("effective_status"));
        return new PatientPackage(rs.getLong("id"), rs.getString("name"), status, rs.getInt("sessions_used"),
                rs.getInt("sessions_total"), rs.instant("valid_from"), rs.instant("valid_until"),
                status == PackageStatus.ACTIVE && rs.getBoolean("expires_soon"));
    }

    private static Instant soon(Instant now) {
        return now.plus(Duration.ofDays(PatientPackage.EXPIRES_SOON_DAYS));
    }

    /** The patient's packages with these effective statuses (all when none), usable ones first and soonest to end first. */
    public List<PatientPackage> ofPatient(long tenantId, long leadId, PackageFilter filter, Instant now) {
        List<Object> params = new ArrayList<>(List.of(now, soon(now), tenantId, leadId));
        String statuses = "";
        if (!filter.statuses().isEmpty()) {
            statuses = "where effective_status in (" + String.join(", ", Collections.nCopies(filter.statuses().size(), "?")) + ")";
            params.addAll(filter.statuses());
        }
        return NativeSql.list("with mine as (" + PACKAGE_COLUMNS + """

                 where pp.tenant_id = ? and pp.lead_id = ?)
                select * from mine
                """ + statuses + """

                order by effective_status = 'ACTIVE' desc, case when effective_status = 'ACTIVE' then valid_until end,
                         valid_until desc, id desc""", PackageQueries::patientPackage, params.toArray());
    }

    public Optional<Owned> byId(long patientPackageId, Instant now) {
        return NativeSql.one(PACKAGE_COLUMNS + " where pp.id = ?", rs -> new Owned(rs.getLong("tenant_id"), rs.getLong("lead_id"),
                patientPackage(rs)), now, soon(now), patientPackageId);
    }

    /** The services and centres a package covers, in one statement. */
    public Coverage coverage(long patientPackageId) {
        record Covered(String kind, long id, String name) {
        }
        List<Covered> rows = PackagePurchase.getEntityManager().createQuery("""
                select 'centre', c.id, c.name
                from PackagePurchase pp join TreatmentPackage p on p.id = pp.packageId join p.centreIds ci
                join CentreRow c on c.id = ci
                where pp.id = ?1
                union all
                select 'service', s.id, s.name
                from PackagePurchase pp join TreatmentPackage p on p.id = pp.packageId join p.serviceIds si
                join ServiceRow s on s.id = si
                where pp.id = ?1
                order by 1, 3""", Covered.class).setParameter(1, patientPackageId).getResultList();
        return new Coverage(
                rows.stream().filter(c -> c.kind().equals("service")).map(c -> new ClinicCatalog.Named(c.id(), c.name())).toList(),
                rows.stream().filter(c -> c.kind().equals("centre")).map(c -> new ClinicCatalog.Named(c.id(), c.name())).toList());
    }

    public record Coverage(List<ClinicCatalog.Named> services, List<ClinicCatalog.Named> centres) {
    }

    /** The tenant's services and centres for the visit form, in one statement. */
    public VisitChoice servicesAndCentres(long tenantId) {
        record Choice(String kind, long id, String name) {
        }
        List<Choice> rows = CentreRow.getEntityManager().createQuery("""
                select 'centre', c.id, c.name from CentreRow c where c.tenantId = ?1
                union all
                select 'service', s.id, s.name from ServiceRow s where s.tenantId = ?1
                order by 1, 3""", Choice.class).setParameter(1, tenantId).getResultList();
        return new VisitChoice(
                rows.stream().filter(c -> c.kind().equals("service")).map(c -> new ClinicCatalog.Named(c.id(), c.name())).toList(),
                rows.stream().filter(c -> c.kind().equals("centre")).map(c -> new ClinicCatalog.Named(c.id(), c.name())).toList(),
                null, null, null);
    }

    /**
     * One page of a package's sessions used, newest first, at most {@code limit + 1} rows so the caller
     * knows whether another page follows. Keyset on (redeemed_at, id) over the index package_redemption_history.
     */
    public List<RedemptionPage.Row> redemptions(long tenantId, long patientPackageId, Cursors.Position after, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenantId, patientPackageId));
        String keyset = "";
        if (after != null) {
            keyset = " and (pr.redeemed_at, pr.id) < (?, ?)";
            params.add(after.at());
            params.add(after.id());
        }
        params.add(limit + 1);
        return NativeSql.list("""
                select pr.id, pr.redeemed_at, pr.reversed_at, pr.appointment_id, a.starts_at, c.timezone,
                       s.name as service, c.name as centre
                from package_redemption pr
                join appointment a on a.id = pr.appointment_id
                join service s on s.id = pr.service_id
                join centre c on c.id = pr.centre_id
                where pr.tenant_id = ? and pr.patient_package_id = ?""" + keyset + """

                order by pr.redeemed_at desc, pr.id desc
                limit ?""", rs -> new RedemptionPage.Row(rs.getLong("id"), rs.instant("redeemed_at"),
                rs.instant("reversed_at"), rs.getLong("appointment_id"), rs.instant("starts_at"),
                ZoneId.of(rs.getString("timezone")), rs.getString("service"), rs.getString("centre")), params.toArray());
    }
}
