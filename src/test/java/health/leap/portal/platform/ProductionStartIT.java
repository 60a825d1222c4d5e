package health.leap.portal.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged portal started as a clinic's operator would start it: in the production profile (the
 * jar's default), with settings from the environment. It refuses demo secrets and missing ones by
 * name before it starts anything; with secrets of its own it starts, ready once its database and
 * identity provider answer; with no gateway chosen it refuses clinics whose services ask for payment.
 */
@PlatformTest(lane = 1)
class ProductionStartIT {

    static final int PORT = 8093;
    static final int MANAGEMENT_PORT = 9093;
    static final Duration START = Duration.ofMinutes(2);
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static EmbeddedDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedDatabase.startThrowaway();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** A production start: nothing of the demo profile, nothing of this machine's environment but the JDK's. */
    static Map<String, String> production() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(PORT));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakServer.get().issuer());
        return env;
    }

    /** A production start on the test's database. */
    static Map<String, String> productionOnTheDatabase() {
        Map<String, String> env = production();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedDatabase.USER);
        return env;
    }

    record Run(int exit, String output) {
    }

    /** Starts the jar and waits for it to stop by itself. */
    static Run refusedStart(Map<String, String> env, String name) throws Exception {
        Process portal = start(env, name);
        boolean stopped = portal.waitFor(START.toSeconds(), TimeUnit.SECONDS);
        if (!stopped) {
            portal.destroyForcibly();
        }
        assertTrue(stopped, "the portal did not stop by itself; see target/" + name + ".log");
        return new Run(portal.exitValue(), Files.readString(log(name)));
    }

    static Process start(Map<String, String> env, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(TestJvm.packagedPortal())
                .redirectErrorStream(true).redirectOutput(log(name).toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("PORTAL_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    static Path log(String name) throws IOException {
        return Files.createDirectories(Path.of("target")).resolve(name + ".log");
    }

    @Test
    void demoSecretsAreRefusedByNameBeforeAnythingStarts() throws Exception {
        Map<String, String> env = productionOnTheDatabase();
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "portal-demo-secret");
        env.put("PORTAL_CURSOR_SECRET", "cursor-demo-signing-key");
        env.put("PORTAL_ACCOUNTS_CLIENT_SECRET", "portal-accounts-demo-secret");
        env.put("PORTAL_PAYMENT_GATEWAY", "sandbox");
        env.put("PORTAL_SANDBOX_GATEWAY_SECRET", "sandbox-demo-signing-key");
        Run run = refusedStart(env, "production-demo-secrets");
        assertAll(
                () -> assertNotEquals(0, run.exit(), run.output()),
                () -> assertTrue(run.output().contains("will not start in the prod profile"), run.output()),
                () -> assertTrue(run.output().contains("QUARKUS_OIDC_CREDENTIALS_SECRET is still the demo value"), run.output()),
                () -> assertTrue(run.output().contains("PORTAL_CURSOR_SECRET is still the demo value"), run.output()),
                () -> assertTrue(run.output().contains("PORTAL_ACCOUNTS_CLIENT_SECRET is still the demo value"), run.output()),
                () -> assertTrue(run.output().contains("PORTAL_SANDBOX_GATEWAY_SECRET is still the demo value"), run.output()),
                // the sandbox in production is chosen on purpose or not at all, and the refusal names the switch
                () -> assertTrue(run.output().contains("starts only with PORTAL_SANDBOX_GATEWAY_IN_PRODUCTION=true"), run.output()),
                () -> assertTrue(run.output().contains("QUARKUS_PROFILE=demo"), "says how to run the demo instead"),
                () -> assertFalse(run.output().contains("started in"), "nothing started"));
    }

    @Test
    void missingSecretsAndDatabaseAreNamed() throws Exception {
        Run run = refusedStart(production(), "production-nothing-set");
        assertAll(
                () -> assertNotEquals(0, run.exit(), run.output()),
                () -> assertTrue(run.output().contains("QUARKUS_OIDC_CREDENTIALS_SECRET is not set"), run.output()),
                () -> assertTrue(run.output().contains("PORTAL_CURSOR_SECRET is not set"), run.output()),
                () -> assertTrue(run.output().contains("QUARKUS_DATASOURCE_JDBC_URL is not set"), run.output()),
                // no gateway chosen, so no sandbox key is asked for
                () -> assertFalse(run.output().contains("PORTAL_SANDBOX_GATEWAY_SECRET"), run.output()));
    }

    @Test
    void withItsOwnSecretsItStartsAndRefusesPaymentsWithoutAGateway() throws Exception {
        Map<String, String> env = productionOnTheDatabase();
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "a-clinics-own-client-secret-7Qm2");
        env.put("PORTAL_CURSOR_SECRET", "a-clinics-own-cursor-key-9Xr4Lp");
        env.put("PORTAL_ACCOUNTS_CLIENT_SECRET", "a-clinics-own-accounts-secret-5Kt1");
        env.put("QUARKUS_MAILER_HOST", "localhost");
        env.put("QUARKUS_MAILER_FROM", "appointments@clinic.example");
        env.put("PORTAL_PUBLIC_URL", "https://portal.clinic.example");
        env.put("PORTAL_LOG_JSON", "true");
        // a staging deployment: the sandbox chosen on purpose, which every page then says
        env.put("PORTAL_PAYMENT_GATEWAY", "sandbox");
        env.put("PORTAL_SANDBOX_GATEWAY_SECRET", "a-staging-sandbox-signing-key-3Hd8");
        env.put("PORTAL_SANDBOX_GATEWAY_IN_PRODUCTION", "true");
        Process portal = start(env, "production-own-secrets");
        try {
            String ready = awaitReady(portal);
            assertAll(
                    () -> assertTrue(ready.contains("Database connections health check"), ready),
                    () -> assertTrue(ready.contains("OIDC Provider Health Check"), ready),
                    () -> assertEquals(200, get(MANAGEMENT_PORT, "/q/metrics").statusCode()),
                    () -> assertEquals(404, get("/q/metrics").statusCode(), "metrics on the patients' port"));
            // a signed-in page (here the "no patient record" page: this database has no clinic yet) carries the strip
            String token = KeycloakServer.get().passwordToken("amelia", "demo");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertAll(
                    () -> assertTrue(page.body().contains("no real money moves on this portal"), page.body()),
                    () -> assertTrue(page.body().contains("started with the sandbox on purpose (PORTAL_SANDBOX_GATEWAY_IN_PRODUCTION)"),
                            page.body()));
            // every probe of the generated Kubernetes manifests answers UP
            for (Map.Entry<String, String> probe : KubernetesManifestsIT.probePaths().entrySet()) {
                HttpResponse<String> answer = get(probe.getValue());
                assertEquals(200, answer.statusCode(), probe.getKey() + " probe " + probe.getValue() + ": " + answer.body());
            }
            // graceful shutdown: on TERM readiness turns DOWN at once, so a load balancer sends new requests
            // elsewhere, while the portal still answers what reaches it for the shutdown delay
            portal.destroy();
            boolean readyDown = false;
            boolean stillServing = false;
            Instant until = Instant.now().plusSeconds(10);
            while (!readyDown && portal.isAlive() && Instant.now().isBefore(until)) {
                readyDown = get("/q/health/ready").statusCode() == 503;
                stillServing = readyDown && get("/q/health/live").statusCode() == 200;
            }
            assertTrue(readyDown, "readiness DOWN after TERM");
            assertTrue(stillServing, "requests still answered during the shutdown delay");
            assertTrue(portal.waitFor(60, TimeUnit.SECONDS), "stopped on TERM");
        } finally {
            portal.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log("production-own-secrets"));
        String started = lines.stream().filter(line -> line.contains("started in")).findFirst().orElse("");
        // JSON log lines by the switch
        assertEquals("leaphealth-portal", new ObjectMapper().readTree(started).path("message").asText().split(" ")[0],
                "a JSON line: " + started);

        // the same database, now with clinics whose services take payment, and no gateway chosen
        env.keySet().removeIf(key -> key.startsWith("PORTAL_PAYMENT_GATEWAY") || key.startsWith("PORTAL_SANDBOX_GATEWAY"));
        env.put("PORTAL_DEMO_DATA", "true");
        Run refused = refusedStart(env, "production-no-gateway");
        assertAll(
                () -> assertNotEquals(0, refused.exit()),
                () -> assertTrue(refused.output().contains("No payment gateway is chosen (PORTAL_PAYMENT_GATEWAY=none)"),
                        refused.output()),
                () -> assertTrue(refused.output().contains("Harbour Health: "), refused.output()));
    }

    static String awaitReady(Process portal) throws Exception {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(portal.isAlive(), "the portal stopped; see target/production-own-secrets.log");
            try {
                HttpResponse<String> ready = get("/q/health/ready");
                if (ready.statusCode() == 200) {
                    return ready.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within " + START + "; see target/production-own-secrets.log");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return get(PORT, path);
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
