package health.leap.portal.web;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a request that failed because the database could not be reached (stopped, restarting, failing
 * over to a standby) from one that failed on its own. Such a request is answered 503 with
 * {@code Retry-After}: its transaction rolled back, and the portal serves again as soon as the database
 * answers, with no restart.
 * <p>
 * The pool's connections to a server that went away are all dead, so on the first such failure the
 * pool is flushed gracefully (idle connections closed now, busy ones when returned): the requests after
 * the database returns get fresh connections instead of failing one by one on the old ones.
 */
@ApplicationScoped
public class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);
    /** What a patient is told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final long FLUSH_EVERY_MS = 1_000;
    private static final long LOG_EVERY_MS = 10_000;

    /** SQL states of a server that is unreachable, shutting down, starting up, or read-only (a standby). */
    private static final String CONNECTION_CLASS = "08";
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: starting up, shutting down, in recovery
            "25006"); // read_only_sql_transaction: a standby, or a primary being demoted

    @Inject
    AgroalDataSource dataSource;

    private final AtomicLong lastFlush = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong();

    /**
     * Whether {@code failure}, or anything it wraps, says the database cannot be reached. A commit that
     * failed carries the driver's reason as a suppressed exception of the transaction manager's.
     */
    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, 0);
    }

    private static boolean isOutage(Throwable failure, int nesting) {
        if (nesting > 3) {
            return false;
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isOutage(suppressed, nesting + 1)) {
                    return true;
                }
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith(CONNECTION_CLASS) || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
                // Agroal's own: no connection could be had within the acquisition timeout
                if (state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Notes an outage seen by a request: one log line now and then, and a flush of the dead connections. */
    public void seen(Throwable failure) {
        long now = System.currentTimeMillis();
        long logged = lastLog.get();
        if (now - logged >= LOG_EVERY_MS && lastLog.compareAndSet(logged, now)) {
            LOG.warnf("The database cannot be reached; answering 503 until it can: %s", rootMessage(failure));
        }
        long flushed = lastFlush.get();
        if (now - flushed >= FLUSH_EVERY_MS && lastFlush.compareAndSet(flushed, now)) {
            try {
                dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
            } catch (RuntimeException e) {
                LOG.debug("Flushing the pool failed", e);
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
