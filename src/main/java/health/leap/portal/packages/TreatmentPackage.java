package health.leap.portal.packages;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.Set;

/**
 * A treatment package a clinic sells (table {@code package}), with the services and centres it covers,
 * read only: the portal never changes the catalogue. What a patient bought is {@link PackagePurchase}.
 */
@Entity
@Immutable
@Table(name = "package")
public class TreatmentPackage extends PanacheEntityBase {

    @Id
    public long id;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public int sessions;
    @Column(name = "validity_days", nullable = false)
    public int validityDays;

    @ElementCollection
    @Immutable
    @CollectionTable(name = "package_service", joinColumns = @JoinColumn(name = "package_id"))
    @Column(name = "service_id")
    public Set<Long> serviceIds;

    @ElementCollection
    @Immutable
    @CollectionTable(name = "package_centre", joinColumns = @JoinColumn(name = "package_id"))
    @Column(name = "centre_id")
    public Set<Long> centreIds;
}
