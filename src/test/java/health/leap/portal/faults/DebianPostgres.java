package health.leap.portal.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from Debian's packages ({@code postgresql-15}, installed by {@code .ci/run}), with
 * its data in {@code target/faults}, on 127.0.0.1 only: unlike the embedded one, it can be stopped and
 * started again on the same data and port, killed, and run as a primary with a streaming standby.
 * PostgreSQL refuses to run as root, so under root its commands run as the {@code postgres} user.
 */
final class DebianPostgres implements AutoCloseable {

    static final String USER = "postgres";
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(90);

    private final String name;
    private final int port;
    private final Path data;

    private DebianPostgres(String name, int port, Path data) {
        this.name = name;
        this.port = port;
        this.data = data;
    }

    /** The newest server under /usr/lib/postgresql, or a failure saying how to install one. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("pg_basebackup")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException(
                            "the fault suite needs Debian's PostgreSQL server: apt-get install postgresql (.ci/run installs it)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new primary: an empty cluster, started, with WAL for a standby and synchronous commits to it when one is named. */
    static DebianPostgres primary(String name, int port, String synchronousStandby) {
        DebianPostgres server = new DebianPostgres(name, port, fresh(name));
        server.run("initdb", "-D", server.data.toString(), "-U", USER, "--auth=trust", "--no-sync", "-E", "UTF8");
        server.configure("""
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 200
                fsync = on
                synchronous_commit = on
                wal_level = replica
                max_wal_senders = 5
                wal_keep_size = '256MB'
                hot_standby = on
                synchronous_standby_names = '%s'
                """.formatted(port, server.data, synchronousStandby == null ? "" : synchronousStandby));
        try {
            Files.writeString(server.data.resolve("pg_hba.conf"), """
                    local all all trust
                    host all all 127.0.0.1/32 trust
                    host replication all 127.0.0.1/32 trust
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
        return server;
    }

    /** A streaming standby of {@code primary}, copied with pg_basebackup and started; it names itself {@code name} to the primary. */
    static DebianPostgres standbyOf(DebianPostgres primary, String name, int port) {
        Path data = fresh(name);
        DebianPostgres standby = new DebianPostgres(name, port, data);
        standby.run("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primary.port), "-U", USER,
                "-D", data.toString(), "-X", "stream", "-R", "--no-sync");
        standby.configure("""
                port = %d
                unix_socket_directories = '%s'
                primary_conninfo = 'host=127.0.0.1 port=%d user=%s application_name=%s'
                synchronous_standby_names = ''
                """.formatted(port, data, primary.port, USER, name));
        standby.start();
        primary.awaitSynchronous(name);
        return standby;
    }

    /** Waits until the standby {@code name} streams from this server as its synchronous standby. */
    private void awaitSynchronous(String standbyName) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = connect(); var ps = c.prepareStatement(
                    "select count(*) from pg_stat_replication where application_name = ? and sync_state = 'sync'")) {
                ps.setString(1, standbyName);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
            } catch (SQLException e) {
                // not yet
            }
            Faults.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the standby " + standbyName + " did not start streaming to " + name + " within a minute");
    }

    /** A new, empty folder in the system's temporary folder, which the postgres user can reach (unlike a home folder). */
    private static Path fresh(String name) {
        try {
            Path data = Files.createTempDirectory("leaphealth-faults-" + name + "-");
            // a root-owned folder is not the postgres user's to write in
            ownedByServerUser(data);
            Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, USER);
    }

    void start() {
        run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60", "start");
    }

    /** A clean stop that does not wait for sessions: they are cut off, as when an operator restarts the server. */
    void stopFast() {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** SIGKILL to the server and every process of it, as when its machine dies. */
    void kill() {
        Faults.killTree(postmasterPid());
        // its children notice the postmaster is gone within moments; none may keep the port
        Instant until = Instant.now().plusSeconds(30);
        while (ProcessHandle.allProcesses().anyMatch(this::ours) && Instant.now().isBefore(until)) {
            ProcessHandle.allProcesses().filter(this::ours).forEach(ProcessHandle::destroyForcibly);
            Faults.pause(Duration.ofMillis(100));
        }
    }

    /** Makes a standby the primary. */
    void promote() {
        run("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "promote");
    }

    private boolean ours(ProcessHandle p) {
        return p.info().commandLine().map(c -> c.contains("postgres") && c.contains(data.toString())).orElse(false);
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + data, e);
        }
    }

    private void configure(String settings) {
        try {
            Files.writeString(data.resolve("postgresql.auto.conf"), settings,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ownedByServerUser(data.resolve("postgresql.auto.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one of the server's programs (as the postgres user under root) and waits for it. */
    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(binaries().resolve(program).toString());
        command.addAll(Arrays.asList(arguments));
        Path log = FaultReport.directory().resolve("pg-" + name + "-commands.log");
        try {
            Process process = new ProcessBuilder(command).directory(data.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed (" + process.exitValue() + "); see " + log + ":\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ownedByServerUser(Path path) throws IOException {
        if (root()) {
            var lookup = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, lookup.lookupPrincipalByName(USER));
        }
    }

    /** Stops the server (killing it if it will not stop) and deletes its data. */
    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                stopFast();
            } catch (RuntimeException e) {
                kill();
            }
        }
        Faults.deleteRecursively(data);
    }
}
