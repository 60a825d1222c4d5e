package health.leap.portal.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** Which doctor gives which service at which centre (table {@code offering}), read only. */
@Entity
@Immutable
@Table(name = "offering")
public class Offering extends PanacheEntityBase {

    @Id
    public long id;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(name = "doctor_id", nullable = false)
    public long doctorId;
    @Column(name = "service_id", nullable = false)
    public long serviceId;
    @Column(name = "centre_id", nullable = false)
    public long centreId;
}
