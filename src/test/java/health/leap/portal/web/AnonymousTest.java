package health.leap.portal.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Without a session every page sends the browser to the real Keycloak; assets stay public. */
@QuarkusTest
class AnonymousTest {

    @BeforeEach
    void noRedirects() {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/doctors", "/doctors?centre=1", "/doctors/201", "/doctors/201/slots?date=2026-03-03",
            "/appointments/501", "/staff/approvals", "/payments/return", "/sandbox-gateway/pay"})
    void pagesRedirectToTheLogin(String path) {
        given().when().get(path).then().statusCode(302)
                .header("Location", containsString("/realms/leaphealth/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=portal"));
    }

    @Test
    void theSignInPageIsInThePortalsLanguage() {
        given().when().get("/doctors").then().statusCode(302).header("Location", containsString("ui_locales=en"));
        given().header("Accept-Language", "es-MX,es;q=0.9").when().get("/doctors").then().statusCode(302)
                .header("Location", containsString("ui_locales=es"));
        // the switcher's choice comes before the browser's
        String signIn = given().cookie(Language.COOKIE, "es").header("Accept-Language", "en").when().get("/appointments")
                .then().statusCode(302).header("Location", containsString("ui_locales=es")).extract().header("Location");
        // and the identity provider follows it
        // the address as the portal wrote it, already encoded
        given().urlEncodingEnabled(false).when().get(signIn).then().statusCode(200)
                .body(containsString("lang=\"es\""), containsString("Contraseña"), not(containsString(">Password<")));
        String english = given().cookie(Language.COOKIE, "en").header("Accept-Language", "es").when().get("/appointments")
                .then().statusCode(302).extract().header("Location");
        given().urlEncodingEnabled(false).when().get(english).then().statusCode(200).body(containsString("lang=\"en\""), containsString("Password"));
    }

    @Test
    void writesWithoutASessionChangeNothingAndGoToTheLogin() {
        given().formParam("slot", 1).formParam("service", 101).when().post("/appointments").then().statusCode(302);
        given().when().post("/appointments/501/confirm").then().statusCode(302);
        given().when().post("/staff/approvals/505/approve").then().statusCode(302);
    }

    @Test
    void anHtmxRequestWithoutASessionIsNotAnsweredWithALoginPage() {
        given().header("HX-Request", "true").when().get("/doctors").then().statusCode(499).body(emptyString());
    }

    @Test
    void assetsAndHtmxArePublicAndEveryResponseCarriesTheSecurityHeaders() {
        given().when().get("/assets/css/portal.css").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().when().get("/assets/js/portal.js").then().statusCode(200);
    }

    @Test
    void hstsIsSentWhenTheRequestCameOverTlsThroughTheProxy() {
        given().when().get("/assets/css/portal.css").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
        given().header("X-Forwarded-Proto", "https").when().get("/assets/css/portal.css").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
    }
}
