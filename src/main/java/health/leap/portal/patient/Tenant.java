package health.leap.portal.patient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.ZoneId;

/**
 * A clinic the portal serves (table {@code tenant}), as the portal reads it: the portal never changes
 * a clinic, so Hibernate neither checks nor writes back its fields. The demo clinic is seeded by SQL.
 */
@Entity
@Immutable
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public long id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String timezone;

    /** The clinic's own zone, in which its days begin and end. */
    public static ZoneId zone(long tenantId) {
        return ZoneId.of(getEntityManager().createQuery("select t.timezone from Tenant t where t.id = ?1", String.class)
                .setParameter(1, tenantId).getSingleResult());
    }
}
