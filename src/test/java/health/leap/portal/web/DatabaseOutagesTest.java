package health.leap.portal.web;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean "the database cannot be reached" (a 503 to try again) and which are a fault of ours (a 500). */
class DatabaseOutagesTest {

    @Test
    void anUnreachableStoppingOrReadOnlyServerIsAnOutageHoweverDeeplyWrapped() {
        assertTrue(DatabaseOutages.isOutage(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertTrue(DatabaseOutages.isOutage(new PersistenceException("could not execute",
                new JDBCConnectionException("I/O", new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)))));
        assertTrue(DatabaseOutages.isOutage(new IllegalStateException("read",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseOutages.isOutage(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutages.isOutage(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
        assertTrue(DatabaseOutages.isOutage(new SQLException("Acquisition timeout while waiting for new connection")));
        // a commit cut off by a stopping server: the driver's reason is suppressed in the transaction manager's
        RuntimeException commit = new IllegalStateException(new jakarta.transaction.RollbackException("Could not commit transaction."));
        commit.getCause().addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction"));
        commit.getCause().getSuppressed()[0].initCause(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseOutages.isOutage(commit));
    }

    @Test
    void aRefusedStatementOrABugIsNot() {
        assertFalse(DatabaseOutages.isOutage(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutages.isOutage(new PersistenceException(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseOutages.isOutage(new IllegalStateException("no such thing")));
        assertFalse(DatabaseOutages.isOutage(new SQLException("no state")));
    }
}
