package health.leap.portal.appointments;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Ends the visits nobody marked: a booking still CHECKED_IN its tenant's grace period
 * ({@code booking_policy.visit_grace_minutes}, 2 hours by default) after it ended becomes COMPLETED, one
 * still CONFIRMED what the clinic chose for visits nobody marked ({@code booking_policy.unmarked_visits}:
 * COMPLETED by default, or NO_SHOW), actor SYSTEM, so it stops counting toward the patient's active limit. A booking still waiting for
 * the clinic's approval when its time has come is cancelled, with the money and any package session
 * given back. The sweep claims rows with SKIP LOCKED in bounded batches, so portal instances sweeping
 * at once neither take a row twice nor wait on each other, and a front-desk change racing the sweep
 * is a compare-and-set that one of them wins.
 */
@ApplicationScoped
public class VisitCompletion {

    static final int BATCH = 200;
    static final int MAX_BATCHES_PER_RUN = 50;
    static final int DEFAULT_GRACE_MINUTES = 120;
    private final Clock clock;
    private final AppointmentLifecycle lifecycle;

    public VisitCompletion(Clock clock, AppointmentLifecycle lifecycle) {
        this.clock = clock;
        this.lifecycle = lifecycle;
    }


    @Scheduled(every = "${portal.visit-completion.every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            if (completeBatch(BATCH) < BATCH) {
                break;
            }
        }
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            if (cancelUndecidedBatch(BATCH) < BATCH) {
                return;
            }
        }
    }

    /**
     * Cancels up to {@code limit} bookings whose time came while they still waited for the clinic's
     * approval, giving back what they took; returns how many.
     */
    @Transactional
    public int cancelUndecidedBatch(int limit) {
        return lifecycle.cancelUndecided(limit, clock.instant());
    }

    /** Ends up to {@code limit} visits whose grace period has passed, as the clinic chose; returns how many. */
    @Transactional
    public int completeBatch(int limit) {
        return lifecycle.completePassedVisits(limit, DEFAULT_GRACE_MINUTES, clock.instant());
    }
}
