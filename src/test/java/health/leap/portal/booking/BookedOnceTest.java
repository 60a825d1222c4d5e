package health.leap.portal.booking;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A doctor's time is booked once (issue 29): a booking takes its service's length from its start, the
 * pickers offer a start only where the whole service fits, and the database refuses two active
 * bookings of one doctor that overlap, whatever the code above it does.
 * <p>
 * Harbour Health (tenant 1), London Bridge (GMT in March): Dr Tom Okafor (202) gives Physiotherapy
 * (102, 45 minutes) and Dr James Whitcombe (204) the General consultation (101, 20 minutes) and the
 * Cardiology assessment (104, 40 minutes), on 30-minute slots from 09:00 to 12:30 and 14:00 to 17:00.
 * The days used here (24, 13, 26 and 27 March) and the patients (88xx) are this class's own.
 */
@QuarkusTest
class BookedOnceTest {

    @Inject
    Sql sql;
    @Inject
    Fixtures fixtures;
    @Inject
    HoldService holds;
    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        for (long lead = 8801; lead <= 8831; lead++) {
            fixtures.freshPatient(1, lead);
        }
    }

    private long hold(long lead, long doctor, long service, String utcStart) {
        return fixtures.hold(1, lead, doctor, service, utcStart);
    }

    private static String slotsOn(String query) {
        return given().header("HX-Request", "true").when().get(query).then().statusCode(200).extract().asString();
    }

    private boolean offers(String page, long slotId) {
        return page.contains("value=\"" + slotId + "\"");
    }

    /** The count a doctor's page shows under a day of the picker ("6 free"), 0 for "none free". */
    private static int dayCount(String page, String date) {
        Matcher m = Pattern.compile("date=" + date + "\"[^>]*>\\s*<span class=\"weekday\">[^<]*</span> <span class=\"date\">[^<]*</span>\\s*"
                + "<span class=\"count\">(\\d+) free</span>").matcher(page);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    @TestSecurity(user = "p8802", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "8802")})
    void aPhysiotherapyHoldTakesTheNextStartTimeFromEveryPickerOfThatDoctor() {
        String picker = "/doctors/202/slots?centre=1&service=102&date=2026-03-24";
        String profile = "/doctors/202?centre=1&service=102&date=2026-03-24";
        int before = dayCount(given().when().get(profile).then().statusCode(200).extract().asString(), "2026-03-24");
        long nine = fixtures.slot(202, "2026-03-24T09:00:00Z");
        long nineThirty = fixtures.slot(202, "2026-03-24T09:30:00Z");
        long ten = fixtures.slot(202, "2026-03-24T10:00:00Z");
        assertTrue(offers(slotsOn(picker), nineThirty), "09:30 is free before anyone holds 09:00");

        long held = hold(8801, 202, 102, "2026-03-24T09:00:00Z");
        assertEquals(Instant.parse("2026-03-24T09:45:00Z"),
                sql.one("select ends_at from appointment where id = ?", rs -> Sql.instant(rs, "ends_at"), held).orElseThrow(),
                "the hold takes the service's 45 minutes");

        String after = slotsOn(picker);
        assertTrue(!offers(after, nine) && !offers(after, nineThirty), "09:00 and 09:30 are taken by the 45-minute hold");
        assertTrue(offers(after, ten), "10:00 is free: the session ends at 09:45");
        // the full page of the same picker, and its day label, agree
        String page = given().when().get(profile).then().statusCode(200).extract().asString();
        assertTrue(!offers(page, nineThirty) && offers(page, ten));
        assertEquals(before - 2, dayCount(page, "2026-03-24"), "the day's count drops by the two start times the session covers");

        // holding 09:30 anyway (a page left open) loses: the doctor is busy until 09:45
        given().formParam("slot", nineThirty).formParam("service", 102).when().post("/appointments")
                .then().statusCode(409).body(containsString("data-error-code=\"SLOT_TAKEN\""),
                        containsString("value=\"" + ten + "\""), not(containsString("value=\"" + nineThirty + "\"")));
        assertEquals(1, sql.one("""
                select count(*) from appointment where doctor_id = 202 and starts_at >= '2026-03-24T09:00:00Z'
                  and starts_at < '2026-03-24T10:00:00Z' and status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')""",
                rs -> rs.getInt(1)).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p8804", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "8804")})
    void aShortHoldTakesAwayTheLongerServiceThatWouldStartBeforeIt() {
        long nine = fixtures.slot(204, "2026-03-13T09:00:00Z");
        long nineThirty = fixtures.slot(204, "2026-03-13T09:30:00Z");
        long ten = fixtures.slot(204, "2026-03-13T10:00:00Z");
        String cardiology = "/doctors/204/slots?centre=1&service=104&date=2026-03-13";
        String consultation = "/doctors/204/slots?centre=1&service=101&date=2026-03-13";
        assertTrue(offers(slotsOn(cardiology), nine));

        hold(8803, 204, 101, "2026-03-13T09:30:00Z");

        String forty = slotsOn(cardiology);
        assertTrue(!offers(forty, nine), "a 40-minute assessment at 09:00 would run into the consultation at 09:30");
        assertTrue(!offers(forty, nineThirty) && offers(forty, ten));
        String twenty = slotsOn(consultation);
        assertTrue(offers(twenty, nine), "a 20-minute consultation at 09:00 ends before 09:30");
        assertTrue(!offers(twenty, nineThirty));
        Problem lost = assertThrows(Problem.class, () -> holds.hold(1, 8804, nine, 104, false));
        assertEquals(ErrorCode.SLOT_TAKEN, lost.code());
    }

    @Test
    @TestSecurity(user = "p8805", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "8805")})
    void aServiceIsNotOfferedWhereItWouldRunPastTheEndOfTheDoctorsSchedule() {
        String picker = slotsOn("/doctors/202/slots?centre=1&service=102&date=2026-03-27");
        long elevenThirty = fixtures.slot(202, "2026-03-27T11:30:00Z");
        long noon = fixtures.slot(202, "2026-03-27T12:00:00Z");
        long fourThirty = fixtures.slot(202, "2026-03-27T16:30:00Z");
        assertTrue(offers(picker, elevenThirty), "11:30 to 12:15 fits before the morning ends at 12:30");
        assertTrue(!offers(picker, noon), "12:00 to 12:45 runs past 12:30");
        assertTrue(!offers(picker, fourThirty), "16:30 to 17:15 runs past 17:00");

        given().formParam("slot", noon).formParam("service", 102).when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"SERVICE_DOES_NOT_FIT\""),
                        containsString("Physiotherapy session takes 45 minutes"), containsString("value=\"" + elevenThirty + "\""));
        given().header("HX-Request", "true").formParam("slot", noon).formParam("service", 102).when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"SERVICE_DOES_NOT_FIT\""), not(containsString("<html")));
        assertEquals(0, sql.one("select count(*) from appointment where lead_id = 8805 and status = 'DRAFT'",
                rs -> rs.getInt(1)).orElseThrow());
    }

    @Test
    void patientsRacingForOverlappingTimesOfDifferentLengthsEndWithOneBooking() throws Exception {
        long fourteen = fixtures.slot(202, "2026-03-24T14:00:00Z");
        long fourteenThirty = fixtures.slot(202, "2026-03-24T14:30:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (long lead = 8811; lead <= 8830; lead++) {
                long patient = lead;
                long slot = lead % 2 == 0 ? fourteen : fourteenThirty;
                racers.add(() -> {
                    try {
                        holds.hold(1, patient, slot, 102, false);
                        return true;
                    } catch (Problem lost) {
                        assertEquals(ErrorCode.SLOT_TAKEN, lost.code());
                        return false;
                    }
                });
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, sql.one("""
                select count(*) from appointment where doctor_id = 202 and starts_at in ('2026-03-24T14:00:00Z', '2026-03-24T14:30:00Z')
                  and status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')""", rs -> rs.getInt(1)).orElseThrow());
    }

    @Test
    void theDatabaseRefusesTwoActiveBookingsOfOneDoctorThatOverlap() {
        long held = hold(8806, 202, 102, "2026-03-24T15:00:00Z");
        long nextSlot = fixtures.slot(202, "2026-03-24T15:30:00Z");
        // written past every check of the portal: only the constraint stands in the way
        Sql.DataAccessException refused = assertThrows(Sql.DataAccessException.class, () -> sql.update("""
                insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                         status, amount_due, currency, created_at, updated_at)
                values (1, 8807, ?, 202, 1, 102, '2026-03-24T15:30:00Z', '2026-03-24T16:15:00Z', 'CONFIRMED', 0, 'GBP', now(), now())""",
                nextSlot));
        assertEquals("23P01", refused.sqlState(), "an exclusion violation");
        // once the first booking is no longer active, the same time can be booked
        sql.update("update appointment set status = 'CANCELLED' where id = ?", held);
        long second = hold(8807, 202, 102, "2026-03-24T15:30:00Z");
        assertEquals("DRAFT", fixtures.status(second));
    }

    @Test
    void aPassedHoldThatOverlapsIsExpiredByTheNextHoldEvenBeforeTheSweep() {
        long held = hold(8808, 202, 102, "2026-03-24T11:00:00Z");
        clock.advance(Duration.ofMinutes(11));
        long next = hold(8809, 202, 102, "2026-03-24T11:30:00Z");
        clock.reset();
        assertEquals("EXPIRED", fixtures.status(held));
        assertEquals("DRAFT", fixtures.status(next));
    }

    @Test
    @TestSecurity(user = "p8810", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "8810")})
    void aVisitMovesIntoItsOwnTimeButNotIntoAnotherPatientsAndShowsItsTrueEnd() {
        long booked = hold(8810, 202, 102, "2026-03-26T10:00:00Z");
        sql.update("update appointment set status = 'CONFIRMED' where id = ?", booked);
        hold(8831, 202, 102, "2026-03-26T11:30:00Z");
        long tenThirty = fixtures.slot(202, "2026-03-26T10:30:00Z");
        long eleven = fixtures.slot(202, "2026-03-26T11:00:00Z");

        given().when().get("/appointments/" + booked).then().statusCode(200)
                .body(containsString("10:45 (45 minutes)"));
        String move = given().when().get("/appointments/" + booked + "/reschedule?doctor=202&centre=1&date=2026-03-26")
                .then().statusCode(200).extract().asString();
        assertTrue(offers(move, tenThirty), "the visit's own time does not stand in its way");
        assertTrue(!offers(move, eleven), "11:00 to 11:45 would run into another patient's 11:30");

        given().formParam("slot", eleven).when().post("/appointments/" + booked + "/reschedule")
                .then().statusCode(409).body(containsString("data-error-code=\"SLOT_TAKEN\""));
        assertEquals("CONFIRMED", fixtures.status(booked));
        given().formParam("slot", tenThirty).when().post("/appointments/" + booked + "/reschedule").then().statusCode(303);
        assertEquals("RESCHEDULED", fixtures.status(booked));
        long moved = sql.one("select id from appointment where rescheduled_from_id = ?", rs -> rs.getLong(1), booked).orElseThrow();
        assertEquals(Instant.parse("2026-03-26T11:15:00Z"),
                sql.one("select ends_at from appointment where id = ?", rs -> Sql.instant(rs, "ends_at"), moved).orElseThrow());
        given().when().get("/appointments/" + moved).then().statusCode(200).body(containsString("11:15 (45 minutes)"));
        given().when().get("/appointments").then().statusCode(200)
                .body(containsString("Thu 26 Mar 2026, 10:30 GMT (Europe/London)</time></a>\n      until 11:15 ·"));
        given().when().get("/appointments/" + moved + "/calendar.ics").then().statusCode(200)
                .body(containsString("DTEND;TZID=Europe/London:20260326T111500"));
    }
}
