package health.leap.portal.packages;

import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A package paying for a visit: one session is taken at confirmation and given back when the visit
 * is cancelled. Both are compare-and-set updates, so two confirmations cannot take the last session.
 * A package is judged at the visit's start: one whose validity ends before then cannot pay for it,
 * at confirmation or after a move.
 */
@ApplicationScoped
public class Redemptions {

    private final Clock clock;
    private final ClinicCatalog catalog;

    public Redemptions(Clock clock, ClinicCatalog catalog) {
        this.clock = clock;
        this.catalog = catalog;
    }

    /** A package paying for a booking, and when its validity ends. */
    public record EndingPackage(String name, Instant validUntil) {
    }

    /**
     * The patient's packages that can pay for this service at this centre for a visit starting at
     * {@code visitAt} (null: now), soonest expiry first.
     */
    public List<ApplicablePackage> applicable(long tenantId, long leadId, long serviceId, long centreId, Instant visitAt) {
        Instant now = clock.instant();
        return NativeSql.list("""
                select pp.id, p.name, pp.sessions_total - pp.sessions_used as sessions_left, pp.sessions_total, pp.valid_until
                from patient_package pp join package p on p.id = pp.package_id
                where pp.tenant_id = ? and pp.lead_id = ?""" + " and " + PackagePurchase.APPLICABLE + """

                order by pp.valid_until, pp.id""", rs -> new ApplicablePackage(rs.getLong("id"), rs.getString("name"),
                rs.getInt("sessions_left"), rs.getInt("sessions_total"), rs.instant("valid_until")),
                tenantId, leadId, now, PackagePurchase.latest(now, visitAt), serviceId, centreId);
    }

    /**
     * Takes one session of the patient's package for this appointment, starting at {@code visitAt}; the
     * last one exhausts the package.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeem(long tenantId, long leadId, long patientPackageId, long appointmentId, long serviceId, long centreId,
                       Instant visitAt) {
        Instant now = clock.instant();
        PackagePurchase purchase = PackagePurchase.findById(patientPackageId);
        if (purchase == null) {
            throw Problem.notFound(PackageMessages.class, PackageMessages::packageNotFound);
        }
        if (purchase.tenantId != tenantId || purchase.leadId != leadId) {
            throw Problem.forbidden(PackageMessages.class, PackageMessages::packageNotYours);
        }
        if (!PackagePurchase.takeSession(patientPackageId, serviceId, centreId, now, visitAt)) {
            // a package that would pay for a visit today ends too soon for this one: say until when it runs
            if (PackagePurchase.paysNow(patientPackageId, serviceId, centreId, now)) {
                throw expiresBeforeVisit(name(purchase.packageId), purchase.validUntil, catalog.centre(centreId).zone());
            }
            throw new Problem(ErrorCode.PACKAGE_NOT_APPLICABLE, PackageMessages.class, PackageMessages::notApplicable);
        }
        PackageRedemption.record(tenantId, patientPackageId, appointmentId, serviceId, centreId, now);
    }

    /**
     * The name of the package paying for this appointment when it does not cover {@code serviceId} at
     * {@code centreId}; empty when no package pays or the package covers it.
     */
    public Optional<String> packageNotValidAt(long appointmentId, long serviceId, long centreId) {
        return PackageRedemption.getEntityManager().createQuery("""
                select p.name from PackageRedemption pr
                join PackagePurchase pp on pp.id = pr.patientPackageId
                join TreatmentPackage p on p.id = pp.packageId
                where pr.appointmentId = ?1 and pr.reversedAt is null
                  and not (?2 member of p.serviceIds and ?3 member of p.centreIds)""", String.class)
                .setParameter(1, appointmentId).setParameter(2, serviceId).setParameter(3, centreId)
                .getResultStream().findFirst();
    }

    /** The package paying for this appointment when its validity ends before {@code visitAt}; empty otherwise. */
    public Optional<EndingPackage> packageEndsBefore(long appointmentId, Instant visitAt) {
        return PackageRedemption.getEntityManager().createQuery("""
                select p.name, pp.validUntil from PackageRedemption pr
                join PackagePurchase pp on pp.id = pr.patientPackageId
                join TreatmentPackage p on p.id = pp.packageId
                where pr.appointmentId = ?1 and pr.reversedAt is null and pp.validUntil <= ?2""", EndingPackage.class)
                .setParameter(1, appointmentId).setParameter(2, visitAt).getResultStream().findFirst();
    }

    private static Problem expiresBeforeVisit(String packageName, Instant validUntil, ZoneId zone) {
        return new Problem(ErrorCode.PACKAGE_EXPIRES_BEFORE_VISIT, PackageMessages.class,
                m -> m.expiresBeforeVisit(packageName, validUntil, zone));
    }

    private static String name(long packageId) {
        return Optional.ofNullable(TreatmentPackage.<TreatmentPackage>findById(packageId)).orElseThrow().name;
    }

    /** A moved booking takes its session with it to the booking that replaces it, at its centre. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handOn(long fromAppointmentId, long toAppointmentId, long serviceId, long centreId) {
        PackageRedemption.handOn(fromAppointmentId, toAppointmentId, serviceId, centreId);
    }

    /** Whether the appointment holds a session of a package: one that a cancellation would give back. */
    public boolean holdsASession(long appointmentId) {
        return PackageRedemption.count("appointmentId = ?1 and reversedAt is null", appointmentId) > 0;
    }

    /** Gives back the session an appointment took, if it took one; true when a session was given back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reverse(long appointmentId) {
        Instant now = clock.instant();
        List<Long> packages = PackageRedemption.reverse(appointmentId, now);
        for (long id : packages) {
            PackagePurchase.giveSessionBack(id);
        }
        return !packages.isEmpty();
    }
}
