package health.leap.portal.faults;

import health.leap.portal.platform.PlatformTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A primary and a streaming standby with synchronous replication (Debian's PostgreSQL), the portal on a
 * multi-host JDBC URL that looks for the primary. The primary is killed with SIGKILL under booking load
 * and the standby promoted, as a managed database's failover does: no booking the portal answered as
 * confirmed is missing, no slot has two active bookings, and the same portal process books again.
 */
@PlatformTest(lane = 2)
class FailoverFaultIT {

    /*
     * Below the kernel's ephemeral range (32768-60999 here), where an outgoing connection of any other
     * test can hold the port for a moment: a standby on 55442 once found it taken and would not start.
     */
    static final int PRIMARY_PORT = 25441;
    static final int STANDBY_PORT = 25442;
    static final int PORTAL_PORT = 8097;
    static final String STANDBY = "standby1";
    /** How long the failover itself takes here: the time a managed service needs to notice and promote. */
    static final Duration NOTICE = Duration.ofSeconds(2);
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(15);
    static final long FIRST_LEAD = 97001;

    /** The setting src/docs/faults.md gives for a managed database with a standby. */
    static String multiHostUrl() {
        return "jdbc:postgresql://127.0.0.1:" + PRIMARY_PORT + ",127.0.0.1:" + STANDBY_PORT
                + "/postgres?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=3";
    }

    @Test
    void thePrimaryIsKilledAndTheStandbyPromotedUnderLoad() throws Exception {
        int patientCount = Faults.scale(8, 24);
        FaultReport report = new FaultReport("failover: primary killed, standby promoted");
        try (DebianPostgres primary = DebianPostgres.primary("primary", PRIMARY_PORT, STANDBY);
             DebianPostgres standby = DebianPostgres.standbyOf(primary, STANDBY, STANDBY_PORT)) {
            try (Connection db = primary.connect()) {
                assertEquals(1, Clinic.count(db, "select count(*) from pg_stat_replication where application_name = '"
                        + STANDBY + "' and sync_state = 'sync'"), "the standby replicates synchronously");
            }
            Map<String, String> settings = new HashMap<>(PackagedPortal.database(multiHostUrl(), DebianPostgres.USER));
            settings.put("PORTAL_DEMO_DATA", "true");
            try (PackagedPortal portal = PackagedPortal.on("fault-failover", PORTAL_PORT, settings).start()) {
                List<BookingPatient> patients;
                List<Long> slots;
                try (Connection db = primary.connect()) {
                    patients = Clinic.patients(db, "failover", FIRST_LEAD, patientCount, BookingPatient.client());
                    slots = Clinic.freeConsultations(db, 2000);
                }
                Instant killed;
                Instant promoted;
                int confirmedBeforeTheKill;
                BookingLoad load = new BookingLoad(patients, portal::baseUrl, slots);
                try (load) {
                    Faults.pause(Faults.load(Duration.ofSeconds(5), Duration.ofSeconds(30)));
                    confirmedBeforeTheKill = load.confirmed().size();
                    killed = Instant.now();
                    primary.kill();
                    Faults.pause(NOTICE);
                    standby.promote();
                    promoted = Instant.now();
                    Faults.pause(Faults.load(Duration.ofSeconds(10), Duration.ofSeconds(30)));
                }
                List<BookingLoad.Seen> during = load.seenBetween(killed, promoted);
                List<BookingLoad.Seen> impolite = load.seen().stream()
                        .filter(s -> s.answer().failed() && !s.answer().politeUnavailable()).toList();
                Instant recovered = load.firstSuccessAfter(promoted).map(BookingLoad.Seen::at).orElse(null);
                long confirmedAfter = load.confirmed().size() - confirmedBeforeTheKill;
                try (Connection after = standby.connect()) {
                    List<Long> lost = Clinic.missingConfirmed(after, load.confirmed());
                    long twice = Clinic.slotsBookedTwice(after);
                    long halfWritten = Clinic.halfWritten(after, FIRST_LEAD, FIRST_LEAD + patientCount);
                    report.put("patients", patientCount).put("requests", load.seen().size())
                            .put("requests between the kill and the promotion", during.size())
                            .put("failed requests (all 503)", load.seen().stream().filter(s -> s.answer().failed()).count())
                            .put("500s or cut connections", impolite.size())
                            .put("seconds from promotion to the first booking step",
                                    recovered == null ? "never" : Duration.between(promoted, recovered).toMillis() / 1000.0)
                            .put("bookings confirmed", load.confirmed().size())
                            .put("confirmed after the failover", confirmedAfter)
                            .put("confirmed bookings lost", lost.size()).put("slots booked twice", twice)
                            .put("half-written bookings", halfWritten);
                    boolean passed = false;
                    try {
                        assertAll(
                                () -> assertTrue(confirmedBeforeTheKill > 0, "bookings confirmed before the kill"),
                                () -> assertEquals(List.of(), lost, "confirmed bookings missing after the failover"),
                                () -> assertEquals(0, twice, "slots with two active bookings"),
                                () -> assertEquals(0, halfWritten, "half-written bookings"),
                                () -> assertTrue(recovered != null && Duration.between(promoted, recovered).compareTo(RECOVERY_LIMIT) <= 0,
                                        "booking again within " + RECOVERY_LIMIT + " of the promotion: " + recovered),
                                () -> assertTrue(confirmedAfter > 0, "bookings confirmed on the promoted standby"),
                                () -> assertEquals(List.of(), impolite.stream().map(s -> s.step() + " " + s.answer().status() + " "
                                        + s.answer().failure()).distinct().toList(), "every failure a polite 503"),
                                () -> assertTrue(portal.alive() && portal.ready(), "the same portal process, ready"));
                        passed = true;
                    } finally {
                        report.write(passed);
                    }
                }
            }
        }
    }
}
