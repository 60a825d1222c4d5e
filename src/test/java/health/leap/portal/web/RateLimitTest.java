package health.leap.portal.web;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.QaSettings;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SPEC's budgets per signed-in patient: 120 requests and 20 writes a minute, then 429 with
 * Retry-After and a page that says how long to wait. Time is the test clock: moving it a minute on
 * gives the budget back, and the cleanup deletes the rows of budgets that are full again. (Other
 * route tests run with the limits raised; see application.properties.)
 */
@QuarkusTest
@TestProfile(QaSettings.class)
@Order(Integer.MAX_VALUE)
class RateLimitTest {

    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    RateLimits limits;

    @Test
    @TestSecurity(user = "p6811", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6811")})
    void aHundredAndTwentyRequestsAMinuteThenAFriendly429() {
        fixtures.freshPatient(1, 6811);
        for (int i = 1; i <= 120; i++) {
            given().when().get("/packages").then().statusCode(200);
        }
        given().when().get("/packages").then().statusCode(429)
                .header("Retry-After", equalTo("1"))
                .body(containsString("data-error-code=\"RATE_LIMITED\""), containsString("Please wait 1 second and try again."),
                        containsString("<h1>Please wait a moment</h1>"),
                        // refused before the caller is resolved, and still the help line of every page of the clinic (3.2.6)
                        containsString("<p data-help>Need help with a booking? Call Dublin Docklands 01 555 0134,"
                                + " London Bridge 020 7946 0018 or Manchester Piccadilly 0161 496 0027:"
                                + " the front desk can book, move or cancel for you.</p>"));
        given().header("HX-Request", "true").when().get("/packages").then().statusCode(429)
                .body(containsString("data-error-code=\"RATE_LIMITED\""), not(containsString("<html")));

        clock.advance(Duration.ofMinutes(1));
        given().when().get("/packages").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "p6812", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6812")})
    void twentyWritesAMinuteAndARefusedWriteChangesNothing() {
        fixtures.freshPatient(1, 6812);
        for (int i = 1; i <= 20; i++) {
            given().formParam("reason", "x").when().post("/appointments/999999/cancel").then().statusCode(404);
        }
        long spent = tat("writes:p6812");
        long slot = fixtures.slot(204, "2026-03-20T14:00:00Z");
        given().formParam("slot", slot).formParam("service", 101).when().post("/appointments").then().statusCode(429)
                .header("Retry-After", equalTo("3"))
                .body(containsString("data-error-code=\"RATE_LIMITED\""), containsString("Please wait 3 seconds"));
        assertEquals(0L, drafts(6812));
        // a refusal spends nothing: the next one waits no longer
        given().formParam("reason", "x").when().post("/appointments/999999/cancel").then().statusCode(429)
                .header("Retry-After", equalTo("3"));
        assertEquals(spent, tat("writes:p6812"));
        // reads are a budget of their own
        given().when().get("/appointments").then().statusCode(200);

        clock.advance(Duration.ofSeconds(3));
        given().formParam("slot", slot).formParam("service", 101).when().post("/appointments").then().statusCode(303);
        assertEquals(1L, drafts(6812));
    }

    @Test
    @TestSecurity(user = "p6813", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6813")})
    void whenTheLimiterCannotDecideAWriteIsRefusedAndReadsGoOn() {
        fixtures.freshPatient(1, 6813);
        long slot = fixtures.slot(204, "2026-03-20T15:00:00Z");
        sql.update("alter table rate_limit rename to rate_limit_away");
        try {
            given().formParam("slot", slot).formParam("service", 101).when().post("/appointments").then().statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body(containsString("data-error-code=\"RATE_LIMIT_UNAVAILABLE\""));
            given().when().get("/appointments").then().statusCode(200);
        } finally {
            sql.update("alter table rate_limit_away rename to rate_limit");
        }
        assertEquals(0L, drafts(6813));
    }

    @Test
    void theCleanupForgetsRowsBackToAFullBudgetAndKeepsTheOthers() {
        assertTrue(limits.write("cleanup-a").allowed());
        assertTrue(limits.write("cleanup-b").allowed());
        assertTrue(limits.write("cleanup-b").allowed());
        assertEquals(List.of("writes:cleanup-a", "writes:cleanup-b"), rows("writes:cleanup-%"));

        // a's one write is 3 s of budget, b's two are 6 s
        clock.advance(Duration.ofSeconds(3));
        limits.forgetFullBudgets();
        assertEquals(List.of("writes:cleanup-b"), rows("writes:cleanup-%"));

        clock.advance(Duration.ofSeconds(3));
        assertEquals(1, limits.forgetFullBudgets(1), "a batch is bounded");
        limits.forgetFullBudgets();
        assertEquals(List.of(), rows("writes:cleanup-%"));
        // a forgotten row is a full budget
        for (int i = 1; i <= 20; i++) {
            assertTrue(limits.write("cleanup-b").allowed());
        }
        assertEquals(new RateLimits.Decision(false, Duration.ofSeconds(3)), limits.write("cleanup-b"));
    }

    @Test
    void aBudgetSpentByAClockThatHasSinceGoneBackIsFullAgain() {
        clock.advance(Duration.ofHours(1));
        for (int i = 1; i <= 20; i++) {
            assertTrue(limits.write("clock-back").allowed());
        }
        for (int i = 1; i <= 120; i++) {
            assertTrue(limits.request("clock-back").allowed());
        }
        assertEquals(new RateLimits.Decision(false, Duration.ofSeconds(3)), limits.write("clock-back"));
        assertFalse(limits.request("clock-back").allowed());
        // an hour back: what was spent "in the future" does not lock the caller out for an hour
        clock.advance(Duration.ofHours(-1));
        assertTrue(limits.write("clock-back").allowed());
        assertTrue(limits.request("clock-back").allowed());
        // and the budget counts from here, as usual
        for (int i = 2; i <= 20; i++) {
            assertTrue(limits.write("clock-back").allowed());
        }
        assertEquals(new RateLimits.Decision(false, Duration.ofSeconds(3)), limits.write("clock-back"));
    }

    private long tat(String id) {
        return sql.one("select tat_ms from rate_limit where id = ?", rs -> rs.getLong(1), id).orElseThrow();
    }

    private List<String> rows(String idLike) {
        return sql.list("select id from rate_limit where id like ? order by id", rs -> rs.getString(1), idLike);
    }

    private long drafts(long lead) {
        return sql.one("select count(*) from appointment where lead_id = ? and status = 'DRAFT'", rs -> rs.getLong(1), lead)
                .orElseThrow();
    }
}
