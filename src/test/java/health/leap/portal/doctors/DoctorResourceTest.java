package health.leap.portal.doctors;

import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Doctor browsing and the slot picker, on the demo clinics at the test clock (Mon 2 Mar 2026, 08:00 UTC). */
@QuarkusTest
class DoctorResourceTest {

    @Inject
    Sql sql;

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void patientSeesOwnClinicsDoctorsWithNextFreeSlot() {
        given().when().get("/doctors")
                .then().statusCode(200)
                .body(containsString("<html"),
                        containsString("Dr Priya Raman"),
                        containsString("Dr Sofia Lindqvist"),
                        containsString("Next free:"),
                        not(containsString("Dr Rachel Green")));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void htmxRequestGetsOnlyTheResultsFragment() {
        given().header("HX-Request", "true").queryParam("specialty", "Dermatology")
                .when().get("/doctors")
                .then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(not(containsString("<html")), containsString("id=\"doctor-results\""),
                        containsString("Dr Sofia Lindqvist"), not(containsString("Dr Priya Raman")));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void filtersByCentreServiceAndName() {
        given().queryParam("centre", "3").when().get("/doctors")
                .then().statusCode(200).body(containsString("Dr Aoife Byrne"), not(containsString("Dr Tom Okafor")));
        given().queryParam("service", "102").when().get("/doctors")
                .then().statusCode(200).body(containsString("Dr Tom Okafor"), not(containsString("Dr Priya Raman")));
        given().queryParam("q", "whit").when().get("/doctors")
                .then().statusCode(200).body(containsString("Dr James Whitcombe"), not(containsString("Dr Tom Okafor")));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void anotherTenantsCentreOrServiceIsNotFoundAndBadIdsAreRefused() {
        given().queryParam("centre", "11").when().get("/doctors")
                .then().statusCode(404).body(containsString("data-error-code=\"NOT_FOUND\""));
        given().queryParam("service", "111").when().get("/doctors").then().statusCode(404);
        given().queryParam("centre", "abc").when().get("/doctors")
                .then().statusCode(400).body(containsString("The centre &quot;abc&quot; is not a valid id."));
        given().queryParam("q", "x".repeat(101)).when().get("/doctors").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void profileShowsDaysAndSlotsInTheCentresZone() {
        // At 08:00 GMT with a 2 h minimum advance, the first bookable London slot today is 10:00 GMT.
        given().when().get("/doctors/201?centre=1&service=101")
                .then().statusCode(200)
                .body(containsString("Dr Priya Raman"), containsString("Europe/London"),
                        containsString("Free times on Monday 2 March 2026"),
                        containsString(">10:00<"), not(containsString(">09:30<")), not(containsString(">09:00<")));
    }

    @Test
    @TestSecurity(user = "maya", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2"), @Claim(key = "lead_id", value = "11")})
    void sameDayCutoffAndZoneOfANewYorkCentre() {
        // 08:00 UTC is 03:00 EST: Sunrise takes same-day bookings until 10:00, but the 2 h minimum still
        // applies, so Monday's 09:00 EST slot (14:00 UTC) is offered.
        given().when().get("/doctors/211/slots?centre=11&service=111&date=2026-03-02")
                .then().statusCode(200)
                .body(containsString(">09:00<"), containsString("EST (America/New_York)"));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void slotFragmentForADay() {
        given().header("HX-Request", "true")
                .when().get("/doctors/201/slots?centre=1&service=101&date=2026-03-03")
                .then().statusCode(200)
                .body(not(containsString("<html")), containsString("id=\"slots\""),
                        containsString("Free times on Tuesday 3 March 2026"), containsString(">09:00<"));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void badDoctorCentreServiceAndDates() {
        given().when().get("/doctors/211").then().statusCode(403).body(containsString("data-error-code=\"FORBIDDEN\""));
        given().when().get("/doctors/99999").then().statusCode(404);
        given().when().get("/doctors/abc").then().statusCode(400);
        given().when().get("/doctors/99999999999999999999").then().statusCode(400);
        given().when().get("/doctors/201?centre=3").then().statusCode(404)
                .body(containsString("does not see patients at that centre"));
        given().when().get("/doctors/201?centre=1&service=104").then().statusCode(404);
        given().when().get("/doctors/201/slots?centre=1&service=101&date=2026-02-30").then().statusCode(400)
                .body(containsString("is not a date like"));
        given().when().get("/doctors/201/slots?centre=1&service=101&date=2026-03-01").then().statusCode(400)
                .body(containsString("Please pick a day between 2026-03-02 and 2026-04-01."));
        given().when().get("/doctors/201/slots?centre=1&service=101&date=2026-05-01").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void staffCannotBrowseAsAPatient() {
        given().when().get("/doctors").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ghost", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "999")})
    void unknownLeadGetsAClear403() {
        given().when().get("/doctors").then().statusCode(403)
                .body(allOf(containsString("data-error-code=\"ACCOUNT_NOT_LINKED\""),
                        containsString("not linked to a patient record")));
    }

    @Test
    @TestSecurity(user = "nolead", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void tokenWithoutLeadGetsAClear403() {
        given().when().get("/").then().statusCode(403)
                .body(containsString("data-error-code=\"ACCOUNT_NOT_LINKED\""));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2"), @Claim(key = "lead_id", value = "1")})
    void leadOfAnotherTenantIsNotLinked() {
        given().when().get("/").then().statusCode(403)
                .body(containsString("data-error-code=\"ACCOUNT_NOT_LINKED\""));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void londonSlotsKeepTheirLocalTimesAcrossTheClockChange() {
        // Friday 27 March is GMT: the first slot is 09:00 GMT = 09:00 UTC
        given().when().get("/doctors/201/slots?centre=1&service=101&date=2026-03-27").then().statusCode(200)
                .body(containsString(">09:00<"), containsString("Times in GMT (Europe/London)"),
                        containsString("value=\"" + slotId(201, "2026-03-27T09:00:00Z") + "\""));
        // Monday 30 March is BST: the first slot is still 09:00 local, which is 08:00 UTC
        given().when().get("/doctors/201/slots?centre=1&service=101&date=2026-03-30").then().statusCode(200)
                .body(containsString(">09:00<"), containsString("Times in BST (Europe/London)"),
                        containsString("value=\"" + slotId(201, "2026-03-30T08:00:00Z") + "\""));
    }

    @Test
    @TestSecurity(user = "maya", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2"), @Claim(key = "lead_id", value = "11")})
    void newYorkMovesToDaylightTimeThreeWeeksBeforeLondon() {
        // 6 March EST (UTC-5), 10 March EDT (UTC-4): 09:00 local both days
        given().when().get("/doctors/211/slots?centre=11&service=111&date=2026-03-06").then().statusCode(200)
                .body(containsString("Times in EST (America/New_York)"),
                        containsString("value=\"" + slotId(211, "2026-03-06T14:00:00Z") + "\""));
        given().when().get("/doctors/211/slots?centre=11&service=111&date=2026-03-10").then().statusCode(200)
                .body(containsString("Times in EDT (America/New_York)"),
                        containsString("value=\"" + slotId(211, "2026-03-10T13:00:00Z") + "\""));
    }

    long slotId(long doctor, String utcStart) {
        return sql.one("select id from slot where doctor_id = ? and starts_at = ?", rs -> rs.getLong(1), doctor,
                Instant.parse(utcStart)).orElseThrow(() -> new AssertionError("no slot of " + doctor + " at " + utcStart));
    }
}
