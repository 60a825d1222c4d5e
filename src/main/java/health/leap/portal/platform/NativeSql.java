package health.leap.portal.platform;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;
import org.hibernate.query.CommonQueryContract;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Native SQL through Hibernate's session, for the statements where PostgreSQL itself is the point:
 * {@code ON CONFLICT}, {@code FOR UPDATE SKIP LOCKED}, {@code UPDATE ... RETURNING}, time zones,
 * {@code generate_series}, window functions, and the page reads that join a centre's effective
 * policy. They run on the transaction's session and connection, so Hibernate flushes the entities
 * it holds before each one and both see the same rows. Parameters are JDBC-style {@code ?}; an
 * enum is bound as its name.
 */
public final class NativeSql {

    private NativeSql() {
    }

    public static <T> List<T> list(String sql, Function<Row, T> row, Object... params) {
        String[][] lowerCaseLabels = new String[1][];
        return bind(session().createNativeQuery(sql, Object[].class), params)
                .setTupleTransformer((values, labels) -> {
                    if (lowerCaseLabels[0] == null) {
                        lowerCaseLabels[0] = Row.lowerCase(labels);
                    }
                    return row.apply(new Row(values, lowerCaseLabels[0]));
                })
                .getResultList();
    }

    public static <T> Optional<T> one(String sql, Function<Row, T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** An insert, update or delete; returns how many rows it changed. */
    public static int update(String sql, Object... params) {
        return bind(session().createNativeMutationQuery(sql), params).executeUpdate();
    }

    private static Session session() {
        return Panache.getSession();
    }

    private static <Q extends CommonQueryContract> Q bind(Q query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            query.setParameter(i + 1, p instanceof Enum<?> e ? e.name() : p);
        }
        return query;
    }
}
