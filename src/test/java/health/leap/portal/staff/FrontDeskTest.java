package health.leap.portal.staff;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The front desk of London Bridge (Harbour Health, tenant 1): the day's visits in the centre's zone,
 * checking a patient in on the day and completing the visit, each a compare-and-set with the staff
 * member on the timeline. Dr Priya Raman (201), patients 6911–6915.
 */
@QuarkusTest
class FrontDeskTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    Sql sql;
    @Inject
    FrontDeskService frontDesk;

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void theDeskChecksAPatientInOnTheDayAndCompletesTheVisit() {
        fixtures.freshPatient(1, 6911);
        long visit = fixtures.confirmed(1, 6911, 201, 101, "2026-03-17T15:00:00Z");
        // two weeks ahead: not yet
        given().when().post("/staff/day/" + visit + "/check-in").then().statusCode(409)
                .body(containsString("data-error-code=\"NOT_THE_VISIT_DAY\""));

        clock.set(Instant.parse("2026-03-17T14:50:00Z"));
        given().when().get("/staff/day?centre=1").then().statusCode(200)
                .body(containsString("Day list: London Bridge"), containsString("Tuesday 17 March 2026 (today)"),
                        containsString("Times are in Europe/London"), containsString("15:00</time> Test patient 6911"),
                        containsString("General consultation with Dr Priya Raman"), containsString("Nothing to pay online"),
                        containsString("Check in Test patient 6911"), not(containsString("Maya Johnson")));
        given().when().post("/staff/day/" + visit + "/check-in").then().statusCode(303)
                .header("Location", containsString("/staff/day?centre=1&date=2026-03-17"));
        assertEquals("CHECKED_IN", fixtures.status(visit));
        assertEquals("STAFF staff.harbour checked-in", lastEvent(visit));
        // a second click, or a second desk, changes nothing
        given().when().post("/staff/day/" + visit + "/check-in").then().statusCode(409)
                .body(containsString("data-error-code=\"INVALID_STATE\""));

        given().header("HX-Request", "true").when().post("/staff/day/" + visit + "/complete").then().statusCode(200)
                .body(not(containsString("<html")), containsString("id=\"day-visits\""), containsString("Completed"),
                        not(containsString("Complete Test patient 6911's visit")));
        assertEquals("COMPLETED", fixtures.status(visit));
        assertEquals("STAFF staff.harbour completed", lastEvent(visit));
        given().when().post("/staff/day/" + visit + "/complete").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void anyDayByDateAndByDoctor() {
        fixtures.freshPatient(1, 6912);
        fixtures.confirmed(1, 6912, 201, 101, "2026-03-18T09:00:00Z");
        given().when().get("/staff/day?centre=1&date=2026-03-18&doctor=201").then().statusCode(200)
                .body(containsString("Wednesday 18 March 2026"), not(containsString("(today)")),
                        containsString("Test patient 6912"), containsString("Confirmed"),
                        // not on its day yet: nothing to press
                        not(containsString("Check in Test patient 6912")));
        given().when().get("/staff/day?centre=1&date=2026-03-18&doctor=204").then().statusCode(200)
                .body(not(containsString("Test patient 6912")));
        given().header("HX-Request", "true").when().get("/staff/day?centre=1&date=2026-03-18").then().statusCode(200)
                .body(not(containsString("<html")), containsString("Test patient 6912"));
        given().when().get("/staff/day?centre=11").then().statusCode(403);
        given().when().get("/staff/day?centre=999999").then().statusCode(404);
        given().when().get("/staff/day?date=2026-02-30").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "staff.sunrise", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2")})
    void staffOfAnotherClinicCannotMarkTheVisit() {
        fixtures.freshPatient(1, 6913);
        long visit = fixtures.confirmed(1, 6913, 201, 101, "2026-03-02T15:30:00Z");
        given().when().post("/staff/day/" + visit + "/check-in").then().statusCode(403);
        assertEquals("CONFIRMED", fixtures.status(visit));
        given().when().get("/staff/day").then().statusCode(200)
                .body(containsString("Day list: Boston Back Bay"), containsString("Times are in America/New_York"),
                        not(containsString("Test patient 6913")));
    }

    @Test
    @TestSecurity(user = "p6914", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6914")})
    void thePatientSeesTheVisitCheckedInAndCompleted() {
        fixtures.freshPatient(1, 6914);
        long visit = fixtures.confirmed(1, 6914, 201, 101, "2026-03-02T16:00:00Z");
        clock.set(Instant.parse("2026-03-02T15:55:00Z"));
        frontDesk.checkIn(1, "staff.harbour", visit);
        given().when().get("/appointments/" + visit).then().statusCode(200)
                .body(containsString("status-CHECKED_IN"), matchesPattern("(?s).*Confirmed → Checked in\\s+by the clinic.*"));
        frontDesk.complete(1, "staff.harbour", visit);
        given().when().get("/appointments/" + visit).then().statusCode(200)
                .body(containsString("status-COMPLETED"), matchesPattern("(?s).*Checked in → Completed\\s+by the clinic · Visit completed.*"));
        // a completed visit is no longer upcoming, and no longer counts toward the limit
        given().when().get("/").then().statusCode(200).body(not(containsString("/appointments/" + visit + "\"")));
        given().when().post("/staff/day/" + visit + "/complete").then().statusCode(403);
    }

    private String lastEvent(long appointmentId) {
        return sql.one("""
                select actor_type || ' ' || actor_id || ' ' || detail from appointment_event
                where appointment_id = ? order by at desc, id desc limit 1""", rs -> rs.getString(1), appointmentId).orElseThrow();
    }
}
