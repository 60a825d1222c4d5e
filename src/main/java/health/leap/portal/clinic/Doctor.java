package health.leap.portal.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A doctor of a clinic (table {@code doctor}), read only: the portal never changes a doctor. It stands
 * here, below the doctors' own package, because the clinic's filter choices read doctors too.
 */
@Entity
@Immutable
@Table(name = "doctor")
public class Doctor extends PanacheEntityBase {

    @Id
    public long id;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String specialty;
    @Column(nullable = false)
    public String languages;
    @Column(nullable = false)
    public String bio;
    @Column(name = "photo_url")
    public String photoUrl;
    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;
}
