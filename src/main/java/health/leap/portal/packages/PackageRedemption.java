package health.leap.portal.packages;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One session of a patient's package taken by one booking; reversed when the booking will not take place. */
@Entity
@Table(name = "package_redemption")
public class PackageRedemption extends TenantEntity {

    @Column(name = "patient_package_id", nullable = false)
    public long patientPackageId;
    @Column(name = "appointment_id", nullable = false)
    public long appointmentId;
    @Column(name = "service_id", nullable = false)
    public long serviceId;
    @Column(name = "centre_id", nullable = false)
    public long centreId;
    @Column(name = "redeemed_at", nullable = false)
    public Instant redeemedAt;
    @Column(name = "reversed_at")
    public Instant reversedAt;

    static void record(long tenantId, long patientPackageId, long appointmentId, long serviceId, long centreId, Instant at) {
        PackageRedemption redemption = new PackageRedemption();
        redemption.tenantId = tenantId;
        redemption.patientPackageId = patientPackageId;
        redemption.appointmentId = appointmentId;
        redemption.serviceId = serviceId;
        redemption.centreId = centreId;
        redemption.redeemedAt = at;
        redemption.persist();
    }

    /**
     * The session a moved booking took goes with it to the booking that replaces it, and is used where
     * that booking takes place, given as the booking was written: the history names the new centre.
     */
    static void handOn(long fromAppointmentId, long toAppointmentId, long serviceId, long centreId) {
        update("appointmentId = ?1, serviceId = ?2, centreId = ?3 where appointmentId = ?4 and reversedAt is null",
                toAppointmentId, serviceId, centreId, fromAppointmentId);
    }

    /**
     * Reverses the session the booking took, if it took one; returns the patient packages it came
     * from. Native for {@code RETURNING}: one statement reverses and says what it reversed.
     */
    static List<Long> reverse(long appointmentId, Instant now) {
        return NativeSql.list("""
                update package_redemption set reversed_at = ?
                where appointment_id = ? and reversed_at is null
                returning patient_package_id""", rs -> rs.getLong(1), now, appointmentId);
    }
}
