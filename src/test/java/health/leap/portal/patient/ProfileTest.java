package health.leap.portal.patient;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import io.restassured.specification.RequestSpecification;
import health.leap.portal.platform.KeycloakServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The profile page: the patient's details as the clinic holds them, and their email choices. */
@QuarkusTest
class ProfileTest {

    static final long LEAD = 7103;

    @Inject
    Sql sql;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
        sql.update("update lead set email = 'p7103@patients.example', phone = '+44 7700 907103' where id = ?", LEAD);
        sql.update("delete from mail_preference where lead_id = ?", LEAD);
    }

    String choices() {
        return sql.one("select reminders || ',' || change_notices from mail_preference where lead_id = ?",
                rs -> rs.getString(1), LEAD).orElse("none");
    }

    @Test
    @TestSecurity(user = "p7103", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7103")})
    void aPatientSeesTheirDetailsAndChoosesTheirEmails() {
        given().when().get("/profile").then().statusCode(200)
                .body(containsString("Test patient 7103"), containsString("p7103@patients.example"),
                        containsString("+44 7700 907103"), containsString("id=\"reminders\" name=\"reminders\" value=\"on\" checked"),
                        containsString("id=\"changes\" name=\"changes\" value=\"on\" checked"),
                        containsString("always email you when a booking is confirmed"));
        // a browser sends a ticked box only
        given().formParam("reminders", "on").when().post("/profile/mail").then().statusCode(303)
                .header("Location", containsString("/profile?saved"));
        assertEquals("true,false", choices());
        given().when().get("/profile?saved=1").then().statusCode(200)
                .body(containsString("Your email choices are saved."), containsString("value=\"on\" checked>\n"),
                        containsString("id=\"changes\" name=\"changes\" value=\"on\">"));
        given().when().post("/profile/mail").then().statusCode(303);
        assertEquals("false,false", choices());
    }

    @Test
    @TestSecurity(user = "p7103", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7103")})
    void onlyATickedBoxTurnsAChoiceOn() {
        given().formParam("reminders", "<script>alert(1)</script>").formParam("changes", "yes").when().post("/profile/mail")
                .then().statusCode(303);
        assertEquals("false,true", choices());
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakServer.get().passwordToken(user, "demo"));
    }

    @Test
    void staffPreviewTheProfileReadOnly() {
        as("staff.harbour").formParam("reminders", "on").when().post("/profile/mail").then().statusCode(403);
        as("staff.harbour").when().get("/staff/patients/1/profile").then().statusCode(200)
                .body(containsString("Preview of Amelia Hart"), containsString("amelia@example.com"),
                        containsString("Reminders before a visit</dt><dd>On"), not(containsString("method=\"post\"")));
        as("staff.harbour").formParam("reminders", "on").when().post("/staff/patients/1/profile/mail").then().statusCode(403)
                .body(containsString("data-error-code=\"PREVIEW_READ_ONLY\""));
        // another clinic's staff do not see Amelia
        as("staff.sunrise").when().get("/staff/patients/1/profile").then().statusCode(403);
    }
}
