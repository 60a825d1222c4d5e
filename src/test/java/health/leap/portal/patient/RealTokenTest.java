package health.leap.portal.patient;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.leap.portal.platform.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Tokens issued by the realm the portal ships, read by the portal as it runs: no test identity. */
@QuarkusTest
class RealTokenTest {

    static String token(String user) {
        return KeycloakServer.get().passwordToken(user, "demo");
    }

    @Test
    void aPatientsTokenNamesTheirClinicAndRecord() {
        given().auth().oauth2(token("amelia")).when().get("/")
                .then().statusCode(200).body(containsString("Hello, Amelia Hart"), containsString("Harbour Health"));
        given().auth().oauth2(token("maya")).when().get("/doctors")
                .then().statusCode(200).body(containsString("Dr Rachel Green"), not(containsString("Dr Priya Raman")));
    }

    @Test
    void staffTokensReachTheQueueOnly() {
        given().auth().oauth2(token("staff.harbour")).when().get("/staff/approvals").then().statusCode(200);
        given().auth().oauth2(token("staff.harbour")).when().get("/doctors").then().statusCode(403);
    }

    @Test
    void accountsThatAreNotLinkedGetA403Page() {
        given().auth().oauth2(token("ghost")).when().get("/").then().statusCode(403)
                .body(containsString("data-error-code=\"ACCOUNT_NOT_LINKED\""));
        given().auth().oauth2(token("nolead")).when().get("/").then().statusCode(403)
                .body(containsString("data-error-code=\"ACCOUNT_NOT_LINKED\""));
    }

    @Test
    void aTokenTheRealmIssuedForAnotherApplicationIsRefused() throws Exception {
        String answer = KeycloakServer.get().passwordGrant(KeycloakServer.OTHER_CLIENT, "amelia", "demo").body();
        String other = new ObjectMapper().readTree(answer).path("access_token").asText();
        // signed by the same realm, for the same patient, but not for the portal
        given().auth().oauth2(other).when().get("/doctors").then().statusCode(401);
        given().auth().oauth2(token("amelia")).when().get("/doctors").then().statusCode(200);
    }

    @Test
    void aForgedTokenIsRefused() {
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJ0ZW5hbnRfaWQiOjEsImxlYWRfaWQiOjF9.").when().get("/doctors")
                .then().statusCode(401);
    }
}
