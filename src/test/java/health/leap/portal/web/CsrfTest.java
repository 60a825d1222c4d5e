package health.leap.portal.web;

import health.leap.portal.platform.Browser;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Every write needs the CSRF token the portal put in its own page: a form field for a plain form,
 * the {@code X-CSRF-TOKEN} header for htmx. A write without it, or with someone else's, is refused
 * with a sentence and changes nothing.
 */
@QuarkusTest
@TestSecurity(user = "p6801", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6801")})
class CsrfTest {

    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    long slot;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, 6801);
        slot = fixtures.slot(204, "2026-03-19T10:00:00Z");
    }

    @Test
    void aPageSetsAnHttpOnlyTokenCookieAndPutsTheSameTokenInItsFormsAndHtmxHeaders() {
        Response page = given().when().get("/doctors/204/slots?centre=1&service=101&date=2026-03-19");
        page.then().statusCode(200);
        String cookie = page.getCookie("csrf-token");
        assertNotNull(cookie);
        assertTrue(page.getDetailedCookie("csrf-token").isHttpOnly(), "the token cookie is HttpOnly");
        page.then().body(containsString("<input type=\"hidden\" name=\"csrf-token\" value=\"" + cookie + "\">"),
                containsString("<meta name=\"csrf-token\" content=\"" + cookie + "\">"),
                containsString("hx-headers='{\"X-CSRF-TOKEN\": \"" + cookie + "\"}'"));

        // the form as the page rendered it goes through
        given().cookie("csrf-token", cookie).formParam("csrf-token", cookie)
                .formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments").then().statusCode(303);
        assertEquals(1, drafts());
    }

    @Test
    void aWriteWithoutTheTokenIsRefusedWithAMessageAndChangesNothing() {
        given().formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments").then().statusCode(400)
                .body(containsString("data-error-code=\"CSRF_TOKEN_INVALID\""), containsString("Please reload the page"));
        // a cookie alone is what a forged cross-site form would carry
        given().cookie("csrf-token", Browser.newToken()).formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments").then().statusCode(400);
        assertEquals(0, drafts());
    }

    @Test
    void aTokenThatDoesNotMatchTheCookieIsRefused() {
        given().cookie("csrf-token", Browser.newToken()).formParam("csrf-token", Browser.newToken())
                .formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments").then().statusCode(400)
                .body(containsString("CSRF_TOKEN_INVALID"));
        given().cookie("csrf-token", "not-a-token").header("X-CSRF-TOKEN", "not-a-token")
                .formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments").then().statusCode(400);
        assertEquals(0, drafts());
    }

    @Test
    void htmxSendsTheTokenAsAHeaderAndARefusalIsAFragment() {
        given().header("HX-Request", "true").formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments").then().statusCode(400)
                .body(containsString("data-error-code=\"CSRF_TOKEN_INVALID\""), not(containsString("<html")));
        Browser.given().header("HX-Request", "true").formParam("slot", slot).formParam("service", 101)
                .when().post("/appointments").then().statusCode(201);
        assertEquals(1, drafts());
    }

    private long drafts() {
        return sql.one("select count(*) from appointment where lead_id = 6801 and slot_id = ? and status = 'DRAFT'",
                rs -> rs.getLong(1), slot).orElseThrow();
    }
}
