package health.leap.portal.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;

/**
 * A service as the table {@code service} holds it, read only: the portal never changes a service.
 * What the features use is {@link ClinicService}.
 */
@Entity
@Immutable
@Table(name = "service")
public class ServiceRow extends PanacheEntityBase {

    @Id
    public long id;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(nullable = false)
    public String name;
    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;
    @Column(nullable = false)
    public BigDecimal fee;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_mode", nullable = false)
    public PaymentMode paymentMode;
    @Column(name = "token_amount")
    public BigDecimal tokenAmount;
    @Column(name = "advance_percent")
    public BigDecimal advancePercent;
    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;
}
