package health.leap.portal.booking;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentEvent;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.platform.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Marks passed holds EXPIRED (actor SYSTEM) in bounded batches. Rows are claimed with SKIP LOCKED,
 * so several portal instances sweeping at once neither process a row twice nor wait on each other.
 * Availability never waits for this job: queries treat a passed hold as free already.
 */
@ApplicationScoped
public class HoldExpiry {

    static final int BATCH = 200;
    static final int MAX_BATCHES_PER_RUN = 50;

    private final Sql sql;
    private final Clock clock;

    public HoldExpiry(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Scheduled(every = "${portal.hold-expiry.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            if (expireBatch(BATCH) < BATCH) {
                return;
            }
        }
    }

    /** Expires up to {@code limit} passed holds; returns how many. */
    @Transactional
    public int expireBatch(int limit) {
        Instant now = clock.instant();
        record Expired(long id, long tenantId) {
        }
        List<Expired> expired = sql.list("""
                update appointment set status = 'EXPIRED', updated_at = ?
                where id in (select id from appointment
                             where status = 'DRAFT' and hold_expires_at <= ?
                             order by hold_expires_at
                             limit ? for update skip locked)
                  and status = 'DRAFT'
                returning id, tenant_id""", rs -> new Expired(rs.getLong(1), rs.getLong(2)), now, now, limit);
        expired.forEach(e -> AppointmentEvent.record(e.tenantId(), e.id(), now, ActorType.SYSTEM, null,
                AppointmentStatus.DRAFT, AppointmentStatus.EXPIRED, "Hold expired"));
        return expired.size();
    }
}
