package health.leap.portal.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** One throwaway embedded PostgreSQL per test JVM, shared by every Quarkus test. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    static synchronized EmbeddedDatabase database() {
        if (database == null) {
            database = EmbeddedDatabase.startThrowaway();
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return database;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", database().jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER);
    }

    @Override
    public void stop() {
        // the database outlives a Quarkus restart between test profiles; the shutdown hook stops it
    }
}
