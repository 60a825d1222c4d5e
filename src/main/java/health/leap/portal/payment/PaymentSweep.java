package health.leap.portal.payment;

import health.leap.portal.gateway.PaymentGateway;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.PortalConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * No payment stays STARTED for ever: a patient who paid and never came back (closed the tab, lost
 * the connection) left the gateway's answer unread. Payments STARTED longer than
 * {@code portal.payments.unfinished-after} are asked about at the gateway and settled as the return
 * would have settled them: paid money confirms the booking or goes back, a failed or abandoned
 * checkout is recorded so. Claimed with SKIP LOCKED, so instances sweeping at once take each once.
 */
@ApplicationScoped
public class PaymentSweep {

    public static final int BATCH = 200;
    private final Clock clock;
    private final PaymentGateway gateway;
    private final PaymentService payments;
    private final Duration unfinishedAfter;

    public PaymentSweep(Clock clock, PaymentGateway gateway, PaymentService payments,
                        PortalConfig config) {
        this.clock = clock;
        this.gateway = gateway;
        this.payments = payments;
        this.unfinishedAfter = config.payments().unfinishedAfter();
    }

    @Scheduled(every = "${portal.payment-sweep.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        sweepBatch(BATCH);
    }

    /** Asks the gateway about up to {@code limit} unfinished payments; returns how many it settled. */
    @Transactional
    public int sweepBatch(int limit) {
        List<PaymentService.Started> started = NativeSql.list("""
                select id, tenant_id, lead_id, appointment_id, true, reference from payment
                where status = 'STARTED' and created_at <= ? order by created_at, id limit ? for update skip locked""",
                PaymentService.Started::from, clock.instant().minus(unfinishedAfter), limit);
        int settled = 0;
        for (PaymentService.Started payment : started) {
            Optional<PaymentGateway.Outcome> outcome = gateway.paymentOutcome(payment.reference());
            if (outcome.isPresent()) {
                payments.settle(payment, outcome.get());
                settled++;
            }
        }
        return settled;
    }
}
