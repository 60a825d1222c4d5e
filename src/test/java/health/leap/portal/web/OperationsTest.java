package health.leap.portal.web;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the people who run the portal see: the booking counters and route latencies at /q/metrics on
 * the management port (and nothing of them on the patients' port),
 * readiness that includes the database and the identity provider, a request id on every answer; and
 * what a patient sees of operations: a sign-out that only a POST from the portal's own page can do,
 * and the sandbox gateway named on every page while it runs.
 */
@QuarkusTest
class OperationsTest {

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, 9501);
        fixtures.freshPatient(1, 9502);
    }

    static String metrics() {
        return Metrics.scrape();
    }

    /** The sum of a Prometheus series over the lines whose labels hold every one of {@code labels}. */
    static double value(String metrics, String name, String... labels) {
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*\\})?\\s+(\\S+)$").matcher(metrics);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    @Test
    @TestSecurity(user = "p9501", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9501")})
    void aHoldAConfirmationAndALostTimeShowInTheCounters() {
        String before = metrics();
        long slot = fixtures.slot(204, "2026-03-12T15:00:00Z");
        String location = given().formParam("slot", slot).formParam("service", 101).when().post("/appointments")
                .then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        given().when().post("/appointments/" + id + "/confirm").then().statusCode(303);
        // a second click confirms nothing new, and counts nothing new
        given().when().post("/appointments/" + id + "/confirm").then().statusCode(303);
        // another patient holds the next time a moment earlier: this patient loses it
        long taken = fixtures.slot(204, "2026-03-12T15:30:00Z");
        fixtures.hold(1, 9502, 204, 101, "2026-03-12T15:30:00Z");
        given().formParam("slot", taken).formParam("service", 101).when().post("/appointments")
                .then().statusCode(409).body(containsString("data-error-code=\"SLOT_TAKEN\""));
        given().when().get("/appointments/not-a-number").then().statusCode(400);

        String after = metrics();
        assertEquals(1, value(after, "portal_holds_total") - value(before, "portal_holds_total"), "holds");
        assertEquals(1, value(after, "portal_confirmations_total", "status=\"CONFIRMED\"")
                - value(before, "portal_confirmations_total", "status=\"CONFIRMED\""), "confirmations");
        assertEquals(1, value(after, "portal_refusals_total", "code=\"SLOT_TAKEN\"")
                - value(before, "portal_refusals_total", "code=\"SLOT_TAKEN\""), "SLOT_TAKEN refusals");
        assertEquals(1, value(after, "portal_slot_conflicts_total") - value(before, "portal_slot_conflicts_total"), "slot conflicts");
        assertTrue(value(after, "portal_refusals_total", "code=\"BAD_REQUEST\"")
                > value(before, "portal_refusals_total", "code=\"BAD_REQUEST\""), "BAD_REQUEST refusals");
        // latency per route, by its template (never the booking's id), and the connection pool
        assertTrue(value(after, "http_server_requests_seconds_count", "uri=\"/appointments/{id}/confirm\"", "method=\"POST\"") >= 1,
                "route latency of confirm");
        assertTrue(!after.contains("uri=\"/appointments/" + id), "no booking id in a metric's labels");
        assertTrue(after.contains("agroal_active_count"), "connection pool metrics");
    }

    @Test
    void theMetricsAreNotOnThePatientsPort() {
        RestAssured.given().redirects().follow(false).when().get("/q/metrics").then().statusCode(404);
        RestAssured.given().redirects().follow(false).when().get("/q/metrics/extra").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "p9501", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9501")})
    void aPathAPatientTypesAddsNoLabelToTheMetrics() {
        given().when().get("/appointments/typed-by-hand-7f3a/nowhere").then().statusCode(404);
        given().when().get("/family/typed-by-hand-8c2e/appointments").then().statusCode(400);
        given().when().get("/family/typed-by-hand-9d4b/nowhere").then().statusCode(404);
        String after = metrics();
        assertTrue(!after.contains("typed-by-hand"), "a typed path became a label");
        assertTrue(value(after, "http_server_requests_seconds_count", "uri=\"/family/{lead}/appointments\"", "status=\"400\"") >= 1,
                "the refused family page is counted under its route");
    }

    @Test
    void readinessIncludesTheDatabaseAndTheIdentityProviderAndLivenessAnswers() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "OIDC Provider Health Check"));
        RestAssured.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void everyAnswerCarriesARequestIdAndAProxysIdIsKept() {
        RestAssured.given().when().get("/q/health/live").then().header(RequestIds.HEADER, matchesPattern("[0-9a-f]{24}"));
        RestAssured.given().header(RequestIds.HEADER, "edge-7f3a9c21").when().get("/q/health/live")
                .then().header(RequestIds.HEADER, equalTo("edge-7f3a9c21"));
        // something that is no id (a line break, markup) is replaced, never echoed
        RestAssured.given().header(RequestIds.HEADER, "<script>alert(1)</script>").when().get("/q/health/live")
                .then().header(RequestIds.HEADER, matchesPattern("[0-9a-f]{24}"));
    }

    @Test
    @TestSecurity(user = "p9502", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9502")})
    void aPeekAtAnotherPatientsBookingIsLoggedWithTheRequestId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ErrorPages.class.getName());
        logger.addHandler(capture);
        try {
            // Amelia's appointment 501, asked for by another patient of her clinic
            given().header(RequestIds.HEADER, "qa-run-7f3a9c21").when().get("/appointments/501")
                    .then().statusCode(403).header(RequestIds.HEADER, equalTo("qa-run-7f3a9c21"));
        } finally {
            logger.removeHandler(capture);
        }
        ExtLogRecord refused = records.stream().filter(r -> r.getFormattedMessage().contains("Refused GET /appointments/501"))
                .findFirst().orElseThrow(() -> new AssertionError("no log line for the refusal: " + records));
        assertTrue(refused.getFormattedMessage().contains("FORBIDDEN (403)"), refused.getFormattedMessage());
        assertEquals("qa-run-7f3a9c21", refused.getMdc(RequestIds.MDC_KEY), "the request id on the line");
    }

    @Test
    @TestSecurity(user = "p9502", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9502")})
    void signingOutIsAPostFromThePortalsOwnPage() {
        given().when().get("/doctors").then().statusCode(200)
                .body(containsString("<form class=\"logout\" method=\"post\" action=\"/logout\">"),
                        not(containsString("href=\"/logout\"")));
        // a link from anywhere (GET) only shows the button
        given().when().get("/logout").then().statusCode(200)
                .body(containsString("Log out of the portal on this device?"), containsString("method=\"post\" action=\"/logout\""));
        // a form on another site has no CSRF token
        RestAssured.given().contentType("application/x-www-form-urlencoded").formParam("x", "1").when().post("/logout")
                .then().statusCode(400).body(containsString("data-error-code=\"CSRF_TOKEN_INVALID\""));
        // the portal's own button: the session ends (a test identity has none at the provider), back home
        given().contentType("application/x-www-form-urlencoded").formParam("x", "1").when().post("/logout")
                .then().statusCode(303).header("Location", matchesPattern("http://localhost:\\d+/"));
    }

    @Test
    @TestSecurity(user = "p9502", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9502")})
    void whileTheSandboxRunsEveryPageSaysNoMoneyMoves() {
        for (String page : new String[] {"/", "/doctors", "/appointments", "/packages", "/appointments/999999999"}) {
            given().when().get(page).then().body(containsString("no real money moves on this portal"),
                    // chosen in the demo profile, not on purpose in production: nothing more to say
                    not(containsString("data-sandbox-in-production")));
        }
    }
}
