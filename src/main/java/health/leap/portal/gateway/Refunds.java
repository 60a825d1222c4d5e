package health.leap.portal.gateway;

import health.leap.portal.platform.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;

/** Gives back what a patient paid, through the same gateway; once per payment. */
@ApplicationScoped
public class Refunds {
    private final Clock clock;
    private final PaymentGateway gateway;

    public Refunds(Clock clock, PaymentGateway gateway) {
        this.clock = clock;
        this.gateway = gateway;
    }

    /** Initiates a refund of a SUCCEEDED payment unless one exists; true when this call started it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean refundIfPaid(long paymentId) {
        record Paid(long tenantId, String reference, BigDecimal amount, String currency) {
        }
        return NativeSql.one("""
                select p.tenant_id, p.reference, p.amount, p.currency from payment p
                where p.id = ? and p.status = 'SUCCEEDED' and not exists (select 1 from refund r where r.payment_id = p.id)
                for update""", rs -> new Paid(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4).trim()),
                paymentId).map(paid -> {
            String reference = gateway.refund(paid.reference(), paid.amount(), paid.currency());
            return Refund.initiate(paid.tenantId(), paymentId, paid.amount(), paid.currency(), reference, clock.instant());
        }).orElse(false);
    }
}
