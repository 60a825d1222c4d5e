package health.leap.portal.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The realm shipped in {@code src/main/keycloak}, served by a real Keycloak on port 8181. It is
 * started on first use through the same script as the run command (which fetches Keycloak through
 * Maven on a machine that has never run it), or reused when one already answers there. Run from an
 * IDE it stops when the JVM exits; under Maven ({@value #UNTIL_MAVEN_ENDS}, pom.xml) it runs until
 * Maven ends, so that the route tests, the platform tests and the journeys of one build share it.
 */
public final class KeycloakServer {

    public static final int PORT = 8181;
    public static final int MANAGEMENT_PORT = 9181;
    /** Where this Keycloak sends the realm's mail (a password reset): the journeys' GreenMail's SMTP port. */
    public static final int SMTP_PORT = 3027;
    public static final String REALM = "leaphealth";
    /**
     * Public client with the password grant and the portal's audience, for tests and the load benchmark.
     * The shipped realm has no such client: {@link #ensureTestClients()} adds it from
     * {@code src/test/keycloak/test-clients.json}.
     */
    public static final String TEST_CLIENT = "portal-test";
    /** A client of the same realm whose tokens are not for the portal (no portal audience). */
    public static final String OTHER_CLIENT = "other-app";

    /**
     * Set by pom.xml for surefire and failsafe: the server started by the first test JVM of a build
     * runs until Maven ends, for the next JVMs to reuse, instead of stopping with its own JVM.
     */
    static final String UNTIL_MAVEN_ENDS = "keycloak.until-maven-ends";
    /** Watches the Maven process ($1) and stops Keycloak when it has gone, however Maven ended. */
    private static final String WATCH_MAVEN = """
            bash src/main/scripts/keycloak.sh & keycloak=$!
            trap 'kill -TERM "$keycloak" 2>/dev/null; wait "$keycloak"; exit 143' TERM INT
            while kill -0 "$1" 2>/dev/null && kill -0 "$keycloak" 2>/dev/null; do sleep 1; done
            kill -TERM "$keycloak" 2>/dev/null
            wait "$keycloak"
            """;
    /** The first start on a machine fetches Keycloak (about 180 MB) and builds it once. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer instance;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final int managementPort;
    /** The process this JVM started, if it started one. */
    private Process process;

    private KeycloakServer(int port, int managementPort) {
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * A Keycloak of the caller's own on other ports, with the shipped realm, started now: the fault suite
     * stops it and starts it again, which the shared one must never be. Its store is in memory, so a
     * restart forgets what the admin API added and signs with new keys.
     */
    public static KeycloakServer dedicated(int port, int managementPort) {
        KeycloakServer server = new KeycloakServer(port, managementPort);
        if (server.answers()) {
            throw new IllegalStateException("something already answers on port " + port + "; a dedicated Keycloak needs it free");
        }
        server.start();
        return server;
    }

    /** Stops the server this JVM started (the script, kc.sh and Keycloak's JVM). */
    public synchronized void stop() {
        if (process != null) {
            stop(process);
            process = null;
        }
    }

    /** Starts it again after {@link #stop()} and waits until it answers. */
    public synchronized void startAgain() {
        if (process == null) {
            start();
        }
    }

    /** The running server, started on first use (or reused: see the class). */
    public static synchronized KeycloakServer get() {
        if (instance == null) {
            KeycloakServer server = new KeycloakServer(PORT, MANAGEMENT_PORT);
            if (!server.answers()) {
                server.start();
            }
            server.ensureTestClients();
            instance = server;
        }
        return instance;
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** An access token for the user, through the password grant of {@link #TEST_CLIENT}. */
    public String passwordToken(String username, String password) {
        HttpResponse<String> response = passwordGrant(TEST_CLIENT, username, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("password grant for " + username + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return readJson(response.body()).path("access_token").asText();
    }

    /** The password of the logins {@link #ensurePatient} creates: long enough for the realm's password policy. */
    public static final String PATIENT_PASSWORD = "test-patient-password";

    /**
     * Creates (or finds) a patient login of the realm through the admin API, with the claims that link
     * it to a lead, and returns its username; it signs in with {@link #PATIENT_PASSWORD}. For tests that
     * need more patients than the demo has.
     */
    public String ensurePatient(String username, long tenantId, long leadId) {
        String admin = adminToken();
        String users = issuer().replace("/realms/" + REALM, "/admin/realms/" + REALM) + "/users";
        String body = """
                {"username": "%s", "enabled": true, "email": "%s@example.com", "emailVerified": true,
                 "firstName": "Load", "lastName": "%s",
                 "attributes": {"tenant_id": ["%d"], "lead_id": ["%d"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                .formatted(username, username, username, tenantId, leadId, PATIENT_PASSWORD);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(users))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating " + username + " answered " + created.statusCode() + ": " + created.body());
        }
        String id = readJson(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
                .header("Authorization", "Bearer " + admin).GET().build()).body()).path(0).path("id").asText();
        String role = send(HttpRequest.newBuilder(URI.create(users.replace("/users", "/roles/patient")))
                .header("Authorization", "Bearer " + admin).GET().build()).body();
        HttpResponse<String> granted = send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build());
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("granting patient to " + username + " answered " + granted.statusCode());
        }
        return username;
    }

    /** Adds the test-only clients to the realm through the admin API, unless there already. */
    void ensureTestClients() {
        String admin = adminToken();
        String clients = issuer().replace("/realms/" + REALM, "/admin/realms/" + REALM) + "/clients";
        JsonNode definitions;
        try {
            definitions = JSON.readTree(projectDirectory().resolve("src/test/keycloak/test-clients.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode client : definitions) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(clients))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(client.toString())).build());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("adding the test client " + client.path("clientId").asText() + " answered "
                        + created.statusCode() + ": " + created.body());
            }
        }
    }

    /** The password grant of a public client: the raw answer, whatever its status. */
    public HttpResponse<String> passwordGrant(String client, String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", client, "username", username, "password", password,
                "scope", "openid"));
    }

    /** The password grant of a confidential client, with its secret: the raw answer, whatever its status. */
    public HttpResponse<String> passwordGrantWithSecret(String client, String secret, String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", client, "client_secret", secret, "username", username,
                "password", password, "scope", "openid"));
    }

    /** The client-credentials grant of a confidential client (a service account): the raw answer. */
    public HttpResponse<String> clientCredentials(String client, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    private HttpResponse<String> token(Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    /** The realm's admin API at {@code path} (under /admin/realms/leaphealth), as the bootstrap administrator. */
    public HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(URI.create(issuer().replace("/realms/" + REALM, "/admin/realms/" + REALM) + path))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .method(method, body).build());
    }

    /** The bootstrap administrator of the in-memory store (a throwaway local value, see keycloak.sh). */
    private String adminToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(
                        issuer().replace("/realms/" + REALM, "/realms/master") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the Keycloak administrator could not log in: " + response.statusCode());
        }
        return readJson(response.body()).path("access_token").asText();
    }

    /** The claims of a JWT, read without checking its signature (Keycloak just issued it). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return readJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private boolean answers() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void start() {
        Path project = projectDirectory();
        Path log = project.resolve(port == PORT ? "target/keycloak-test.log" : "target/keycloak-test-" + port + ".log");
        // a dedicated server (the fault suite's) is its caller's to stop and start
        Optional<ProcessHandle> maven = Boolean.getBoolean(UNTIL_MAVEN_ENDS) && port == PORT ? maven() : Optional.empty();
        ProcessBuilder builder = new ProcessBuilder(maven
                .map(build -> List.of("bash", "-c", WATCH_MAVEN, "keycloak-until-maven-ends", String.valueOf(build.pid())))
                .orElse(List.of("bash", "src/main/scripts/keycloak.sh")))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KEYCLOAK_PORT", Integer.toString(port));
        builder.environment().put("KEYCLOAK_MANAGEMENT_PORT", Integer.toString(managementPort));
        mavenOfThisBuild().ifPresent(mvn -> builder.environment().put("MVN", mvn.toString()));
        builder.environment().putIfAbsent("JAVA_OPTS_APPEND", TestJvm.compilerOption());
        // the realm's password-reset mail: to the SMTP port of the journeys' GreenMail (e2e Stack), where
        // PasswordResetJourneyIT reads it, and where a route test may start one of its own
        builder.environment().put("LEAPHEALTH_SMTP_PORT", String.valueOf(SMTP_PORT));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
        if (maven.isEmpty()) {
            this.process = process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
        }

        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue()
                        + "):\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                stop(process);
                throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT + ":\n" + tail(log));
            }
            pause();
        }
    }

    /** The Maven process that forked this test JVM, if it is one. */
    private static Optional<ProcessHandle> maven() {
        for (Optional<ProcessHandle> up = ProcessHandle.current().parent(); up.isPresent(); up = up.get().parent()) {
            if (up.get().info().commandLine().map(line -> line.contains("plexus-classworlds")).orElse(false)) {
                return up;
            }
        }
        return Optional.empty();
    }

    /** The script, kc.sh and Keycloak's JVM form a tree: stop all of it, gently first. */
    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    /** Surefire runs in the project directory; an IDE may run elsewhere in it. */
    private static Path projectDirectory() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("src/main/scripts/keycloak.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("src/main/scripts/keycloak.sh not found above " + dir);
    }

    /** The Maven running this build, so a first start fetches Keycloak through the same one. */
    private static Optional<Path> mavenOfThisBuild() {
        String home = System.getProperty("maven.home");
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        Path mvn = Path.of(home, "bin", "mvn");
        return Files.isExecutable(mvn) ? Optional.of(mvn) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }
}
