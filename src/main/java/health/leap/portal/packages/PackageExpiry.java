package health.leap.portal.packages;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Stores EXPIRED on ACTIVE packages whose validity has passed. Nothing waits for it: the pages show
 * such a package as expired already, and a redemption checks the validity itself. Like the hold
 * sweep, it claims rows with SKIP LOCKED in bounded batches, so several portal instances sweeping at
 * once neither store a row twice nor wait on each other or on a confirmation taking a session.
 */
@ApplicationScoped
public class PackageExpiry {

    static final int BATCH = 500;
    static final int MAX_BATCHES_PER_RUN = 20;
    private final Clock clock;

    public PackageExpiry(Clock clock) {
        this.clock = clock;
    }

    @Scheduled(every = "${portal.package-expiry.every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            if (expireBatch(BATCH) < BATCH) {
                return;
            }
        }
    }

    /** Expires up to {@code limit} passed ACTIVE packages; returns how many. */
    @Transactional
    public int expireBatch(int limit) {
        return PackagePurchase.expirePassed(limit, clock.instant());
    }
}
