package health.leap.portal.platform;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Native SQL on Hibernate's session, for the statements where PostgreSQL itself is the point:
 * {@code ON CONFLICT}, {@code FOR UPDATE SKIP LOCKED}, {@code UPDATE ... RETURNING}, time zones,
 * {@code generate_series}, window functions, and the page reads that join a centre's effective
 * policy. They run on the transaction's session and its connection ({@link Session#doReturningWork}):
 * the session first flushes the entities it holds, as it would before a native query, so both see the
 * same rows. The statement goes to the driver as written, without Hibernate's native-query layer
 * (its SQL parse and result-set mapping cost a slot fragment a third of its time). Parameters are
 * JDBC-style {@code ?}; an enum is bound as its name, an {@link Instant} as a UTC timestamp.
 */
public final class NativeSql {

    private NativeSql() {
    }

    public static <T> List<T> list(String sql, Function<Row, T> row, Object... params) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet rs = statement.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    String[] labels = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        labels[i] = meta.getColumnLabel(i + 1);
                    }
                    labels = Row.lowerCase(labels);
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] values = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            values[i] = rs.getObject(i + 1);
                        }
                        rows.add(row.apply(new Row(values, labels)));
                    }
                    return rows;
                }
            }
        });
    }

    public static <T> Optional<T> one(String sql, Function<Row, T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** An insert, update or delete; returns how many rows it changed. */
    public static int update(String sql, Object... params) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The session, with what it holds written out first where there is a transaction to write in; a
     * session holding no entity and no pending change has nothing to write (most page reads).
     */
    private static Session session() {
        Session session = Panache.getSession();
        if (session.isJoinedToTransaction()) {
            SessionImplementor holding = session.unwrap(SessionImplementor.class);
            if (holding.getPersistenceContextInternal().getNumberOfManagedEntities() > 0
                    || holding.getActionQueue().hasAnyQueuedActions()) {
                session.flush();
            }
        }
        return session;
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (p instanceof Enum<?> e) {
                statement.setString(i + 1, e.name());
            } else if (p instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }
}
