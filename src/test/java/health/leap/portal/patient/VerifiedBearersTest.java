package health.leap.portal.patient;

import health.leap.portal.platform.Browser;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bearer token the OIDC extension verified is let in from memory for a short while: as the
 * caller it was, never with a preview's extra role, never for a token that differs by a character,
 * and only until the portal's clock passes the bound.
 */
@QuarkusTest
class VerifiedBearersTest {

    @Inject
    VerifiedBearers bearers;
    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    static String token(String user) {
        return KeycloakServer.get().passwordToken(user, "demo");
    }

    @Test
    void aRememberedTokenIsStillItsOwnCallerAndNobodyElse() {
        String amelia = token("amelia");
        String oliver = token("oliver");
        for (int i = 0; i < 3; i++) {
            Browser.given().auth().oauth2(amelia).when().get("/").then().statusCode(200)
                    .body(containsString("Hello, Amelia Hart"));
            Browser.given().auth().oauth2(oliver).when().get("/").then().statusCode(200)
                    .body(not(containsString("Amelia Hart")));
        }
        assertTrue(bearers.find(amelia).isPresent());
        assertTrue(bearers.find(oliver).isPresent());
    }

    @Test
    void staffWhoPreviewedAPatientAreNotAPatientOutsideThePreview() {
        String staff = token("staff.harbour");
        Browser.given().auth().oauth2(staff).when().get("/staff/patients/1/appointments").then().statusCode(200);
        assertTrue(bearers.find(staff).isPresent());
        Browser.given().auth().oauth2(staff).when().get("/appointments").then().statusCode(403);
        Browser.given().auth().oauth2(staff).when().get("/staff/patients/1/appointments").then().statusCode(200);
    }

    @Test
    void aTokenChangedByOneCharacterIsRefusedAfterTheRealOneWasRemembered() {
        String amelia = token("amelia");
        Browser.given().auth().oauth2(amelia).when().get("/").then().statusCode(200);
        String forged = amelia.substring(0, amelia.length() - 2)
                + (amelia.charAt(amelia.length() - 2) == 'A' ? 'B' : 'A') + amelia.charAt(amelia.length() - 1);
        Browser.given().auth().oauth2(forged).when().get("/").then().statusCode(401);
        assertFalse(bearers.find(forged).isPresent());
    }

    @Test
    void aTokenIsVerifiedAgainOnceTheBoundHasPassed() {
        String amelia = token("amelia");
        Browser.given().auth().oauth2(amelia).when().get("/").then().statusCode(200);
        assertTrue(bearers.find(amelia).isPresent());
        clock.advance(Duration.ofSeconds(61));
        assertFalse(bearers.find(amelia).isPresent(), "remembered past the bound");
        // the provider's own check still accepts it, and it is remembered afresh
        Browser.given().auth().oauth2(amelia).when().get("/").then().statusCode(200);
        assertTrue(bearers.find(amelia).isPresent());
    }
}
