package health.leap.portal.gateway;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** Money given back for one payment, once: INITIATED at the gateway, then COMPLETED or FAILED as it reports. */
@Entity
@Table(name = "refund")
public class Refund extends TenantEntity {

    @Column(name = "payment_id", nullable = false)
    public long paymentId;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundStatus status;
    public String reference;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "settled_at")
    public Instant settledAt;

    /**
     * Records a refund the gateway has started, unless the payment has one already; true when this
     * call recorded it. Native, because {@code ON CONFLICT} on the one-refund-per-payment key decides
     * a race between two paths giving the same money back without an error in the transaction.
     */
    static boolean initiate(long tenantId, long paymentId, BigDecimal amount, String currency, String reference,
                            Instant now) {
        return NativeSql.update("""
                insert into refund (tenant_id, payment_id, amount, currency, status, reference, created_at)
                values (?, ?, ?, ?, 'INITIATED', ?, ?) on conflict (payment_id) do nothing""",
                tenantId, paymentId, amount, currency, reference, now) == 1;
    }

    /** Settles an INITIATED refund as the gateway reported it; false when it had settled already. */
    public static boolean settle(long id, RefundStatus outcome, Instant now) {
        return update("status = ?1, settledAt = ?2 where id = ?3 and status = ?4", outcome, now, id, RefundStatus.INITIATED) == 1;
    }
}
