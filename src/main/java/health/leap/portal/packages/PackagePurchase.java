package health.leap.portal.packages;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A package a patient bought (table {@code patient_package}): its sessions and its validity. Sessions
 * are taken and given back as compare-and-set updates, so two confirmations cannot take the last one.
 * The pages read it as {@link PatientPackage}, with the status as it is in effect.
 */
@Entity
@Table(name = "patient_package")
public class PackagePurchase extends TenantEntity {

    /**
     * An ACTIVE package, begun by now (first parameter) and still valid when the visit starts (second:
     * the visit's start, or now), with a session left, covering this service at this centre.
     */
    static final String APPLICABLE = """
            pp.status = 'ACTIVE' and pp.valid_from <= ? and pp.valid_until > ? and pp.sessions_used < pp.sessions_total
            and exists (select 1 from package_service ps where ps.package_id = pp.package_id and ps.service_id = ?)
            and exists (select 1 from package_centre pc where pc.package_id = pp.package_id and pc.centre_id = ?)""";

    @Column(name = "lead_id", nullable = false)
    public long leadId;
    @Column(name = "package_id", nullable = false)
    public long packageId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PackageStatus status;
    @Column(name = "sessions_total", nullable = false)
    public int sessionsTotal;
    @Column(name = "sessions_used", nullable = false)
    public int sessionsUsed;
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;
    @Column(name = "purchased_at", nullable = false)
    public Instant purchasedAt;

    /**
     * Takes one session if the package can pay for this service at this centre for a visit starting at
     * {@code visitAt}; the last one exhausts it. False when it cannot pay. Native: the coverage is two
     * tables of the catalogue.
     */
    static boolean takeSession(long id, long serviceId, long centreId, Instant now, Instant visitAt) {
        return NativeSql.update("""
                update patient_package pp
                set sessions_used = sessions_used + 1,
                    status = case when sessions_used + 1 = sessions_total then 'EXHAUSTED' else status end
                where pp.id = ?""" + " and " + APPLICABLE, id, now, latest(now, visitAt), serviceId, centreId) == 1;
    }

    /** Whether the package could pay for this service at this centre for a visit starting now. */
    static boolean paysNow(long id, long serviceId, long centreId, Instant now) {
        return NativeSql.one("select 1 from patient_package pp where pp.id = ? and " + APPLICABLE,
                rs -> true, id, now, now, serviceId, centreId).isPresent();
    }

    /** The instant the validity is judged at: the visit's start, and never a time already past. */
    static Instant latest(Instant now, Instant visitAt) {
        return visitAt == null || visitAt.isBefore(now) ? now : visitAt;
    }

    /** Gives a session back; an EXHAUSTED package is ACTIVE again. */
    static void giveSessionBack(long id) {
        update("sessionsUsed = sessionsUsed - 1, status = case when status = ?1 then ?2 else status end where id = ?3",
                PackageStatus.EXHAUSTED, PackageStatus.ACTIVE, id);
    }

    /** Marks up to {@code limit} ACTIVE packages whose validity has ended EXPIRED; returns how many. */
    static int expirePassed(int limit, Instant now) {
        return NativeSql.update("""
                update patient_package set status = 'EXPIRED'
                where id in (select id from patient_package
                             where status = 'ACTIVE' and valid_until <= ?
                             order by valid_until
                             limit ? for update skip locked)
                  and status = 'ACTIVE'""", now, limit);
    }
}
