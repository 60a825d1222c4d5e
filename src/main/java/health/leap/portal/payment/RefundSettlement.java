package health.leap.portal.payment;

import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.RefundSettled;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.gateway.PaymentGateway;
import health.leap.portal.gateway.Refund;
import health.leap.portal.gateway.RefundStatus;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Follows every INITIATED refund until the gateway says it is COMPLETED or FAILED, and tells the
 * patient on the booking's timeline. Rows are claimed with SKIP LOCKED, so instances polling at once
 * ask the gateway about each refund once; a refund the gateway still has pending waits for the next run.
 */
@ApplicationScoped
public class RefundSettlement {

    /** Refunds asked about per run, oldest first: a gateway call each. */
    public static final int BATCH = 200;
    private final Clock clock;
    private final PaymentGateway gateway;
    private final AppointmentLifecycle lifecycle;
    private final Event<RefundSettled> settledEvents;

    public RefundSettlement(Clock clock, PaymentGateway gateway, AppointmentLifecycle lifecycle,
                            Event<RefundSettled> settledEvents) {
        this.clock = clock;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.settledEvents = settledEvents;
    }

    private record Open(long id, long tenantId, long paymentId, String reference, BigDecimal amount, String currency) {
    }

    @Scheduled(every = "${portal.refund-settlement.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        settleBatch(BATCH);
    }

    /** Asks the gateway about up to {@code limit} open refunds; returns how many settled. */
    @Transactional
    public int settleBatch(int limit) {
        return settle(NativeSql.list(SELECT_OPEN + " order by created_at, id limit ? for update skip locked", RefundSettlement::open,
                limit));
    }

    /** Asks the gateway about one open refund now, when the gateway says it has settled it. */
    @Transactional
    void onAnswered(@Observes PaymentGateway.RefundAnswered answered) {
        settle(answered.reference());
    }

    /** Asks the gateway about one open refund now; returns 1 when it settled. */
    @Transactional
    public int settle(String reference) {
        return settle(NativeSql.list(SELECT_OPEN + " and reference = ? for update", RefundSettlement::open, reference));
    }

    private static final String SELECT_OPEN = """
            select id, tenant_id, payment_id, reference, amount, currency from refund where status = 'INITIATED'""";

    private static Open open(Row rs) {
        return new Open(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("payment_id"), rs.getString("reference"),
                rs.getBigDecimal("amount"), rs.getString("currency").trim());
    }

    private int settle(List<Open> open) {
        int settled = 0;
        for (Open refund : open) {
            PaymentGateway.RefundOutcome outcome = refund.reference() == null
                    ? PaymentGateway.RefundOutcome.FAILED : gateway.refundOutcome(refund.reference());
            if (outcome == PaymentGateway.RefundOutcome.PENDING) {
                continue;
            }
            Instant now = clock.instant();
            Refund.settle(refund.id(), RefundStatus.valueOf(outcome.name()), now);
            tellThePatient(refund, outcome, now);
            settled++;
        }
        return settled;
    }

    /** A line on the timeline of the booking the payment now belongs to (a move hands the payment on). */
    private void tellThePatient(Open refund, PaymentGateway.RefundOutcome outcome, Instant now) {
        record Booking(long id, AppointmentStatus status) {
        }
        Appointment.getEntityManager().createQuery("""
                select a.id, a.status from Appointment a
                where a.paymentId = ?1 or a.id = (select p.appointmentId from Payment p where p.id = ?1)
                order by a.id desc""", Booking.class).setParameter(1, refund.paymentId()).setMaxResults(1)
                .getResultStream().findFirst().ifPresent(booking -> {
            boolean completed = outcome == PaymentGateway.RefundOutcome.COMPLETED;
            lifecycle.note(refund.tenantId(), booking.id(), booking.status(), now, AppointmentLifecycle.Actor.SYSTEM,
                    TimelineDetail.refund(completed, refund.amount(), refund.currency()));
            settledEvents.fire(new RefundSettled(refund.tenantId(), booking.id(), refund.id(), refund.amount(),
                    refund.currency(), completed, now));
        });
    }
}
