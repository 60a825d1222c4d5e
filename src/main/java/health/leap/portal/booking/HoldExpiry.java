package health.leap.portal.booking;

import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.web.PortalMetrics;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Marks passed holds EXPIRED (actor SYSTEM), and refunds a hold that was paid but never confirmed.
 * The sweep claims rows with SKIP LOCKED in bounded batches, so several portal instances sweeping
 * at once neither process a row twice nor wait on each other. Availability never waits for the
 * sweep: queries treat a passed hold as free already.
 */
@ApplicationScoped
public class HoldExpiry {

    static final int BATCH = 200;
    static final int MAX_BATCHES_PER_RUN = 50;

    private final Clock clock;
    private final AppointmentLifecycle lifecycle;
    private final PortalMetrics metrics;

    public HoldExpiry(Clock clock, AppointmentLifecycle lifecycle, PortalMetrics metrics) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
    }


    @Scheduled(every = "${portal.hold-expiry.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        int expired = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int batch = expireBatch(BATCH);
            expired += batch;
            if (batch < BATCH) {
                break;
            }
        }
        metrics.holdExpirySwept(expired);
    }

    /** Expires up to {@code limit} passed holds; returns how many. */
    @Transactional
    public int expireBatch(int limit) {
        return lifecycle.expirePassedHolds(limit, clock.instant());
    }
}
