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

import static health.leap.portal.packages.PackageFixtures.APPOINTMENT;
import static health.leap.portal.packages.PackageFixtures.ids;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Amelia's (lead 1) demo packages in detail, and the packages she may not open. */
@QuarkusTest
@TestSecurity(user = "amelia", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
class PackageDetailTest {

    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @Test
    void showsWhatIsLeftUntilWhenWhatItCoversAndTheSessionsUsed() {
        String page = given().when().get("/packages/401").then().statusCode(200)
                .body(containsString("<title>Physio five-pack · Leaphealth</title>"),
                        containsString("status-ACTIVE\">Active</span>"),
                        containsString("<dt>Sessions left</dt><dd>3 of 5 (2 used)</dd>"),
                        containsString("Thu 1 Jan 2026, 08:00 GMT (Europe/London)"),
                        containsString("Tue 30 Jun 2026, 09:00 BST (Europe/London)"),
                        containsString("<a href=\"/doctors?service=102\">Physiotherapy session</a>"),
                        containsString("<a href=\"/doctors?centre=1\">London Bridge</a>"),
                        containsString("<a href=\"/doctors?centre=2\">Manchester Piccadilly</a>"),
                        not(containsString("<a href=\"/doctors?centre=3\">Dublin Docklands</a>")),
                        containsString("Physiotherapy session at London Bridge"),
                        containsString("id=\"redemptions\""), not(containsString("Load older sessions")))
                .extract().asString();
        // demo redemptions 802 (appointment 502, 20 days ago) and 801 (501, 45 days ago), newest first
        assertEquals(List.of(502L, 501L), ids(APPOINTMENT, page));
    }

    @Test
    void aStoredExpiredOrExhaustedPackageSaysSo() {
        given().when().get("/packages/403").then().statusCode(200)
                .body(containsString("status-EXPIRED\">Expired</span>"), containsString("Dublin Docklands"),
                        containsString("href=\"/appointments/503\""));
        String skin = given().when().get("/packages/402").then().statusCode(200)
                .body(containsString("status-EXHAUSTED\">Exhausted</span>"), containsString("<dd>0 of 3 (3 used)</dd>"))
                .extract().asString();
        assertEquals(List.of(512L, 511L, 510L), ids(APPOINTMENT, skin));
        given().when().get("/packages/404").then().statusCode(200)
                .body(containsString("status-CANCELLED\">Cancelled</span>"),
                        containsString("No session of this package has been used yet."));
    }

    @Test
    void anotherPatientsPackageIs403AnUnknownOne404AndANonNumericId400() {
        // Maya's, in another clinic, and Oliver's, in Amelia's own
        for (String path : List.of("/packages/405", "/packages/406", "/packages/405/redemptions", "/packages/406/redemptions")) {
            given().when().get(path).then().statusCode(403)
                    .body(containsString("data-error-code=\"FORBIDDEN\""), containsString("This package is not yours to see."),
                            not(containsString("PT six-pack")), not(containsString("GP care plan")));
        }
        given().header("HX-Request", "true").when().get("/packages/405/redemptions").then().statusCode(403)
                .body(not(containsString("<html")), containsString("data-error-code=\"FORBIDDEN\""));
        given().when().get("/packages/987654321").then().statusCode(404)
                .body(containsString("data-error-code=\"NOT_FOUND\""), containsString("We could not find that package."));
        given().when().get("/packages/987654321/redemptions").then().statusCode(404);
        for (String id : List.of("abc", "4o1", "-401", "0", "401.0", "99999999999999999999")) {
            given().when().get("/packages/" + id).then().statusCode(400).body(containsString("data-error-code=\"BAD_REQUEST\""));
            given().when().get("/packages/" + id + "/redemptions").then().statusCode(400);
        }
    }

    @Test
    @TestSecurity(user = "maya", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2"), @Claim(key = "lead_id", value = "11")})
    void mayaOpensHersInHerCentresZoneAndNotAmelias() {
        String page = given().when().get("/packages/405").then().statusCode(200)
                .body(containsString("PT six-pack"), containsString("Physical therapy at Boston Back Bay"),
                        containsString("EST (America/New_York)"))
                .extract().asString();
        assertEquals(List.of(532L, 531L), ids(APPOINTMENT, page));
        given().when().get("/packages/401").then().statusCode(403);
    }
}
