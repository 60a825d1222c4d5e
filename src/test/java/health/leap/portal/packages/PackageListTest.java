package health.leap.portal.packages;

import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static health.leap.portal.packages.PackageFixtures.packageIds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Amelia's demo packages (lead 1): 401 ACTIVE, 402 EXHAUSTED, 403 EXPIRED, 404 CANCELLED; Maya (lead 11) holds 405. */
@QuarkusTest
class PackageListTest {

    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    List<Long> shown(String... statuses) {
        return packageIds(given().queryParam("status", (Object[]) statuses).when().get("/packages").then().statusCode(200)
                .extract().asString());
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void everyStatusFilterAloneAndCombined() {
        assertEquals(List.of(401L, 402L, 403L, 404L), shown());
        assertEquals(List.of(401L), shown("ACTIVE"));
        assertEquals(List.of(402L), shown("EXHAUSTED"));
        assertEquals(List.of(403L), shown("EXPIRED"));
        assertEquals(List.of(404L), shown("CANCELLED"));
        assertEquals(List.of(401L, 403L), shown("ACTIVE", "EXPIRED"));
        assertEquals(List.of(402L, 404L), shown("EXHAUSTED", "CANCELLED"));
        assertEquals(List.of(401L, 402L, 404L), shown("ACTIVE", "EXHAUSTED", "CANCELLED"));
        assertEquals(List.of(401L, 402L, 403L, 404L), shown("ACTIVE", "EXHAUSTED", "EXPIRED", "CANCELLED"));
        assertEquals(List.of(401L, 403L), shown("EXPIRED", "ACTIVE", "EXPIRED"));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void fullPageShowsSessionsValidityInTheClinicsZoneAndTheFilterForm() {
        String page = given().queryParam("status", "ACTIVE").when().get("/packages").then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(containsString("<html"), containsString("<title>My packages · Leaphealth</title>"),
                        containsString("Physio five-pack"), containsString("2 of 5 sessions used · 3 left"),
                        // 60 days before and 120 days after Monday 2 March 2026 08:00 GMT, in London
                        containsString("Thu 1 Jan 2026, 08:00 GMT (Europe/London)"),
                        containsString("Tue 30 Jun 2026, 09:00 BST (Europe/London)"),
                        containsString("<label for=\"package-status-ACTIVE\">Active</label>"),
                        containsString("id=\"package-status-ACTIVE\" name=\"status\" value=\"ACTIVE\" checked"),
                        not(containsString("id=\"package-status-EXPIRED\" name=\"status\" value=\"EXPIRED\" checked")),
                        containsString("<label for=\"visit-service\">Service</label>"),
                        containsString("<label for=\"visit-centre\">Centre</label>"),
                        not(containsString("Expires soon")), not(containsString("style=")), not(containsString("<script>")))
                .extract().asString();
        assertEquals(List.of(401L), packageIds(page));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void htmxGetsTheListAlone() {
        String fragment = given().header("HX-Request", "true").queryParam("status", "EXHAUSTED", "CANCELLED")
                .when().get("/packages").then().statusCode(200)
                .body(not(containsString("<html")), containsString("id=\"packages\""), not(containsString("<form")),
                        containsString("Skin care trio"), containsString("3 of 3 sessions used</p>"))
                .extract().asString();
        assertEquals(List.of(402L, 404L), packageIds(fragment));
        // a boosted request or a history restore wants the whole page
        given().header("HX-Request", "true").header("HX-History-Restore-Request", "true").when().get("/packages")
                .then().statusCode(200).body(containsString("<html"));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void anUnknownStatusIs400WithAMessage() {
        given().queryParam("status", "USED").when().get("/packages").then().statusCode(400)
                .body(containsString("data-error-code=\"BAD_REQUEST\""),
                        containsString("&quot;USED&quot; is not a package status. Choose from ACTIVE, EXHAUSTED, EXPIRED, CANCELLED."));
        given().queryParam("status", "ACTIVE", "active").when().get("/packages").then().statusCode(400);
        given().header("HX-Request", "true").queryParam("status", "<b>").when().get("/packages").then().statusCode(400)
                .body(not(containsString("<html")), not(containsString("<b>")), containsString("data-error-code=\"BAD_REQUEST\""));
    }

    @Test
    @TestSecurity(user = "maya", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2"), @Claim(key = "lead_id", value = "11")})
    void aPatientSeesOnlyTheirOwnPackagesInTheirClinicsZone() {
        String page = given().when().get("/packages").then().statusCode(200)
                .body(containsString("PT six-pack"), containsString("(America/New_York)")).extract().asString();
        assertEquals(List.of(405L), packageIds(page));
    }

    @Test
    @TestSecurity(user = "p6400", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6400")})
    void aPatientWithoutPackagesIsToldSo() {
        PackageFixtures.patientWithoutPackages(sql, 6400);
        given().when().get("/packages").then().statusCode(200).body(containsString("You have no packages yet."));
        given().queryParam("status", "ACTIVE").when().get("/packages").then().statusCode(200)
                .body(containsString("No package matches these statuses."));
    }
}
