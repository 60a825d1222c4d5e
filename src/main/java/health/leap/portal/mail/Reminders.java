package health.leap.portal.mail;

import health.leap.portal.platform.NativeSql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Queues the reminder of each confirmed visit once its tenant's reminder time before it has come
 * ({@code booking_policy.reminder_minutes}, 24 hours by default, 0 for none). A booking made inside
 * that time gets none (its confirmation was the reminder), nor one cancelled or moved before it (a
 * moved booking is a new booking, reminded at its own time). Each visit's reminder has one key in
 * the outbox, so instances queueing at once, or a run repeated, queue it once.
 */
@ApplicationScoped
public class Reminders {

    static final int BATCH = 200;
    private static final int MAX_BATCHES_PER_RUN = 50;
    static final int DEFAULT_MINUTES = 1440;
    /** The longest reminder time a policy may set (a week; the column's check says the same). */
    static final int MAX_MINUTES = 10080;
    private final Clock clock;
    private final Notices notices;

    public Reminders(Clock clock, Notices notices) {
        this.clock = clock;
        this.notices = notices;
    }

    @Scheduled(every = "${portal.mail.reminders-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        queueDue(clock.instant());
    }

    /** How many visits a batch looked at, the last one's id, and how many reminders it queued. */
    public record Batch(int looked, long lastId, int queued) {
    }

    /** Queues every reminder due at {@code now}, a batch per transaction; returns how many it queued. */
    public int queueDue(Instant now) {
        int queued = 0;
        long after = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            Batch batch = queueDue(now, after, BATCH);
            queued += batch.queued();
            if (batch.looked() < BATCH) {
                break;
            }
            after = batch.lastId();
        }
        return queued;
    }

    /** The due reminders of up to {@code limit} visits with ids above {@code after}. */
    @Transactional
    public Batch queueDue(Instant now, long after, int limit) {
        List<Due> due = due(now, "a.id > ?", List.<Object>of(after), limit);
        int queued = 0;
        for (Due visit : due) {
            // queued at the clock's time, to be sent from then on, whatever time the rule was asked about
            if (notices.remind(visit.tenantId(), visit.id(), clock.instant())) {
                queued++;
            }
        }
        return new Batch(due.size(), due.isEmpty() ? after : due.get(due.size() - 1).id(), queued);
    }

    /**
     * The reminder of one visit of the tenant, if it is due at {@code now} by the same rule as the job's;
     * false when it is not (yet) due, was queued already, or the patient turned reminders off.
     */
    @Transactional
    public boolean queueDueFor(long tenantId, long appointmentId, Instant now) {
        return due(now, "a.id = ? and a.tenant_id = ?", List.<Object>of(appointmentId, tenantId), 1).stream()
                .anyMatch(visit -> notices.remind(visit.tenantId(), visit.id(), clock.instant()));
    }

    private record Due(long id, long tenantId) {
    }

    private List<Due> due(Instant now, String which, List<Object> whichValues, int limit) {
        List<Object> params = new ArrayList<>(List.of(now, now.plus(Duration.ofMinutes(MAX_MINUTES))));
        params.addAll(whichValues);
        params.addAll(List.of(DEFAULT_MINUTES, now, DEFAULT_MINUTES, limit));
        // the index on confirmed visits by start finds the week ahead; each tenant's policy says which are due
        return NativeSql.list("""
                select a.id, a.tenant_id from appointment a
                left join booking_policy bp on bp.tenant_id = a.tenant_id
                left join mail_preference mp on mp.lead_id = a.lead_id
                where a.status = 'CONFIRMED' and a.starts_at > ? and a.starts_at <= ?
                  and\s""" + which + """

                  and a.starts_at - make_interval(mins => coalesce(bp.reminder_minutes, ?)) <= ?
                  and a.created_at < a.starts_at - make_interval(mins => coalesce(bp.reminder_minutes, ?))
                  and coalesce(mp.reminders, true)
                  and not exists (select 1 from mail_outbox m where m.dedupe_key = 'REMINDER:' || a.id)
                order by a.id
                limit ?""", rs -> new Due(rs.getLong(1), rs.getLong(2)), params.toArray());
    }
}
