package health.leap.portal.staff;

import health.leap.portal.booking.ConfirmService;
import health.leap.portal.booking.HoldService;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Staff of Harbour Health (tenant 1) approve and decline bookings with Dr Sofia Lindqvist, who needs approval. */
@QuarkusTest
class ApprovalTest {

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    HoldService holds;
    @Inject
    ConfirmService confirmations;

    @BeforeEach
    void setUp() {
        clock.reset();
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    /** A PENDING_APPROVAL dermatology review (ADVANCE 45.00, paid) for a new patient of tenant 1. */
    long pendingPaidBooking(long lead, String utcStart) {
        sql.update("insert into lead (id, tenant_id, name) values (?, 1, ?) on conflict (id) do nothing", lead, "Patient " + lead);
        long slot = sql.one("select id from slot where doctor_id = 203 and starts_at = ?", rs -> rs.getLong(1),
                Instant.parse(utcStart)).orElseThrow();
        long id = holds.hold(1, lead, slot, 103, true);
        markPaid(lead, id);
        assertEquals("PENDING_APPROVAL", confirmations.confirm(1, lead, id, null).name());
        return id;
    }

    @Transactional
    void markPaid(long lead, long appointmentId) {
        long payment = sql.one("""
                insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at, completed_at)
                values (1, ?, ?, 45.00, 'GBP', ?, 'SUCCEEDED', ?, ?) returning id""", rs -> rs.getLong(1),
                lead, appointmentId, "SBX-TEST-" + appointmentId, clock.instant(), clock.instant()).orElseThrow();
        sql.update("update appointment set payment_id = ? where id = ?", payment, appointmentId);
    }

    String status(long id) {
        return sql.one("select status from appointment where id = ?", rs -> rs.getString(1), id).orElseThrow();
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void staffSeeTheirTenantsQueueAndApprove() {
        long id = pendingPaidBooking(6081, "2026-03-19T10:00:00Z");
        given().when().get("/staff/approvals").then().statusCode(200)
                .body(containsString("Patient 6081"), containsString("Thu 19 Mar 2026, 10:00 GMT"),
                        containsString("Paid online: GBP 45.00"), not(containsString("Maya Johnson")));
        given().header("HX-Request", "true").when().get("/staff/approvals").then().statusCode(200)
                .body(not(containsString("<html")), containsString("id=\"approval-queue\""));

        given().when().post("/staff/approvals/" + id + "/approve").then().statusCode(303);
        assertEquals("CONFIRMED", status(id));
        assertEquals("staff.harbour", sql.one("select actor_id from appointment_event where appointment_id = ? and actor_type = 'STAFF'",
                rs -> rs.getString(1), id).orElseThrow());
        // approving again, from an old page, changes nothing
        given().when().post("/staff/approvals/" + id + "/approve").then().statusCode(409)
                .body(containsString("data-error-code=\"INVALID_STATE\""));
        given().when().post("/staff/approvals/" + id + "/decline").then().statusCode(409);
        assertEquals("CONFIRMED", status(id));
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void declineCancelsAndRefunds() {
        long id = pendingPaidBooking(6082, "2026-03-19T10:30:00Z");
        // the patient is told why: no reason, no decline
        given().when().post("/staff/approvals/" + id + "/decline").then().statusCode(400)
                .body(containsString("data-error-code=\"REASON_REQUIRED\""));
        assertEquals("PENDING_APPROVAL", status(id));
        given().formParam("reason", "x".repeat(501)).when().post("/staff/approvals/" + id + "/decline").then().statusCode(400);
        given().header("HX-Request", "true").formParam("reason", "The doctor needs to see a referral letter first.")
                .when().post("/staff/approvals/" + id + "/decline").then().statusCode(200)
                // the queue is the only region showing the booking: no event for others
                .header("HX-Trigger", nullValue()).body(not(containsString("Patient 6082")));
        assertEquals("The doctor needs to see a referral letter first.", sql.one(
                "select cancel_reason from appointment where id = ?", rs -> rs.getString(1), id).orElseThrow());
        assertEquals("CANCELLED", status(id));
        assertEquals("INITIATED", sql.one("select r.status from refund r join appointment a on a.payment_id = r.payment_id where a.id = ?",
                rs -> rs.getString(1), id).orElseThrow());
        assertEquals("STAFF", sql.one("select actor_type from appointment_event where appointment_id = ? and to_status = 'CANCELLED'",
                rs -> rs.getString(1), id).orElseThrow());
    }

    @Test
    @TestSecurity(user = "staff.sunrise", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2")})
    void staffOfAnotherTenantAreRefused() {
        long id = pendingPaidBooking(6083, "2026-03-19T11:00:00Z");
        given().when().get("/staff/approvals").then().statusCode(200).body(not(containsString("Patient 6083")));
        given().when().post("/staff/approvals/" + id + "/approve").then().statusCode(403);
        given().when().post("/staff/approvals/" + id + "/decline").then().statusCode(403);
        given().when().post("/staff/approvals/987654321/approve").then().statusCode(404);
        given().when().post("/staff/approvals/abc/approve").then().statusCode(400);
        assertEquals("PENDING_APPROVAL", status(id));
    }

    @Test
    @TestSecurity(user = "amelia", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "1")})
    void patientsCannotApprove() {
        long id = pendingPaidBooking(6084, "2026-03-19T11:30:00Z");
        given().when().get("/staff/approvals").then().statusCode(403);
        given().when().post("/staff/approvals/" + id + "/approve").then().statusCode(403);
        assertEquals("PENDING_APPROVAL", status(id));
    }
}
