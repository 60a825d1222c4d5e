package health.leap.portal.appointments;

import health.leap.portal.platform.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Ends the visits nobody marked: a booking still CONFIRMED or CHECKED_IN its tenant's grace period
 * ({@code booking_policy.visit_grace_minutes}, 2 hours by default) after it ended becomes COMPLETED,
 * actor SYSTEM, so it stops counting toward the patient's active limit. A booking still waiting for
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
    static final String NOT_DECIDED = "The clinic did not approve the booking before its time";

    private final Sql sql;
    private final Clock clock;
    private final Cancellations cancellations;

    public VisitCompletion(Sql sql, Clock clock, Cancellations cancellations) {
        this.sql = sql;
        this.clock = clock;
        this.cancellations = cancellations;
    }

    private record Completed(long id, long tenantId, AppointmentStatus from) {
    }

    @Scheduled(every = "${portal.visit-completion.every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
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

    private record Undecided(long id, long tenantId, Long paymentId) {
    }

    /**
     * Cancels up to {@code limit} bookings whose time came while they still waited for the clinic's
     * approval, giving back what they took; returns how many.
     */
    @Transactional
    public int cancelUndecidedBatch(int limit) {
        Instant now = clock.instant();
        List<Undecided> undecided = sql.list("""
                update appointment set status = 'CANCELLED', cancel_reason = ?, updated_at = ?
                where id in (select id from appointment
                             where status = 'PENDING_APPROVAL' and starts_at <= ?
                             order by starts_at
                             limit ? for update skip locked)
                  and status = 'PENDING_APPROVAL'
                returning id, tenant_id, payment_id""", rs -> new Undecided(rs.getLong(1), rs.getLong(2),
                Sql.nullableLong(rs, "payment_id")), NOT_DECIDED, now, now, limit);
        for (Undecided u : undecided) {
            AppointmentEvent.record(u.tenantId(), u.id(), now, ActorType.SYSTEM, null, AppointmentStatus.PENDING_APPROVAL,
                    AppointmentStatus.CANCELLED, NOT_DECIDED + cancellations.giveBack(u.id(), u.paymentId()).wording());
        }
        return undecided.size();
    }

    /** Completes up to {@code limit} visits whose grace period has passed; returns how many. */
    @Transactional
    public int completeBatch(int limit) {
        Instant now = clock.instant();
        // the grace is per tenant, so the partial index on ends_at finds the candidates and the
        // policy decides which of them are due
        List<Completed> completed = sql.list("""
                with due as (
                    select a.id, a.status from appointment a
                    left join booking_policy bp on bp.tenant_id = a.tenant_id
                    where a.status in ('CONFIRMED', 'CHECKED_IN') and a.ends_at <= ?
                      and a.ends_at + make_interval(mins => coalesce(bp.visit_grace_minutes, ?)) <= ?
                    order by a.ends_at
                    limit ? for update of a skip locked)
                update appointment a set status = 'COMPLETED', updated_at = ?
                from due
                where a.id = due.id and a.status = due.status
                returning a.id, a.tenant_id, due.status""",
                rs -> new Completed(rs.getLong(1), rs.getLong(2), AppointmentStatus.valueOf(rs.getString(3))),
                now, DEFAULT_GRACE_MINUTES, now, limit, now);
        for (Completed c : completed) {
            AppointmentEvent.record(c.tenantId(), c.id(), now, ActorType.SYSTEM, null, c.from(), AppointmentStatus.COMPLETED,
                    "Visit completed: nobody marked it at the front desk");
        }
        return completed.size();
    }
}
