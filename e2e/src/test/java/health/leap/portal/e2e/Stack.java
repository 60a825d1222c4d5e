package health.leap.portal.e2e;

import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.TestJvm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The portal and Keycloak the journeys run against, once per JVM.
 * <p>
 * With {@code -De2e.base-url=...} the journeys use that portal and start nothing. Otherwise the
 * demo run command starts Keycloak and the packaged portal on ports of their own, so a demo
 * someone already runs on the default ports is left alone, with a fresh database, so that the demo
 * data the journeys read is as the demo loads it.
 * <p>
 * The test command runs the journeys twice ({@link Pass}): the first run leaves the stack running
 * and names it in {@code target/e2e-stack.properties}; the second takes it over, database and all,
 * and stops it at its end. Only the first run's data is fresh: the second proves that the journeys
 * leave their patients as they found them.
 * <p>
 * Under Maven the stack signs in at the build's Keycloak ({@code -De2e.keycloak-url}, pom.xml) rather
 * than starting one of its own.
 * <p>
 * {@code -De2e.users=user:password,...} gives the passwords of a stack whose users are not the
 * demo's; any user not named there logs in with the demo password.
 */
final class Stack {

    private static final String DEMO_PASSWORD = "demo";
    private static final int PORTAL_PORT = 8082;
    private static final int PORTAL_MANAGEMENT_PORT = 9082;
    private static final int KEYCLOAK_PORT = 8182;
    private static final int KEYCLOAK_MANAGEMENT_PORT = 9182;
    // where the build's Keycloak sends the realm's mail too (a password reset)
    private static final int MAIL_SMTP_PORT = KeycloakServer.SMTP_PORT;
    private static final int MAIL_IMAP_PORT = 3147;
    private static final int MAIL_API_PORT = 8027;
    private static final Duration START_LIMIT = Duration.ofMinutes(4);
    /** Long enough for a second patient to look while the hold runs, on two shared cores. */
    static final Duration SHORT_HOLD = Duration.ofSeconds(30);
    static final long SHORT_HOLD_CENTRE = 3;
    // the run command gives each of its children 30 s to stop before it kills them
    private static final Duration STOP_LIMIT = Duration.ofSeconds(40);
    /** What the first run leaves for the second: the running stack's address, run command and data. */
    private static final String HANDOVER = "e2e-stack.properties";
    private static final String RUN_COMMAND = "run-demo.sh";

    private static Stack running;
    private static RuntimeException startFailure;

    private final String baseUrl;
    private final Map<String, String> passwords;
    private final ProcessHandle runCommand;
    private final Path dataDirectory;
    private Thread stopAtExit;

    private Stack(String baseUrl, Map<String, String> passwords, ProcessHandle runCommand, Path dataDirectory) {
        this.baseUrl = baseUrl;
        this.passwords = passwords;
        this.runCommand = runCommand;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the stack on first use; a stack that failed to start is not tried again by every journey. */
    static synchronized Stack get() {
        if (startFailure != null) {
            throw new IllegalStateException("The stack did not start; see the first failing journey", startFailure);
        }
        if (running == null) {
            try {
                running = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return running;
    }

    /** Maven's target directory: failsafe runs the journeys in the project's directory. */
    static Path buildDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
    }

    String baseUrl() {
        return baseUrl;
    }

    String url(String path) {
        return baseUrl + path;
    }

    /**
     * The HTTP API of the mail server the portal sends to: the run command's GreenMail when the journeys
     * started the stack, else {@code -De2e.mail-api=...} (empty: the mail journeys are skipped).
     */
    Optional<String> mailApi() {
        String given = property("e2e.mail-api");
        if (given != null) {
            return Optional.of(given.replaceAll("/+$", ""));
        }
        return startedByTheJourneys() ? Optional.of("http://localhost:" + MAIL_API_PORT) : Optional.empty();
    }

    /**
     * The build's Keycloak, where a journey may make a login of its own through the admin API: present
     * when the journeys started the stack at that Keycloak (the test command), empty against a deployment.
     */
    Optional<KeycloakServer> buildsKeycloak() {
        return startedByTheJourneys() && property("e2e.keycloak-url") != null ? Optional.of(KeycloakServer.get()) : Optional.empty();
    }

    /**
     * The portal's Prometheus page, on its management port: the run command's when the journeys started
     * the stack, else {@code -De2e.metrics-url=...} (empty: the journeys do not read the counters).
     */
    Optional<String> metricsUrl() {
        String given = property("e2e.metrics-url");
        if (given != null) {
            return Optional.of(given);
        }
        return startedByTheJourneys() ? Optional.of("http://localhost:" + PORTAL_MANAGEMENT_PORT + "/q/metrics") : Optional.empty();
    }

    String password(String user) {
        return passwords.getOrDefault(user, DEMO_PASSWORD);
    }

    /**
     * True when the journeys started this portal (in this run or the first of two), so its data is the
     * demo's: something missing there is a fault, not a deployment whose data differs.
     */
    boolean startedByTheJourneys() {
        return runCommand != null;
    }

    private static Stack start() {
        Map<String, String> passwords = passwords(property("e2e.users"));
        String given = property("e2e.base-url");
        if (given != null) {
            return new Stack(given.replaceAll("/+$", ""), passwords, null, null);
        }
        if (Pass.current() == Pass.SECOND) {
            Optional<Stack> kept = takeOver(passwords);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        stopLeftBehind();
        Path target = buildDirectory();
        Path project = target.getParent();
        Path data = target.resolve("e2e-data");
        deleteRecursively(data);
        Path log = target.resolve("e2e-stack.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "src/main/scripts/run-demo.sh", "--no-build")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String keycloak = property("e2e.keycloak-url");
        if (keycloak != null) {
            // the test build's Keycloak, running until Maven ends (pom.xml): the run command's realm and logins
            KeycloakServer.get();
            builder.environment().put("KEYCLOAK_PORT", String.valueOf(URI.create(keycloak).getPort()));
            builder.environment().put("KEYCLOAK_RUNNING", "true");
        } else {
            builder.environment().put("KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
            builder.environment().put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(KEYCLOAK_MANAGEMENT_PORT));
        }
        builder.environment().put("PORTAL_PORT", String.valueOf(PORTAL_PORT));
        builder.environment().put("PORTAL_MANAGEMENT_PORT", String.valueOf(PORTAL_MANAGEMENT_PORT));
        builder.environment().put("MAIL_SMTP_PORT", String.valueOf(MAIL_SMTP_PORT));
        builder.environment().put("MAIL_IMAP_PORT", String.valueOf(MAIL_IMAP_PORT));
        builder.environment().put("MAIL_API_PORT", String.valueOf(MAIL_API_PORT));
        // the mail journeys wait for the sender: it runs every second here, as the hold sweep does
        builder.environment().put("PORTAL_MAIL_SEND_EVERY", "1s");
        // the reminder rule's test clock (ReminderJourneyIT): QA only, production refuses it
        builder.environment().put("PORTAL_QA_ENDPOINTS", "true");
        builder.environment().put("PORTAL_DATA_DIR", data.toString());
        builder.environment().put("PORTAL_JAVA_OPTS", TestJvm.options());
        // QA knobs (see application.properties): holds at Dublin Docklands, where no other journey
        // books, run out in seconds, and the sweep marks them soon after (HoldExpiryJourneyIT)
        builder.environment().put("PORTAL_BOOKING_HOLD_OVERRIDE", SHORT_HOLD.toString());
        builder.environment().put("PORTAL_BOOKING_HOLD_OVERRIDE_CENTRES", String.valueOf(SHORT_HOLD_CENTRE));
        builder.environment().put("PORTAL_HOLD_EXPIRY_EVERY", "5s");
        // refunds settle when QA says so on the sandbox's page (RefundJourneyIT), not on their own a minute on
        builder.environment().put("PORTAL_SANDBOX_GATEWAY_REFUND_SETTLES_AFTER", "PT1H");
        // the demo's visits nobody marked are completed within seconds of the start (FrontDeskJourneyIT)
        builder.environment().put("PORTAL_VISIT_COMPLETION_EVERY", "5s");
        Process process;
        try {
            Files.createDirectories(data);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the run command", e);
        }
        Stack stack = new Stack("http://localhost:" + PORTAL_PORT, passwords, process.toHandle(), data);
        stack.stopAtExit();
        stack.awaitPortal(log);
        return stack;
    }

    /**
     * The second run: the stack the first run left running, with everything the first run did in its
     * database. Empty when the first run left none (it ran no journey, or its stack has stopped).
     */
    private static Optional<Stack> takeOver(Map<String, String> passwords) {
        Optional<Properties> handover = readHandover();
        deleteHandover();
        return handover.flatMap(kept -> runCommandOf(kept).map(command -> {
            Stack stack = new Stack(kept.getProperty("base-url"), passwords, command,
                    Path.of(kept.getProperty("data-directory")));
            stack.stopAtExit();
            stack.awaitPortal(buildDirectory().resolve("e2e-stack.log"));
            return stack;
        }));
    }

    /** A stack that an interrupted build left running between its two runs holds the ports this one needs. */
    private static void stopLeftBehind() {
        readHandover().ifPresent(kept -> runCommandOf(kept).ifPresent(command ->
                new Stack(kept.getProperty("base-url"), Map.of(), command, Path.of(kept.getProperty("data-directory")))
                        .stopRunCommand()));
        deleteHandover();
    }

    /** The run command the handover names, while it runs: a process id that now belongs to something else is left alone. */
    private static Optional<ProcessHandle> runCommandOf(Properties kept) {
        try {
            return ProcessHandle.of(Long.parseLong(kept.getProperty("pid", "")))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().map(line -> line.contains(RUN_COMMAND)).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Properties> readHandover() {
        Path file = buildDirectory().resolve(HANDOVER);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties kept = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            kept.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Optional.of(kept);
    }

    private static void deleteHandover() {
        try {
            Files.deleteIfExists(buildDirectory().resolve(HANDOVER));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the stack's handover", e);
        }
    }

    /** A JVM that ends, however it ends, takes its stack with it, unless it handed the stack over first. */
    private void stopAtExit() {
        stopAtExit = new Thread(this::stopRunCommand, "e2e-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Keycloak starts first and the portal only once Keycloak answers, so a portal answer means both are up. */
    private void awaitPortal(Path log) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest home = HttpRequest.newBuilder(URI.create(url("/"))).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!runCommand.isAlive()) {
                throw new IllegalStateException("The run command stopped while starting:\n" + tail(log));
            }
            try {
                http.send(home, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                pause(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the portal", e);
            }
        }
        stopRunCommand();
        throw new IllegalStateException("The portal did not answer on " + baseUrl + " within " + START_LIMIT.toMinutes()
                + " minutes:\n" + tail(log));
    }

    /**
     * At the end of a run: stops what {@link #get()} started, if anything, or at the end of the first of
     * two runs leaves it running and names it for the second.
     */
    static synchronized void finish() {
        if (running == null) {
            return;
        }
        if (Pass.current() == Pass.FIRST && running.runCommand != null && running.runCommand.isAlive()) {
            running.handOver();
        } else {
            running.stopRunCommand();
        }
    }

    private void handOver() {
        Properties kept = new Properties();
        kept.setProperty("base-url", baseUrl);
        kept.setProperty("pid", String.valueOf(runCommand.pid()));
        kept.setProperty("data-directory", dataDirectory.toString());
        try (Writer out = Files.newBufferedWriter(buildDirectory().resolve(HANDOVER))) {
            kept.store(out, "The journeys' stack, left running by the first run for the second");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not hand the stack over to the second run", e);
        }
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
    }

    /** TERM to the run command and everything it started, then KILL whatever still runs. */
    private synchronized void stopRunCommand() {
        if (runCommand == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(runCommand), runCommand.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_LIMIT);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(200));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        stopOrphanedDatabase();
    }

    /**
     * The embedded PostgreSQL daemonizes, so it is no descendant of the portal; the portal stops it
     * when it stops cleanly. Should the portal have been killed, the server on this run's own data
     * directory is stopped here.
     */
    private void stopOrphanedDatabase() {
        if (dataDirectory == null) {
            return;
        }
        String ours = dataDirectory.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(ours)).orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    private static Map<String, String> passwords(String users) {
        Map<String, String> passwords = new LinkedHashMap<>();
        if (users == null) {
            return passwords;
        }
        for (String login : users.split(",")) {
            String[] parts = login.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("e2e.users takes user:password pairs separated by commas");
            }
            passwords.put(parts[0].trim(), parts[1]);
        }
        return passwords;
    }

    /** Maven passes an unset property through as its own expression; that counts as unset. */
    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.trim();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
