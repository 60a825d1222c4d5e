package health.leap.portal.faults;

import health.leap.portal.platform.PlatformTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops for ten seconds while patients book. Every page and htmx fragment asked meanwhile
 * answers 503 with a sentence and Retry-After (never a 500, never a stack trace), nothing is
 * half-written, no confirmed booking is lost, and the portal books again on its own within seconds of
 * the database returning.
 */
@PlatformTest(lane = 2)
class DatabaseOutageFaultIT {

    /** Below the ephemeral range, so that no outgoing connection holds it when the database starts again. */
    static final int DATABASE_PORT = 25440;
    static final int PORTAL_PORT = 8095;
    static final Duration OUTAGE = Duration.ofSeconds(10);
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
    static final long FIRST_LEAD = 96001;

    @Test
    void theDatabaseStopsForTenSecondsUnderLoad() throws Exception {
        int patientCount = Faults.scale(8, 24);
        FaultReport report = new FaultReport("PostgreSQL stopped for 10 s under load");
        try (DebianPostgres database = DebianPostgres.primary("outage", DATABASE_PORT, null)) {
            Map<String, String> settings = new HashMap<>(PackagedPortal.database(database.jdbcUrl(), DebianPostgres.USER));
            settings.put("PORTAL_DEMO_DATA", "true");
            try (PackagedPortal portal = PackagedPortal.on("fault-database-outage", PORTAL_PORT, settings).start();
                 Connection db = database.connect()) {
                List<BookingPatient> patients = Clinic.patients(db, "outage", FIRST_LEAD, patientCount, BookingPatient.client());
                List<Long> slots = Clinic.freeConsultations(db, 2000);
                db.close();
                BookingPatient looker = patients.get(0);
                String slotsFragment = "/doctors/201/slots?date=" + LocalDate.now().plusDays(7);

                Instant stopped;
                Instant back;
                BookingPatient.Answer pageDuringOutage;
                BookingPatient.Answer fragmentDuringOutage;
                BookingLoad load = new BookingLoad(patients, portal::baseUrl, slots);
                try (load) {
                    Faults.pause(Faults.load(Duration.ofSeconds(4), Duration.ofSeconds(30)));
                    stopped = Instant.now();
                    database.stopFast();
                    Faults.pause(Duration.ofSeconds(1));
                    pageDuringOutage = looker.get(portal.baseUrl(), "/appointments", false);
                    fragmentDuringOutage = looker.get(portal.baseUrl(), slotsFragment, true);
                    Faults.pause(OUTAGE.minus(Duration.between(stopped, Instant.now())));
                    database.start();
                    back = Instant.now();
                    Faults.pause(Faults.load(Duration.ofSeconds(8), Duration.ofSeconds(30)));
                }

                List<BookingLoad.Seen> during = load.seenBetween(stopped, back);
                List<BookingLoad.Seen> unavailable = during.stream().filter(s -> s.answer().status() == 503).toList();
                List<BookingLoad.Seen> impolite = load.seen().stream().filter(s -> s.answer().failed() && !s.answer().politeUnavailable())
                        .toList();
                Instant recovered = load.firstSuccessAfter(back).map(BookingLoad.Seen::at).orElse(null);
                try (Connection after = database.connect()) {
                    List<Long> lost = Clinic.missingConfirmed(after, load.confirmed());
                    long halfWritten = Clinic.halfWritten(after, FIRST_LEAD, FIRST_LEAD + patientCount);
                    long twice = Clinic.slotsBookedTwice(after);
                    report.put("patients", patientCount).put("requests", load.seen().size())
                            .put("requests during the outage", during.size()).put("answered 503", unavailable.size())
                            .put("500s or cut connections", impolite.size())
                            .put("seconds to the first booking step after the database returned",
                                    recovered == null ? "never" : Duration.between(back, recovered).toMillis() / 1000.0)
                            .put("bookings confirmed", load.confirmed().size()).put("confirmed bookings lost", lost.size())
                            .put("half-written bookings", halfWritten).put("slots booked twice", twice);
                    boolean passed = false;
                    try {
                        assertAll(
                                () -> assertEquals(503, pageDuringOutage.status(), pageDuringOutage.body()),
                                () -> assertTrue(pageDuringOutage.politeUnavailable(), pageDuringOutage.body()),
                                () -> assertEquals("DATABASE_UNAVAILABLE", pageDuringOutage.errorCode()),
                                () -> assertTrue(pageDuringOutage.body().contains("<html"), "a whole page"),
                                () -> assertEquals(503, fragmentDuringOutage.status(), fragmentDuringOutage.body()),
                                () -> assertTrue(fragmentDuringOutage.politeUnavailable(), fragmentDuringOutage.body()),
                                () -> assertFalse(fragmentDuringOutage.body().contains("<html"), "htmx gets the message in place"),
                                () -> assertFalse(unavailable.isEmpty(), "the patients met the outage"),
                                () -> assertEquals(List.of(), impolite.stream().map(s -> s.step() + " " + s.answer().status() + " "
                                        + s.answer().failure()).distinct().toList(), "every failure a polite 503"),
                                () -> assertTrue(recovered != null && Duration.between(back, recovered).compareTo(RECOVERY_LIMIT) <= 0,
                                        "booking again within " + RECOVERY_LIMIT + " of the database's return: " + recovered),
                                () -> assertTrue(portal.ready(), "ready again"),
                                () -> assertFalse(load.confirmed().isEmpty(), "bookings were confirmed"),
                                () -> assertEquals(List.of(), lost, "confirmed bookings lost"),
                                () -> assertEquals(0, halfWritten, "half-written bookings"),
                                () -> assertEquals(0, twice, "slots booked twice"));
                        passed = true;
                    } finally {
                        report.write(passed);
                    }
                }
            }
        }
    }
}
