package health.leap.portal.faults;

import health.leap.portal.platform.PlatformTest;
import health.leap.portal.platform.KeycloakServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command's own database (the embedded PostgreSQL the portal starts when none is configured)
 * is durable: it runs with fsync and synchronous commits, and a booking confirmed the moment before
 * the database process is killed with SIGKILL (and the portal with it, as in a power cut) is there
 * when the portal starts again on the same data.
 */
@PlatformTest(lane = 1)
class EmbeddedDurabilityFaultIT {

    static final int PORTAL_PORT = 8102;
    static final long FIRST_LEAD = 99001;

    @Test
    void aBookingConfirmedJustBeforeTheDatabaseIsKilledIsThereAfterARestart() throws Exception {
        Path data = FaultReport.directory().resolve("embedded-data").toAbsolutePath();
        Faults.deleteRecursively(data);
        Files.createDirectories(data);
        FaultReport report = new FaultReport("embedded database killed with SIGKILL");
        Map<String, String> settings = Map.of("PORTAL_DATA_DIR", data.toString());
        try (PackagedPortal portal = PackagedPortal.on("fault-embedded", PORTAL_PORT, settings).start()) {
            Map<String, String> durability = new java.util.LinkedHashMap<>();
            List<Long> confirmed = new ArrayList<>();
            try (Connection db = connect(data)) {
                for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                    durability.put(setting, show(db, setting));
                }
                BookingPatient patient = Clinic.patients(db, "durable", FIRST_LEAD, 1, BookingPatient.client()).get(0);
                List<Long> slots = Clinic.freeConsultations(db, 10);
                for (long slot : slots.subList(0, 3)) {
                    BookingPatient.Answer held = patient.hold(portal.baseUrl(), slot, Clinic.CONSULTATION);
                    long id = held.appointment().orElseThrow(() -> new AssertionError("held: " + held.status() + held.body()));
                    if (patient.confirm(portal.baseUrl(), id).status() == 303) {
                        confirmed.add(id);
                    }
                    if (confirmed.size() < 3) {
                        patient.cancel(portal.baseUrl(), id);
                    }
                }
            }
            // the moment the last confirmation is answered: the database, then the portal, die as in a power cut
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
            Faults.killTree(postmaster);
            portal.kill();

            portal.start();
            long last = confirmed.get(confirmed.size() - 1);
            String status;
            try (Connection db = connect(data); Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("select status from appointment where id = " + last)) {
                status = rs.next() ? rs.getString(1) : "missing";
            }
            BookingPatient again = new BookingPatient("durable", KeycloakServer.get()
                    .passwordToken("durable" + FIRST_LEAD, KeycloakServer.PATIENT_PASSWORD), BookingPatient.client());
            BookingPatient.Answer page = again.get(portal.baseUrl(), "/appointments/" + last, false);
            report.put("settings", durability).put("bookings confirmed before the kill", confirmed.size())
                    .put("the last one after the restart", status);
            boolean passed = false;
            try {
                assertAll(
                        () -> assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), durability),
                        () -> assertEquals(3, confirmed.size(), "bookings confirmed"),
                        () -> assertEquals("CONFIRMED", status, "the booking confirmed just before the kill"),
                        () -> assertEquals(200, page.status()),
                        () -> assertTrue(page.body().contains("Confirmed"), "the patient sees it confirmed"));
                passed = true;
            } finally {
                report.write(passed);
            }
        } finally {
            stopServerOn(data);
            Faults.deleteRecursively(data);
        }
    }

    /** The embedded server of the run command: its port is in its pid file. */
    static Connection connect(Path data) throws IOException, SQLException {
        String port = Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).trim();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    static String show(Connection db, String setting) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The portal stops its embedded server when it stops cleanly; should it not have, the server on this data is stopped here. */
    static void stopServerOn(Path data) {
        String ours = data.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(ours)).orElse(false))
                .forEach(ProcessHandle::destroy);
        Faults.pause(Duration.ofSeconds(1));
    }
}
