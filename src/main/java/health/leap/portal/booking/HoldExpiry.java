package health.leap.portal.booking;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentEvent;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.Cancellations;
import health.leap.portal.platform.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

    private final Sql sql;
    private final Clock clock;
    private final Cancellations cancellations;

    public HoldExpiry(Sql sql, Clock clock, Cancellations cancellations) {
        this.sql = sql;
        this.clock = clock;
        this.cancellations = cancellations;
    }

    private record Expired(long id, long tenantId, Long paymentId) {
        static Expired from(ResultSet rs) throws SQLException {
            return new Expired(rs.getLong("id"), rs.getLong("tenant_id"), Sql.nullableLong(rs, "payment_id"));
        }
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
        List<Expired> expired = sql.list("""
                update appointment set status = 'EXPIRED', updated_at = ?
                where id in (select id from appointment
                             where status = 'DRAFT' and hold_expires_at <= ?
                             order by hold_expires_at
                             limit ? for update skip locked)
                  and status = 'DRAFT'
                returning id, tenant_id, payment_id""", Expired::from, now, now, limit);
        record(expired, now);
        return expired.size();
    }

    /**
     * A constraint cannot see the clock, so a DRAFT keeps its slot until it is marked EXPIRED: a hold,
     * and a move, expire the passed holds on their slot first, in their own transaction, then let the
     * constraint decide.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expirePassedHoldsOn(long slotId, Instant now) {
        record(sql.list("""
                update appointment set status = 'EXPIRED', updated_at = ?
                where slot_id = ? and status = 'DRAFT' and hold_expires_at <= ?
                returning id, tenant_id, payment_id""", Expired::from, now, slotId, now), now);
    }

    private void record(List<Expired> expired, Instant now) {
        for (Expired e : expired) {
            AppointmentEvent.record(e.tenantId(), e.id(), now, ActorType.SYSTEM, null, AppointmentStatus.DRAFT,
                    AppointmentStatus.EXPIRED, "Hold expired" + cancellations.giveBack(e.id(), e.paymentId()).wording());
        }
    }
}
