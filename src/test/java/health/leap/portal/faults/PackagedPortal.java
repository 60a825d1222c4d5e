package health.leap.portal.faults;

import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.TestJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged portal ({@code target/quarkus-app}) started as its own process, in the demo profile,
 * with the settings a fault case gives it. It can be stopped gently, killed with SIGKILL, and started
 * again with the same settings. Its output goes to {@code target/faults/<name>.log}.
 */
final class PackagedPortal implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> settings;
    private Process process;
    private int starts;

    private PackagedPortal(String name, int port, Map<String, String> settings) {
        this.name = name;
        this.port = port;
        this.settings = settings;
    }

    /**
     * A portal on {@code port} with the suite's settings: the demo profile, the tests' Keycloak, a write
     * budget a load of bookings does not exhaust, no shutdown delay; {@code settings} add to or override them.
     */
    static PackagedPortal on(String name, int port, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("QUARKUS_PROFILE", "demo");
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // the metrics' port beside the portal's, so that portals side by side never share one
        all.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(port + 1000));
        all.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakServer.get().issuer());
        all.put("PORTAL_RATE_LIMIT_WRITES_PER_MINUTE", "100000");
        all.put("PORTAL_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000");
        all.put("PORTAL_SHUTDOWN_DELAY", "0s");
        all.putAll(settings);
        return new PackagedPortal(name, port, all);
    }

    /** A portal on an existing database: {@code jdbcUrl} with the given user (password the same). */
    static Map<String, String> database(String jdbcUrl, String user) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl, "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", user);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return FaultReport.directory().resolve(name + (starts > 1 ? "-" + starts : "") + ".log");
    }

    /** Starts the process and waits until it is ready (database and identity provider answer). */
    PackagedPortal start() {
        starts++;
        ProcessBuilder builder = new ProcessBuilder(TestJvm.packagedPortal())
                .redirectErrorStream(true).redirectOutput(log().toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("PORTAL_"));
        builder.environment().putAll(settings);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the portal " + name, e);
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal " + name + " stopped while starting; see " + log());
            }
            if (ready()) {
                return;
            }
            Faults.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the portal " + name + " was not ready within " + START_LIMIT + "; see " + log());
    }

    /** Whether its readiness probe answers UP. */
    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, requests in flight cut off. */
    void kill() {
        process.toHandle().destroyForcibly();
        await(process);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void await(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
