package health.leap.portal.booking;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * No surprise timeouts: the held time's page carries the two warnings (two minutes and one minute
 * before the end) for a polite live region, and offers to keep the time once more when the clinic
 * allows it, in the last two minutes only (kept at once, every hold would last twice its length).
 * Keeping it is a compare-and-set: once per allowance, never after the hold has passed.
 * Doctor 204 at London Bridge (centre 1), Friday 27 March afternoon; patients 7311 and 7312.
 */
@QuarkusTest
class HoldExtensionTest {

    static final long LEAD = 7311;
    static final long OTHER = 7312;

    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    HoldService holds;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
        fixtures.freshPatient(1, OTHER);
    }

    @AfterEach
    void policyBack() {
        sql.update("update centre_booking_policy set hold_extensions = null where centre_id = 1");
        sql.update("update appointment set status = 'CANCELLED' where lead_id in (?, ?) and status = 'DRAFT'", LEAD, OTHER);
    }

    Instant expiry(long id) {
        return sql.one("select hold_expires_at from appointment where id = ?", rs -> rs.getTimestamp(1).toInstant(), id)
                .orElseThrow();
    }

    @Test
    @TestSecurity(user = "p7311", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7311")})
    void theHeldTimeWarnsAndIsKeptOnceMore() {
        long id = fixtures.hold(1, LEAD, 204, 101, "2026-03-27T14:00:00Z");
        Instant until = expiry(id);
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(allOf(containsString("data-hold-announce"), containsString("aria-live=\"polite\""),
                        containsString("data-warn-text=\"120\""), containsString("data-warn-text=\"60\""),
                        containsString("/appointments/" + id + "/extend"),
                        // for the countdown to show in two minutes; without scripts, not yet
                        containsString("data-hold-warning hidden")));
        given().header("Accept-Language", "es").when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("data-warn-text=\"120\""), containsString("termina en 2 minutos"),
                        not(containsString("ends in 2 minutes")));

        clock.advance(Duration.ofMinutes(9));
        given().header("HX-Request", "true").when().post("/appointments/" + id + "/extend").then().statusCode(200)
                .body(containsString("id=\"appointment\""), not(containsString("/appointments/" + id + "/extend")));
        assertEquals(until.plus(Duration.ofMinutes(10)), expiry(id), "kept for one more hold length");
        assertEquals(1, sql.one("select hold_extensions_used from appointment where id = ?", rs -> rs.getInt(1), id).orElseThrow());
        assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and from_status = 'DRAFT' "
                + "and to_status = 'DRAFT'", rs -> rs.getInt(1), id).orElseThrow(), "the timeline says the hold was kept");

        // once only, by default
        given().when().post("/appointments/" + id + "/extend").then().statusCode(409)
                .body(containsString("data-error-code=\"" + ErrorCode.HOLD_EXTENSION_USED + "\""));
        assertEquals(until.plus(Duration.ofMinutes(10)), expiry(id));
        // the hold still lasts: it can be confirmed
        given().when().post("/appointments/" + id + "/confirm").then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(id));
    }

    @Test
    @TestSecurity(user = "p7311", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7311")})
    void aHoldIsKeptLongerOnlyInItsLastTwoMinutes() {
        long id = fixtures.hold(1, LEAD, 204, 101, "2026-03-27T16:30:00Z");
        Instant until = expiry(id);
        // the moment it is made, and two minutes and a second before its end
        given().when().post("/appointments/" + id + "/extend").then().statusCode(409)
                .body(containsString("data-error-code=\"" + ErrorCode.HOLD_EXTENSION_NOT_YET + "\""),
                        containsString("only in the last two minutes of its hold"));
        clock.set(until.minus(Duration.ofMinutes(2)).minusSeconds(1));
        given().header("HX-Request", "true").when().post("/appointments/" + id + "/extend").then().statusCode(409)
                .body(containsString("data-error-code=\"" + ErrorCode.HOLD_EXTENSION_NOT_YET + "\""));
        given().header("Accept-Language", "es").when().post("/appointments/" + id + "/extend").then().statusCode(409)
                .body(containsString("en los dos últimos minutos"));
        assertEquals(until, expiry(id), "not kept");
        assertEquals(0, sql.one("select hold_extensions_used from appointment where id = ?", rs -> rs.getInt(1), id).orElseThrow());

        // two minutes before its end the page arrives with the offer shown, scripts or not, and keeping it works
        clock.set(until.minus(Duration.ofMinutes(2)));
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("data-hold-warning>"), not(containsString("data-hold-warning hidden")),
                        containsString("/appointments/" + id + "/extend"));
        given().when().post("/appointments/" + id + "/extend").then().statusCode(303);
        assertEquals(until.plus(Duration.ofMinutes(10)), expiry(id));
    }

    @Test
    @TestSecurity(user = "p7311", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7311")})
    void aHoldThatHasPassedIsNotKept() {
        long id = fixtures.hold(1, LEAD, 204, 101, "2026-03-27T14:30:00Z");
        Instant until = expiry(id);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        given().when().post("/appointments/" + id + "/extend").then().statusCode(409)
                .body(containsString("data-error-code=\"HOLD_EXPIRED\""));
        assertEquals(until, expiry(id));
        assertEquals(0, sql.one("select hold_extensions_used from appointment where id = ?", rs -> rs.getInt(1), id).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p7311", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7311")})
    void aCentreThatAllowsNoExtensionOffersNone() {
        sql.update("""
                insert into centre_booking_policy (centre_id, tenant_id, hold_extensions) values (1, 1, 0)
                on conflict (centre_id) do update set hold_extensions = 0""");
        long id = fixtures.hold(1, LEAD, 204, 101, "2026-03-27T15:00:00Z");
        Instant until = expiry(id);
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("data-warn-text=\"60\""), not(containsString("/appointments/" + id + "/extend")));
        given().when().post("/appointments/" + id + "/extend").then().statusCode(409)
                .body(containsString("data-error-code=\"HOLD_EXTENSION_USED\""));
        assertEquals(until, expiry(id));
    }

    @Test
    @TestSecurity(user = "p7312", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7312")})
    void nobodyKeepsSomeoneElsesHold() {
        long id = fixtures.hold(1, LEAD, 204, 101, "2026-03-27T15:30:00Z");
        Instant until = expiry(id);
        given().when().post("/appointments/" + id + "/extend").then().statusCode(403);
        assertEquals(until, expiry(id));
    }

    @Test
    void twoClicksAtOnceKeepTheTimeOnce() throws Exception {
        long id = fixtures.hold(1, LEAD, 204, 101, "2026-03-27T16:00:00Z");
        Instant until = expiry(id);
        clock.set(until.minusSeconds(90));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<String> click = () -> {
            try {
                holds.extend(1, LEAD, id);
                return "kept";
            } catch (Problem refused) {
                return refused.code().name();
            }
        };
        List<Future<String>> both = pool.invokeAll(List.of(click, click));
        pool.shutdown();
        List<String> outcomes = List.of(both.get(0).get(), both.get(1).get());
        assertEquals(1, outcomes.stream().filter("kept"::equals).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter("HOLD_EXTENSION_USED"::equals).count(), outcomes.toString());
        assertEquals(until.plus(Duration.ofMinutes(10)), expiry(id));
        Problem again = assertThrows(Problem.class, () -> holds.extend(1, LEAD, id));
        assertEquals(ErrorCode.HOLD_EXTENSION_USED, again.code());
    }
}
