package health.leap.portal.booking;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import health.leap.portal.platform.QaSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The QA knob the browser journeys run with: holds at Dublin Docklands (centre 3) last 20 seconds,
 * holds elsewhere keep the policy's 10 minutes. Its own configuration restarts the application, so
 * it runs after every other route test.
 */
@QuarkusTest
@TestProfile(QaSettings.class)
@Order(Integer.MAX_VALUE)
class HoldOverrideTest {

    private static final long LEAD = 6601;
    private static final String BYRNES_DAY = "/doctors/205/slots?centre=3&service=101&date=2026-03-04";

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    Sql sql;
    @Inject
    ConfirmService confirmations;
    @Inject
    HoldExpiry expiry;

    @Test
    @TestSecurity(user = "p6601", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6601")})
    void aDublinHoldRunsOutAfterTwentySecondsAndItsTimeIsOfferedAgain() {
        fixtures.freshPatient(1, LEAD);
        // Dr Aoife Byrne (205) sees patients only in Dublin; Wednesday 4 March, 10:00 Dublin time
        long slot = fixtures.slot(205, "2026-03-04T10:00:00Z");
        long id = fixtures.hold(1, LEAD, 205, 101, "2026-03-04T10:00:00Z");
        assertEquals(TestClock.DEFAULT.plusSeconds(20), holdExpiresAt(id));
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("Your held time"), containsString("0:20</strong> left"),
                        containsString("Held for 20 seconds"), containsString("Confirm booking"));
        given().when().get(BYRNES_DAY).then().statusCode(200).body(not(containsString("value=\"" + slot + "\"")));

        clock.advance(Duration.ofSeconds(20));
        // the sweep has not run: the page and the slot picker go by the clock, not by the status
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("data-error-code=\"HOLD_EXPIRED\""), not(containsString("Confirm booking")));
        given().when().get(BYRNES_DAY).then().statusCode(200).body(containsString("value=\"" + slot + "\""));
        Problem refused = assertThrows(Problem.class, () -> confirmations.confirm(1, LEAD, id, null));
        assertEquals(ErrorCode.HOLD_EXPIRED, refused.code());

        // once the sweep has marked it, the page still says why
        expiry.expireBatch(100);
        assertEquals("EXPIRED", fixtures.status(id));
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("status-EXPIRED\">Expired</span>"), containsString("data-error-code=\"HOLD_EXPIRED\""));
    }

    @Test
    @TestSecurity(user = "p6602", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6602")})
    void aLondonHoldKeepsThePolicysTenMinutes() {
        fixtures.freshPatient(1, 6602);
        long id = fixtures.hold(1, 6602, 201, 101, "2026-03-06T15:00:00Z");
        assertEquals(TestClock.DEFAULT.plus(Duration.ofMinutes(10)), holdExpiresAt(id));
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("10:00</strong> left"), containsString("Held for 10 minutes"));
    }

    private Instant holdExpiresAt(long appointmentId) {
        return sql.one("select hold_expires_at from appointment where id = ?", rs -> Sql.instant(rs, "hold_expires_at"),
                appointmentId).orElseThrow();
    }
}
