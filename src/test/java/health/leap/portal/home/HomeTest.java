package health.leap.portal.home;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The home page of demo patients at the test clock. */
@QuarkusTest
class HomeTest {

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void upcomingBookingsWithTheirActionsAndNothingFromThePast() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("Hello, Amelia Hart"), containsString("Book an appointment"),
                        containsString("View, move or cancel"), containsString("Add to calendar"),
                        containsString("Pending approval"), not(containsString("Completed")), not(containsString("Feeling better")));
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void staffLandOnTheirOwnHome() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("You are signed in as staff of Harbour Health."), containsString("/staff/approvals"));
    }
}
