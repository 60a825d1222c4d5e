package health.leap.portal.booking;

import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
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

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hold and confirm on the demo clinic "Harbour Health" (tenant 1) at the test clock, Monday 2 March
 * 2026 08:00 GMT. Each test books its own patients (leads 60xx) and its own slots, so tests do not meet.
 */
@QuarkusTest
class HoldAndConfirmTest {

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    HoldService holds;
    @Inject
    HoldExpiry expiry;

    @BeforeEach
    void setUp() {
        clock.reset();
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        for (int lead = 6001; lead <= 6070; lead++) {
            sql.update("insert into lead (id, tenant_id, name) values (?, 1, ?) on conflict (id) do nothing", (long) lead,
                    "Test patient " + lead);
        }
    }

    /** Doctor 204 (Cardiology, also General consultation 101 with payment NONE) at London Bridge. */
    long slot(String utcStart) {
        return slotOf(204, utcStart);
    }

    long slotOf(long doctor, String utcStart) {
        return sql.one("select id from slot where doctor_id = ? and starts_at = ?", rs -> rs.getLong(1), doctor,
                Instant.parse(utcStart)).orElseThrow(() -> new AssertionError("no slot of " + doctor + " at " + utcStart));
    }

    String statusOf(long appointmentId) {
        return sql.one("select status from appointment where id = ?", rs -> rs.getString(1), appointmentId).orElseThrow();
    }

    long idFrom(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    @TestSecurity(user = "p6001", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6001")})
    void holdShowsCheckoutWithCountdownThenConfirmWithoutJavaScript() {
        long slot = slot("2026-03-04T10:00:00Z");
        String location = given().formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments")
                .then().statusCode(303).header("Location", matchesPattern(".*/appointments/\\d+")).extract().header("Location");
        long id = idFrom(location);
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("Your held time"), containsString("Wed 4 Mar 2026, 10:00 GMT"),
                        containsString("10:00</strong> left"), containsString("Confirm booking"));
        // the held slot is gone for everyone else at once
        given().when().get("/doctors/204/slots?centre=1&service=101&date=2026-03-04")
                .then().statusCode(200).body(not(containsString("value=\"" + slot + "\"")));

        given().when().post("/appointments/" + id + "/confirm").then().statusCode(303);
        assertEquals("CONFIRMED", statusOf(id));
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("Your appointment is confirmed."), not(containsString("Confirm booking")));
    }

    @Test
    @TestSecurity(user = "p6002", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6002")})
    void htmxHoldAnswersWithTheCheckoutFragmentAndConfirmTwiceConfirmsOnce() {
        long slot = slot("2026-03-04T10:30:00Z");
        String body = given().header("HX-Request", "true").formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments")
                .then().statusCode(201).header("HX-Push-Url", matchesPattern("/appointments/\\d+"))
                .body(not(containsString("<html")), containsString("data-expires-at")).extract().asString();
        long id = sql.one("select id from appointment where slot_id = ? and status = 'DRAFT'", rs -> rs.getLong(1), slot).orElseThrow();
        given().header("HX-Request", "true").when().post("/appointments/" + id + "/confirm").then().statusCode(200)
                .body(containsString("Your appointment is confirmed."));
        given().header("HX-Request", "true").when().post("/appointments/" + id + "/confirm").then().statusCode(200)
                .body(containsString("Your appointment is confirmed."));
        assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and to_status = 'CONFIRMED'",
                rs -> rs.getInt(1), id).orElseThrow());
        assertEquals(true, body.contains("Confirm booking"));
    }

    @Test
    void fiftyPatientsHoldingOneSlotAtOnceLeaveExactlyOneDraft() throws Exception {
        long slot = slot("2026-03-05T10:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<String>> attempts = new ArrayList<>();
        for (long lead = 6011; lead <= 6060; lead++) {
            long patient = lead;
            attempts.add(() -> {
                try {
                    holds.hold(1, patient, slot, 101, false);
                    return "HELD";
                } catch (Problem p) {
                    return p.code().name();
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(attempts)) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter("HELD"::equals).count(), outcomes.toString());
        assertEquals(49, outcomes.stream().filter(ErrorCode.SLOT_TAKEN.name()::equals).count(), outcomes.toString());
        assertEquals(1, sql.one("select count(*) from appointment where slot_id = ? and status = 'DRAFT'",
                rs -> rs.getInt(1), slot).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p6003", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6003")})
    void aLostRaceAnswersSlotTakenWithFreshSlots() {
        long slot = slot("2026-03-05T11:00:00Z");
        holds.hold(1, 6004, slot, 101, false);
        given().formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments")
                .then().statusCode(409)
                .body(containsString("data-error-code=\"SLOT_TAKEN\""), containsString("Free times on Thursday 5 March 2026"),
                        containsString(">11:30<"), not(containsString("value=\"" + slot + "\"")));
    }

    @Test
    @TestSecurity(user = "p6065", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6065")})
    void holdingYourOwnHeldTimeAgainOffersTheChoiceNotSlotTaken() {
        long slot = slot("2026-03-11T11:30:00Z");
        long mine = holds.hold(1, 6065, slot, 101, false);
        given().formParam("slot", slot).formParam("service", 101).when().post("/appointments")
                .then().statusCode(409).body(containsString("data-error-code=\"DRAFT_OPEN\""),
                        containsString("/appointments/" + mine));
        // once the hold has passed, the time is nobody's: holding it again is a new hold
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        given().formParam("slot", slot).formParam("service", 101).when().post("/appointments")
                .then().statusCode(303);
        assertEquals("EXPIRED", statusOf(mine));
    }

    @Test
    @TestSecurity(user = "p6005", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6005")})
    void anExpiredHoldFreesTheSlotAtOnceAndCannotBeConfirmed() {
        long slot = slot("2026-03-06T10:00:00Z");
        long id = holds.hold(1, 6005, slot, 101, false);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        // free again before any sweep ran
        given().when().get("/doctors/204/slots?centre=1&service=101&date=2026-03-06")
                .then().statusCode(200).body(containsString("value=\"" + slot + "\""));
        given().when().post("/appointments/" + id + "/confirm")
                .then().statusCode(409).body(containsString("data-error-code=\"HOLD_EXPIRED\""));
        assertEquals("DRAFT", statusOf(id));
        // another patient can hold it although the sweep has not run
        holds.hold(1, 6006, slot, 101, false);
        assertEquals("EXPIRED", statusOf(id));
        assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and actor_type = 'SYSTEM'"
                + " and to_status = 'EXPIRED'", rs -> rs.getInt(1), id).orElseThrow());
    }

    @Test
    void theSweepExpiresPassedHoldsOnce() {
        long id = holds.hold(1, 6007, slot("2026-03-06T11:00:00Z"), 101, false);
        clock.advance(Duration.ofMinutes(9));
        expiry.expireBatch(100);
        assertEquals("DRAFT", statusOf(id));
        clock.advance(Duration.ofMinutes(2));
        expiry.expireBatch(100);
        expiry.expireBatch(100);
        assertEquals("EXPIRED", statusOf(id));
        assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and to_status = 'EXPIRED'",
                rs -> rs.getInt(1), id).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p6008", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6008")})
    void aSecondHoldOffersAChoiceAndReleasingSwitches() {
        long first = holds.hold(1, 6008, slot("2026-03-09T10:00:00Z"), 101, false);
        long second = slot("2026-03-09T10:30:00Z");
        given().formParam("slot", second).formParam("service", 101).when().post("/appointments")
                .then().statusCode(409).body(containsString("data-error-code=\"DRAFT_OPEN\""),
                        containsString("/appointments/" + first), containsString("Release it and hold this time instead"));
        given().formParam("slot", second).formParam("service", 101).formParam("release", "true")
                .when().post("/appointments").then().statusCode(303);
        assertEquals("CANCELLED", statusOf(first));
    }

    @Test
    @TestSecurity(user = "p6009", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6009")})
    void restrictionsRefuseWithTheirCodes() {
        // 09:30 GMT today is within two hours of 08:00
        given().formParam("slot", slot("2026-03-02T09:30:00Z")).formParam("service", 101).when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"TOO_SOON\""));
        // 90 days ahead is past the 30-day horizon
        clock.set(Instant.parse("2026-01-20T08:00:00Z"));
        given().formParam("slot", slot("2026-03-10T10:00:00Z")).formParam("service", 101).when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"TOO_FAR_AHEAD\""));
        clock.set(Instant.parse("2026-03-02T12:00:00Z"));
        given().formParam("slot", slot("2026-03-02T15:00:00Z")).formParam("service", 101).when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"SAME_DAY_CUTOFF_PASSED\""));
        assertEquals(0, sql.one("select count(*) from appointment where lead_id = 6009", rs -> rs.getInt(1)).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p6010", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6010")})
    void theActiveLimitIsThree() {
        for (String start : List.of("2026-03-10T10:00:00Z", "2026-03-10T10:30:00Z", "2026-03-10T11:00:00Z")) {
            long id = holds.hold(1, 6010, slot(start), 101, false);
            given().when().post("/appointments/" + id + "/confirm").then().statusCode(303);
        }
        given().formParam("slot", slot("2026-03-10T11:30:00Z")).formParam("service", 101).when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"ACTIVE_LIMIT_REACHED\""));
    }

    @Test
    @TestSecurity(user = "p6061", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6061")})
    void paymentIsRequiredBeforeConfirmingATokenService() {
        // Dr Tom Okafor (202) gives Physiotherapy (102, TOKEN 20.00) at London Bridge
        long id = holds.hold(1, 6061, slotOf(202, "2026-03-11T10:00:00Z"), 102, true);
        given().when().get("/appointments/" + id).then().body(containsString("GBP 20.00"));
        given().when().post("/appointments/" + id + "/confirm")
                .then().statusCode(409).body(containsString("data-error-code=\"PAYMENT_REQUIRED\""));
        assertEquals("DRAFT", statusOf(id));
    }

    @Test
    @TestSecurity(user = "maya", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2"), @Claim(key = "lead_id", value = "11")})
    void anotherTenantsSlotOrAppointmentIsForbiddenAndBadInputIsRefused() {
        long harbourSlot = slot("2026-03-12T10:00:00Z");
        given().formParam("slot", harbourSlot).formParam("service", 101).when().post("/appointments").then().statusCode(403);
        long harbourDraft = holds.hold(1, 6062, harbourSlot, 101, true);
        given().when().get("/appointments/" + harbourDraft).then().statusCode(403);
        given().when().post("/appointments/" + harbourDraft + "/confirm").then().statusCode(403);
        assertEquals("DRAFT", statusOf(harbourDraft));
        given().when().get("/appointments/987654321").then().statusCode(404);
        given().formParam("slot", "987654321").formParam("service", 111).when().post("/appointments").then().statusCode(404);
        given().formParam("slot", "x").formParam("service", 111).when().post("/appointments").then().statusCode(400);
        given().formParam("service", 111).when().post("/appointments").then().statusCode(400)
                .body(containsString("Please choose a slot."));
        given().when().post("/appointments/abc/confirm").then().statusCode(400);
    }

    @Test
    void theDatabaseRefusesASecondActiveAppointmentOnASlot() {
        long slot = slot("2026-03-12T11:00:00Z");
        holds.hold(1, 6063, slot, 101, true);
        Sql.DataAccessException refused = assertThrows(Sql.DataAccessException.class, () ->
                sql.update("""
                        insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at,
                                                 ends_at, status, amount_due, currency, created_at, updated_at)
                        select tenant_id, 6004, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at, 'CONFIRMED',
                               0, currency, created_at, updated_at
                        from appointment where slot_id = ? and status = 'DRAFT'""", slot));
        assertEquals(true, refused.isUniqueViolation());
    }
}
