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
 * checking a patient in on the day and completing the visit, or marking that they did not come, each
 * a compare-and-set with the staff member on the timeline. Dr Priya Raman (201), patients 6911–6919.
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
                        containsString("Times are in Europe/London"), containsString("15:00</time>–<time datetime=\"2026-03-17T15:20:00Z\">15:20</time> Test patient 6911"),
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
        clock.set(Instant.parse("2026-03-02T15:40:00Z"));
        given().when().post("/staff/day/" + visit + "/no-show").then().statusCode(403);
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
                .body(containsString("status-COMPLETED"), matchesPattern("(?s).*Checked in → Completed\\s+by the clinic \\(staff.harbour\\) · Visit completed.*"));
        // a completed visit is no longer upcoming, and no longer counts toward the limit
        given().when().get("/").then().statusCode(200).body(not(containsString("/appointments/" + visit + "\"")));
        given().when().post("/staff/day/" + visit + "/complete").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void theDeskMarksAPatientWhoDidNotComeOnTheDayOnceTheVisitHasStarted() {
        fixtures.freshPatient(1, 6916);
        long visit = fixtures.confirmed(1, 6916, 201, 101, "2026-03-03T14:00:00Z");
        fixtures.freshPatient(1, 6917);
        long other = fixtures.confirmed(1, 6917, 201, 101, "2026-03-03T14:30:00Z");
        // the day before: not its day
        given().when().post("/staff/day/" + visit + "/no-show").then().statusCode(409)
                .body(containsString("data-error-code=\"NOT_THE_VISIT_DAY\""), containsString("on its day only"));

        // its day, before the start: the patient may still come
        clock.set(Instant.parse("2026-03-03T13:55:00Z"));
        given().when().get("/staff/day?centre=1").then().statusCode(200)
                .body(containsString("Check in Test patient 6916"), not(containsString("Mark that Test patient 6916 did not come")));
        given().when().post("/staff/day/" + visit + "/no-show").then().statusCode(409)
                .body(containsString("data-error-code=\"NOT_THE_VISIT_DAY\""), containsString("has not started yet"));
        assertEquals("CONFIRMED", fixtures.status(visit));

        // once it has started: a real form with the CSRF token beside "Check in"; a late patient can still be checked in
        clock.set(Instant.parse("2026-03-03T14:10:00Z"));
        given().when().get("/staff/day?centre=1&doctor=201").then().statusCode(200)
                .body(containsString("Check in Test patient 6916"),
                        matchesPattern("(?s).*<form method=\"post\" action=\"/staff/day/" + visit + "/no-show\\?doctor=201\"\\s+hx-post=\"/staff/day/"
                                + visit + "/no-show\\?doctor=201\"[^>]*><input type=\"hidden\" name=\"csrf-token\" value=\"[^\"]+\">\\s*"
                                + "<button type=\"submit\" class=\"secondary\" aria-label=\"Mark that Test patient 6916 did not come\">Did not come</button>.*"),
                        // not yet started
                        not(containsString("Mark that Test patient 6917 did not come")));
        given().header("HX-Request", "true").when().post("/staff/day/" + visit + "/no-show?doctor=201").then().statusCode(200)
                .body(not(containsString("<html")), containsString("id=\"day-visits\""), containsString("No-show"),
                        not(containsString("Mark that Test patient 6916 did not come")), not(containsString("Check in Test patient 6916")));
        assertEquals("NO_SHOW", fixtures.status(visit));
        assertEquals("STAFF staff.harbour no-show", lastEvent(visit));
        // a second click, or a second desk, changes nothing; nor can the patient be checked in after all
        given().when().post("/staff/day/" + visit + "/no-show").then().statusCode(409)
                .body(containsString("data-error-code=\"INVALID_STATE\""),
                        containsString("This visit is marked as a no-show, so it cannot be marked as a no-show."));
        given().when().post("/staff/day/" + visit + "/check-in").then().statusCode(409)
                .body(containsString("data-error-code=\"INVALID_STATE\""));

        // without JavaScript: the mark, then the day list again
        clock.set(Instant.parse("2026-03-03T14:31:00Z"));
        given().when().post("/staff/day/" + other + "/no-show").then().statusCode(303)
                .header("Location", containsString("/staff/day?centre=1&date=2026-03-03"));
        assertEquals("NO_SHOW", fixtures.status(other));
        // the next day it is no longer the desk's to mark
        fixtures.freshPatient(1, 6918);
        long tomorrow = fixtures.confirmed(1, 6918, 201, 101, "2026-03-04T14:00:00Z");
        clock.set(Instant.parse("2026-03-05T09:00:00Z"));
        given().when().post("/staff/day/" + tomorrow + "/no-show").then().statusCode(409)
                .body(containsString("data-error-code=\"NOT_THE_VISIT_DAY\""));
        assertEquals("CONFIRMED", fixtures.status(tomorrow));
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void aPatientWhoWasCheckedInCameAndIsNoNoShow() {
        fixtures.freshPatient(1, 6918);
        long visit = fixtures.confirmed(1, 6918, 201, 101, "2026-03-03T15:00:00Z");
        clock.set(Instant.parse("2026-03-03T14:55:00Z"));
        frontDesk.checkIn(1, "staff.harbour", visit);
        clock.set(Instant.parse("2026-03-03T15:10:00Z"));
        given().when().get("/staff/day?centre=1").then().statusCode(200)
                .body(containsString("Complete Test patient 6918&#39;s visit"), not(containsString("Mark that Test patient 6918 did not come")));
        given().when().post("/staff/day/" + visit + "/no-show").then().statusCode(409)
                .body(containsString("data-error-code=\"INVALID_STATE\""),
                        containsString("This visit is checked in, so it cannot be marked as a no-show."));
        assertEquals("CHECKED_IN", fixtures.status(visit));
        given().when().post("/staff/day/999999/no-show").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "p6919", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6919")})
    void thePatientSeesTheNoShowAndItFreesTheirActiveLimit() {
        fixtures.freshPatient(1, 6919);
        long visit = fixtures.confirmed(1, 6919, 201, 101, "2026-03-03T15:30:00Z");
        fixtures.confirmed(1, 6919, 201, 101, "2026-03-10T14:00:00Z");
        fixtures.confirmed(1, 6919, 201, 101, "2026-03-10T14:30:00Z");
        long fourth = fixtures.slot(201, "2026-03-10T15:00:00Z");
        clock.set(Instant.parse("2026-03-03T15:40:00Z"));
        given().formParam("slot", fourth).formParam("service", "101").when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"ACTIVE_LIMIT_REACHED\""));
        // a patient cannot mark their own visit
        given().when().post("/staff/day/" + visit + "/no-show").then().statusCode(403);
        assertEquals("CONFIRMED", fixtures.status(visit));

        frontDesk.noShow(1, "staff.harbour", visit);

        given().when().get("/appointments/" + visit).then().statusCode(200)
                .body(containsString("status-NO_SHOW"), matchesPattern("(?s).*Confirmed → No-show\\s+by the clinic \\(staff.harbour\\) · Did not come to the visit.*"),
                        containsString("data-status-note=\"NO_SHOW\""), containsString("The clinic recorded that nobody came to this visit."),
                        // neither cancelled, moved nor added to a calendar any more
                        not(containsString("/appointments/" + visit + "/cancel")), not(containsString("/appointments/" + visit + "/calendar.ics")));
        given().header("Accept-Language", "es").when().get("/appointments/" + visit).then().statusCode(200)
                .body(containsString("No asistió"), containsString("No acudió a la visita"),
                        containsString("La clínica registró que nadie acudió a esta visita."));
        given().when().get("/appointments/" + visit + "/calendar.ics").then().statusCode(409);
        given().when().post("/appointments/" + visit + "/cancel").then().statusCode(409)
                .body(containsString("This booking is a no-show, so it cannot be cancelled."));
        // the history filters by it, in both languages
        given().when().get("/appointments?status=NO_SHOW").then().statusCode(200)
                .body(containsString("/appointments/" + visit + "\""), containsString("id=\"status-NO_SHOW\""),
                        matchesPattern("(?s).*<label for=\"status-NO_SHOW\">No-show</label>.*"));
        given().when().get("/appointments?status=COMPLETED").then().statusCode(200)
                .body(not(containsString("/appointments/" + visit + "\"")));
        given().header("Accept-Language", "es").when().get("/appointments?status=NO_SHOW").then().statusCode(200)
                .body(matchesPattern("(?s).*<label for=\"status-NO_SHOW\">No asistió</label>.*"));
        // no longer upcoming, and no longer counting toward the limit
        given().when().get("/").then().statusCode(200).body(not(containsString("/appointments/" + visit + "\"")));
        given().formParam("slot", fourth).formParam("service", "101").when().post("/appointments").then().statusCode(303);
    }

    private String lastEvent(long appointmentId) {
        return sql.one("""
                select actor_type || ' ' || actor_id || ' ' || detail from appointment_event
                where appointment_id = ? order by at desc, id desc limit 1""", rs -> rs.getString(1), appointmentId).orElseThrow();
    }
}
