package health.leap.portal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import health.leap.portal.platform.PortalConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-caller request and write budgets (SPEC: 120 requests and 20 writes a minute), kept in
 * PostgreSQL ({@code rate_limit}) so every portal instance on the database spends from the same
 * budget.
 * <p>
 * Each budget is a generic cell rate algorithm: one number per caller, the theoretical arrival time
 * (TAT). A token costs the emission interval T = one minute / budget, in whole milliseconds (a
 * budget that does not divide a minute is rounded in the caller's favour), and a whole minute's
 * budget may be spent at once: spending n tokens at {@code now} moves the TAT to max(TAT, now) + n·T,
 * allowed while that is at most a minute ahead of {@code now}; when refused, the wait is what lies
 * beyond that minute and the TAT stays where it was. Time is the portal's {@link Clock}, passed to
 * the database, never the database's own.
 * <p>
 * Writes are decided by the database on every write, exactly, in one statement in autocommit
 * ({@link #SPEND}): no transaction, no lock held between round trips. Reads are decided exactly by
 * the same algorithm in this instance's memory, and owe their tokens to the shared row, which they
 * pay in one statement every {@value #READ_SYNC_REQUESTS} reads or once a second
 * ({@link #READ_SYNC_EVERY}): a page view costs no extra round trip most of the time, and across n
 * instances a caller can overshoot the read budget by at most n × {@value #READ_SYNC_REQUESTS}
 * requests before the instances agree. When the shared row refuses, this instance refuses the
 * caller's reads for the wait it gave, then pays what is still owed before serving another one.
 * <p>
 * A row whose TAT has passed is a full budget, the same as no row: {@link #forgetFullBudgets()}
 * deletes such rows in bounded batches.
 * <p>
 * The one place the portal uses JDBC beside Hibernate: these statements run before the request has a
 * transaction or a session, on every write and every few reads, and must commit on their own whatever
 * the request then does (a refused or failed write has still spent its token). A plain autocommit
 * statement on a pooled connection does that in one round trip; through Hibernate it would take a
 * session and a transaction of its own (begin and commit: three round trips) for each.
 */
@ApplicationScoped
public class RateLimits {

    static final int READ_SYNC_REQUESTS = 10;
    static final Duration READ_SYNC_EVERY = Duration.ofSeconds(1);
    /** A whole minute's budget may be spent at once, as with a bucket of one minute's tokens. */
    static final long BURST_MS = Duration.ofMinutes(1).toMillis();
    static final int FORGET_BATCH = 1000;
    static final int MAX_FORGET_BATCHES_PER_RUN = 50;

    /**
     * Spends {@code cost} ms of budget from row {@code id} at {@code now}, unless that would take its
     * TAT more than a minute past {@code now}. Parameters: id, now + cost, now + a minute, cost, now + a
     * minute, cost, now + a minute, id. One row back: allowed with the new TAT, or refused with the TAT
     * as it is, untouched. A fresh row ({@code excluded}) starts at now + cost, so
     * greatest(TAT + cost, now + cost) is max(TAT, now) + cost. A TAT more than a minute ahead can only
     * have been written by a clock that has since gone back (or by an instance whose clock runs ahead):
     * it counts as a full budget ({@link #UNLESS_FROM_THE_FUTURE}) rather than locking the caller out
     * until the clock catches up. The decision sees the latest TAT; a refusal reads it as of the
     * statement's start, so under a concurrent spend its wait may come out short, the decision never wrong.
     */
    private static final String UNLESS_FROM_THE_FUTURE = "(case when r.tat_ms > ? then 0 else r.tat_ms end)";
    private static final String SPEND = """
            with spent as (
                insert into rate_limit as r (id, tat_ms) values (?, ?)
                on conflict (id) do update set tat_ms = greatest(%1$s + ?, excluded.tat_ms)
                where greatest(%1$s + ?, excluded.tat_ms) <= ?
                returning tat_ms)
            select true, tat_ms from spent
            union all
            select false, tat_ms from rate_limit where id = ? and not exists (select 1 from spent)"""
            .formatted(UNLESS_FROM_THE_FUTURE);
    private static final String FORGET = """
            delete from rate_limit
            where id in (select id from rate_limit where tat_ms <= ? limit ? for update skip locked)""";

    /** What the limiter decided: allowed, or refused with the wait until a token is back. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    @Inject
    PortalConfig config;

    private long requestInterval;
    private long writeInterval;
    private final Cache<String, Reads> reads = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();

    /** One caller's reads in this instance; guarded by itself. */
    private static final class Reads {
        long tat;
        /** reads served here and not yet spent from the shared row */
        int owed;
        /** when the shared row is paid whatever is owed; a new caller pays at once, to learn its state */
        long syncDue;
        /** the shared row refused: no reads here before then */
        long refusedUntil;
    }

    @PostConstruct
    void start() {
        requestInterval = interval(config.rateLimit().requestsPerMinute(), "portal.rate-limit.requests-per-minute");
        writeInterval = interval(config.rateLimit().writesPerMinute(), "portal.rate-limit.writes-per-minute");
    }

    private static long interval(long perMinute, String property) {
        if (perMinute < 1) {
            throw new IllegalStateException(property + " must be at least 1, not " + perMinute);
        }
        return BURST_MS / perMinute;
    }

    /** Spends one request of the caller's budget. */
    public Decision request(String caller) {
        long now = clock.millis();
        Reads mine = reads.get(caller, key -> new Reads());
        int paying;
        synchronized (mine) {
            if (mine.tat - now > BURST_MS || mine.refusedUntil - now > BURST_MS) {
                // written by a clock that has since gone back: a full budget, as in the shared row
                mine.tat = 0;
                mine.refusedUntil = 0;
                mine.syncDue = now;
            }
            if (now < mine.refusedUntil) {
                return refused(mine.refusedUntil - now);
            }
            long tat = Math.max(mine.tat, now) + requestInterval;
            if (tat - now > BURST_MS) {
                return refused(tat - now - BURST_MS);
            }
            mine.tat = tat;
            mine.owed++;
            if (mine.owed < READ_SYNC_REQUESTS && now < mine.syncDue) {
                return ALLOWED;
            }
            paying = mine.owed;
            mine.owed = 0;
            mine.syncDue = now + READ_SYNC_EVERY.toMillis();
        }
        Decision shared = spend("requests:" + caller, paying * requestInterval, now);
        if (!shared.allowed()) {
            synchronized (mine) {
                mine.refusedUntil = Math.max(mine.refusedUntil, now + shared.retryAfter().toMillis());
                // this read is refused and takes its token back; the others were served and still owe theirs
                mine.tat -= requestInterval;
                mine.owed += paying - 1;
                mine.syncDue = now;
            }
        }
        return shared;
    }

    /** Spends one write of the caller's budget, decided by the database. */
    public Decision write(String caller) {
        return spend("writes:" + caller, writeInterval, clock.millis());
    }

    private Decision spend(String id, long cost, long now) {
        // outside any transaction, so the connection is in autocommit: the statement is the transaction
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SPEND)) {
            ps.setString(1, id);
            ps.setLong(2, now + cost);
            ps.setLong(3, now + BURST_MS);
            ps.setLong(4, cost);
            ps.setLong(5, now + BURST_MS);
            ps.setLong(6, cost);
            ps.setLong(7, now + BURST_MS);
            ps.setString(8, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // the row was inserted by another instance after this statement began, and refused it
                    return refused(cost);
                }
                return rs.getBoolean(1) ? ALLOWED : refused(Math.max(rs.getLong(2), now) + cost - now - BURST_MS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rate limit could not be read: " + e.getMessage(), e);
        }
    }

    private static Decision refused(long waitMillis) {
        return new Decision(false, Duration.ofMillis(Math.max(1, waitMillis)));
    }

    @Scheduled(every = "${portal.rate-limit.cleanup-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetFullBudgets() {
        for (int i = 0; i < MAX_FORGET_BATCHES_PER_RUN; i++) {
            if (forgetFullBudgets(FORGET_BATCH) < FORGET_BATCH) {
                return;
            }
        }
    }

    /** Deletes up to {@code limit} rows of callers whose budget is full again; returns how many. */
    int forgetFullBudgets(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FORGET)) {
            ps.setLong(1, clock.millis());
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the rate limit could not be read: " + e.getMessage(), e);
        }
    }
}
