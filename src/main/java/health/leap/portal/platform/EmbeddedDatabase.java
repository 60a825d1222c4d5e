package health.leap.portal.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real PostgreSQL server from a Maven artifact, for machines that have none configured. */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static boolean externalDatasourceConfigured() {
        return System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || System.getProperty("quarkus.datasource.jdbc.url") != null;
    }

    public static Path defaultDataDirectory() {
        String configured = System.getenv("PORTAL_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "postgres");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "leaphealth", "postgres");
    }

    /**
     * Starts a server keeping its data in {@code dataDirectory}; an existing cluster there is reused.
     * It is durable: the library starts its servers with {@code fsync} and {@code synchronous_commit}
     * off (fast for throwaway test data, but a crash could lose or corrupt bookings the portal already
     * confirmed), so both are turned back on here; these {@code -c} settings come after the library's
     * {@code -F} on the server's command line, and the last one wins.
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Starts a throwaway server whose data is deleted when it stops: fast, not durable, for tests. */
    public static EmbeddedDatabase startThrowaway() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a throwaway PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
