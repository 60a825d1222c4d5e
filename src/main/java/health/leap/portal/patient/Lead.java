package health.leap.portal.patient;

import health.leap.portal.platform.NativeSql;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;

/**
 * A patient of a clinic (table {@code lead}), as the portal reads it: the portal never changes a
 * patient's record, so Hibernate neither checks nor writes back its fields.
 */
@Entity
@Immutable
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    @Id
    public long id;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(nullable = false)
    public String name;
    public String phone;
    public String email;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    /**
     * Locks the patient's row until the transaction ends, so that one patient's holds, confirmations
     * and moves run one at a time. Native for the exact lock: {@code FOR UPDATE} on the one row, as
     * every writer of a patient's bookings has always taken it.
     */
    public static void lockForChanges(long tenantId, long leadId) {
        NativeSql.one("select id from lead where id = ? and tenant_id = ? for update", rs -> rs.getLong(1), leadId, tenantId);
    }
}
