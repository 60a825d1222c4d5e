package health.leap.portal.booking;

import health.leap.portal.platform.PlatformTest;
import health.leap.portal.platform.Browser;
import health.leap.portal.platform.EmbeddedDatabase;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.TestJvm;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged portals on one PostgreSQL, 50 patients holding the same slot through both at once, and
 * 20 holding overlapping times of one doctor: the database's constraints decide, so exactly one hold is
 * placed and everyone else hears SLOT_TAKEN.
 */
@PlatformTest(lane = 2)
class TwoInstancesIT {

    static final int PATIENTS = 50;
    static final int[] PORTS = {8091, 8092};

    static EmbeddedDatabase database;
    static final List<Process> portals = new ArrayList<>();
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void twoPortalsOnOneDatabase() throws Exception {
        database = EmbeddedDatabase.startThrowaway();
        // the first loads the demo data; the second starts on the same database after it
        portals.add(start(PORTS[0], true));
        awaitAnswer(PORTS[0]);
        portals.add(start(PORTS[1], false));
        awaitAnswer(PORTS[1]);
    }

    @AfterAll
    static void stop() {
        for (Process portal : portals) {
            portal.descendants().forEach(ProcessHandle::destroy);
            portal.destroy();
            try {
                portal.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            portal.destroyForcibly();
        }
        if (database != null) {
            database.close();
        }
    }

    static Process start(int port, boolean demoData) throws IOException {
        Path log = Files.createDirectories(Path.of("target")).resolve("two-instances-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(TestJvm.packagedPortal())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedDatabase.USER);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(port + 1000));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakServer.get().issuer());
        env.put("PORTAL_DEMO_DATA", String.valueOf(demoData));
        env.put("QUARKUS_PROFILE", "demo");
        return builder.start();
    }

    static void awaitAnswer(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assets/css/portal.css")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the portal on port " + port + " did not start; see target/two-instances-" + port + ".log");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER);
    }

    long freeSlotOfDrWhitcombe() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                select s.id from slot s
                where s.doctor_id = 204 and s.starts_at > now() + interval '3 days' and s.starts_at < now() + interval '20 days'
                  and not exists (select 1 from appointment a where a.slot_id = s.id)
                order by s.starts_at limit 1""");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the demo has free slots for Dr Whitcombe");
            return rs.getLong(1);
        }
    }

    int count(String sql, long slot) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Race patients of Harbour Health (leads from {@code firstLead}), each with a password-grant token. */
    List<String> racePatients(long firstLead, int count) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "insert into lead (id, tenant_id, name) values (?, 1, ?) on conflict (id) do nothing")) {
            for (int i = 0; i < count; i++) {
                long lead = firstLead + i;
                ps.setLong(1, lead);
                ps.setString(2, "Race patient " + lead);
                ps.executeUpdate();
                String user = KeycloakServer.get().ensurePatient("race" + lead, 1, lead);
                tokens.add(KeycloakServer.get().passwordToken(user, KeycloakServer.PATIENT_PASSWORD));
            }
        }
        return tokens;
    }

    /** How many holds were placed, how many heard SLOT_TAKEN, and any other answer. */
    record Race(int held, int taken, List<String> other) {
    }

    /** Every patient holds at once, alternately through each portal, the slot and service given for them. */
    Race race(List<String> tokens, IntFunction<String> slotAndService) throws Exception {
        // a script posts like a page would: the CSRF cookie and the same token in the form
        String csrf = Browser.newToken();
        List<CompletableFuture<HttpResponse<String>>> holds = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            HttpRequest hold = HttpRequest.newBuilder(URI.create("http://localhost:" + PORTS[i % 2] + "/appointments"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(i))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", Browser.CSRF_COOKIE + "=" + csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(slotAndService.apply(i) + "&csrf-token=" + csrf))
                    .build();
            holds.add(http.sendAsync(hold, HttpResponse.BodyHandlers.ofString()));
        }
        int held = 0;
        int taken = 0;
        List<String> other = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : holds) {
            HttpResponse<String> response = f.get(60, TimeUnit.SECONDS);
            if (response.statusCode() == 303) {
                held++;
            } else if (response.statusCode() == 409 && response.body().contains("data-error-code=\"SLOT_TAKEN\"")) {
                taken++;
            } else {
                other.add(response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
        }
        return new Race(held, taken, other);
    }

    @Test
    void fiftyPatientsThroughTwoPortalsGetOneHold() throws Exception {
        List<String> tokens = racePatients(9001, PATIENTS);
        long slot = freeSlotOfDrWhitcombe();

        Race race = race(tokens, i -> "slot=" + slot + "&service=101");
        assertEquals(List.of(), race.other(), "no 5xx and no other answer");
        assertEquals(1, race.held());
        assertEquals(PATIENTS - 1, race.taken());
        assertEquals(1, count("select count(*) from appointment where slot_id = ? and status = 'DRAFT'", slot));
    }

    /**
     * Two starts half an hour apart, each for a 45-minute physiotherapy session: whichever portal and
     * whichever time, the doctor ends with one booking of that hour (issue 29).
     */
    @Test
    void patientsRacingThroughTwoPortalsForOverlappingTimesOfDrOkaforGetOneBooking() throws Exception {
        List<String> tokens = racePatients(9101, 20);
        long first;
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                select s.id from slot s
                where s.doctor_id = 202 and s.centre_id = 1
                  and s.starts_at > now() + interval '3 days' and s.starts_at < now() + interval '20 days'
                  and (select count(*) from slot n where n.doctor_id = 202 and n.centre_id = 1
                         and n.starts_at in (s.starts_at + interval '30 minutes', s.starts_at + interval '60 minutes')) = 2
                  and not exists (select 1 from appointment a where a.doctor_id = 202
                                    and a.starts_at < s.starts_at + interval '90 minutes' and a.ends_at > s.starts_at)
                order by s.starts_at limit 1""");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the demo has an hour and a half free for Dr Okafor");
            first = rs.getLong(1);
        }
        long second;
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                select n.id from slot s join slot n on n.doctor_id = s.doctor_id and n.starts_at = s.starts_at + interval '30 minutes'
                where s.id = ?""")) {
            ps.setLong(1, first);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                second = rs.getLong(1);
            }
        }

        Race race = race(tokens, i -> "slot=" + (i % 4 < 2 ? first : second) + "&service=102");
        assertEquals(List.of(), race.other(), "no 5xx and no other answer");
        assertEquals(1, race.held());
        assertEquals(tokens.size() - 1, race.taken());
        assertEquals(1, count("""
                select count(*) from appointment a join slot s on s.id = ?
                where a.doctor_id = 202 and a.status = 'DRAFT' and a.starts_at < s.starts_at + interval '75 minutes'
                  and a.ends_at > s.starts_at""", first));
    }

    @Test
    void onePatientsWriteBudgetIsSharedByBothPortals() throws Exception {
        String token = KeycloakServer.get().passwordToken("isla", "demo");
        String csrf = Browser.newToken();
        List<Integer> statuses = new ArrayList<>();
        long spent = 0;
        // the SPEC's 20 writes a minute, spent alternately on each portal, then one more on each
        for (int i = 0; i < 22; i++) {
            if (i == 20) {
                spent = writeBudgetOfIsla();
            }
            HttpRequest cancel = HttpRequest.newBuilder(URI.create("http://localhost:" + PORTS[i % 2] + "/appointments/999999/cancel"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", Browser.CSRF_COOKIE + "=" + csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + csrf))
                    .build();
            HttpResponse<String> response = http.send(cancel, HttpResponse.BodyHandlers.ofString());
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), "a 429 says when to retry");
            }
        }
        List<Integer> expected = new ArrayList<>(Collections.nCopies(20, 404));
        expected.addAll(List.of(429, 429));
        assertEquals(expected, statuses);
        assertEquals(spent, writeBudgetOfIsla(), "a refused write spends nothing");
    }

    long writeBudgetOfIsla() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select tat_ms from rate_limit where id = 'writes:isla'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "both portals spend from one row");
            return rs.getLong(1);
        }
    }
}
