package health.leap.portal.staff;

import health.leap.portal.platform.Browser;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.Metrics;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff preview a patient's portal with their real tokens: the patient's own pages, with a banner,
 * every link staying in the preview, no write control, every write refused, and each view audited.
 */
@QuarkusTest
class PreviewTest {

    static final String AMELIA = "/staff/patients/1";

    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    static RequestSpecification as(String user) {
        return Browser.given().auth().oauth2(KeycloakServer.get().passwordToken(user, "demo"));
    }

    @Test
    void staffSeeThePatientsHomeWithABannerAndLinksThatStayInThePreview() {
        as("staff.harbour").when().get(AMELIA + "/").then().statusCode(200)
                .body(containsString("Preview of Amelia Hart&#39;s portal"), containsString("nothing can be changed here"),
                        containsString("Hello, Amelia Hart"),
                        containsString("href=\"" + AMELIA + "/appointments\""),
                        containsString("href=\"" + AMELIA + "/appointments/"),
                        not(containsString("method=\"post\"")));
    }

    @Test
    void everyPatientPageIsThereReadOnly() {
        for (String page : new String[]{"/appointments", "/appointments/501", "/appointments/503", "/packages",
                "/packages/401", "/packages/401/redemptions", "/packages/applicable?service=101&centre=1",
                "/doctors?centre=1", "/doctors/204?centre=1&service=101&date=2026-03-04",
                "/doctors/204/slots?centre=1&service=101&date=2026-03-04"}) {
            as("staff.harbour").when().get(AMELIA + page).then().statusCode(200)
                    .body(allOf(containsString("Preview of Amelia Hart"), not(containsString("method=\"post\"")),
                            not(containsString("hx-post")), not(containsString("aria-label=\"Hold "))));
        }
        // the slot picker still shows the free times, as text
        as("staff.harbour").when().get(AMELIA + "/doctors/204/slots?centre=1&service=101&date=2026-03-04")
                .then().body(containsString("class=\"slot-time\""));
    }

    @Test
    void theMovePageShowsTheFreeTimesAsTextWithNothingToPress() {
        long booking = sql.one("""
                select id from appointment where lead_id = 1 and status = 'CONFIRMED' and starts_at > ?
                order by starts_at limit 1""", rs -> rs.getLong(1), clock.instant()).orElseThrow();
        as("staff.harbour").when().get(AMELIA + "/appointments/" + booking + "/reschedule").then().statusCode(200)
                .body(containsString("class=\"slot-time\""), not(containsString("aria-label=\"Move to ")),
                        not(containsString("method=\"post\"")));
    }

    @Test
    void htmxFragmentsOfAPreviewKeepTheirLinksInThePreview() {
        as("staff.harbour").header("HX-Request", "true").when().get(AMELIA + "/appointments?limit=2")
                .then().statusCode(200)
                .body(containsString("href=\"" + AMELIA + "/appointments?"), not(containsString("<html")));
    }

    @Test
    void everyWriteInAPreviewIsRefusedEvenWhenCraftedByHand() {
        String before = status(501);
        long appointments = count("appointment");
        as("staff.harbour").formParam("reason", "x").when().post(AMELIA + "/appointments/501/cancel")
                .then().statusCode(403).body(containsString("data-error-code=\"PREVIEW_READ_ONLY\""));
        as("staff.harbour").formParam("slot", 1).formParam("service", 101).when().post(AMELIA + "/appointments")
                .then().statusCode(403).body(containsString("PREVIEW_READ_ONLY"));
        // no page takes a PUT or a DELETE, in a preview or out of one: there is no such route
        as("staff.harbour").when().put(AMELIA + "/appointments/501").then().statusCode(404);
        as("staff.harbour").when().delete(AMELIA + "/appointments/501").then().statusCode(404);
        // a read that completes a payment is not a preview page
        as("staff.harbour").when().get(AMELIA + "/payments/return?reference=x").then().statusCode(404);
        // nor are the patient's routes themselves open to staff
        as("staff.harbour").formParam("reason", "x").when().post("/appointments/501/cancel").then().statusCode(403);
        assertEquals(before, status(501));
        assertEquals(appointments, count("appointment"));
    }

    @Test
    void aRefusedPreviewWriteIsCountedUnderItsRouteWithoutThePatientOrTheBooking() {
        as("staff.harbour").formParam("reason", "x").when().post(AMELIA + "/appointments/501/cancel")
                .then().statusCode(403).body(containsString("PREVIEW_READ_ONLY"));
        String metrics = Metrics.scrape();
        assertTrue(metrics.contains("uri=\"/staff/patients/{lead}/appointments/{id}/cancel\""), "counted under its route");
        assertFalse(metrics.contains("/staff/patients/1/"), "a patient's number in a label");
        assertFalse(metrics.contains("501/cancel"), "a booking's number in a label");
    }

    @Test
    void onlyStaffOfThePatientsOwnClinicMayPreview() {
        as("staff.sunrise").when().get(AMELIA + "/").then().statusCode(403);
        as("staff.sunrise").when().get(AMELIA + "/appointments/501").then().statusCode(403);
        as("amelia").when().get(AMELIA + "/").then().statusCode(403);
        as("oliver").when().get(AMELIA + "/appointments/501").then().statusCode(403);
        as("staff.harbour").when().get("/staff/patients/999999/").then().statusCode(404);
        as("staff.harbour").when().get("/staff/patients/abc/appointments").then().statusCode(400)
                .body(containsString("That is not a patient number."));
        // a preview is of the patient's own data: another patient's appointment stays theirs
        as("staff.harbour").when().get(AMELIA + "/appointments/521").then().statusCode(403);
    }

    @Test
    void eachPreviewedPageIsAudited() {
        long before = count("preview_audit");
        as("staff.harbour").when().get(AMELIA + "/appointments/501").then().statusCode(200);
        as("staff.sunrise").when().get(AMELIA + "/appointments/501").then().statusCode(403);
        assertEquals(before + 1, count("preview_audit"));
        String last = sql.one("select staff_user || ' ' || lead_id || ' ' || page || ' ' || viewed_at from preview_audit "
                + "order by id desc limit 1", rs -> rs.getString(1), new Object[0]).orElseThrow();
        assertEquals("staff.harbour 1 " + AMELIA + "/appointments/501 2026-03-02 08:00:00+00", last);
    }

    @Test
    void staffFindPatientsOfTheirOwnClinicOnly() {
        as("staff.harbour").queryParam("q", "amel").when().get("/staff/patients").then().statusCode(200)
                .body(containsString("Amelia Hart"), containsString("href=\"" + AMELIA + "/\""),
                        not(containsString("Oliver Brooks")));
        as("staff.sunrise").queryParam("q", "amel").when().get("/staff/patients").then().statusCode(200)
                .body(not(containsString("Amelia Hart")));
        as("staff.harbour").queryParam("q", "%").when().get("/staff/patients").then().statusCode(200)
                .body(containsString("No patient matches that name."));
        as("amelia").when().get("/staff/patients").then().statusCode(403);
    }

    private String status(long id) {
        return sql.one("select status from appointment where id = ?", rs -> rs.getString(1), id).orElseThrow();
    }

    private long count(String table) {
        return sql.one("select count(*) from " + table, rs -> rs.getLong(1), new Object[0]).orElseThrow();
    }
}
