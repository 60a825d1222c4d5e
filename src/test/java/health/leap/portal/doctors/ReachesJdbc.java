package health.leap.portal.doctors;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks a rule on purpose, for ArchitectureRulesTest alone: JDBC beside Hibernate. */
final class ReachesJdbc {

    boolean asks(Connection connection) throws SQLException {
        return connection.isValid(1);
    }
}
