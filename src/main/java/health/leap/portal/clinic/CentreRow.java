package health.leap.portal.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A centre as the table {@code centre} holds it, read only: the portal never changes a centre. What the
 * features use is {@link Centre}, the same place with its effective booking rules.
 */
@Entity
@Immutable
@Table(name = "centre")
public class CentreRow extends PanacheEntityBase {

    @Id
    public long id;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String address;
    @Column(nullable = false)
    public String timezone;
    public String phone;
}
