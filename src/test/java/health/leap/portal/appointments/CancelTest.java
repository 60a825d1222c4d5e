package health.leap.portal.appointments;

import health.leap.portal.booking.ConfirmService;
import health.leap.portal.booking.HoldService;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A patient (lead 6101, Harbour Health) cancelling; default window 24 h before the start. */
@QuarkusTest
@TestSecurity(user = "p6101", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6101")})
class CancelTest {

    static final long LEAD = 6101;

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    HoldService holds;
    @Inject
    ConfirmService confirmations;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
    }

    long confirmed(long doctor, long service, String utcStart) {
        return fixtures.confirmed(1, LEAD, doctor, service, utcStart);
    }

    String status(long id) {
        return fixtures.status(id);
    }

    @Test
    void cancelWithAReasonUntilTheWindowClosesToTheMinute() {
        long id = confirmed(204, 101, "2026-03-26T10:00:00Z");
        clock.set(Instant.parse("2026-03-25T10:01:00Z"));
        given().when().get("/appointments/" + id).then()
                .body(containsString("Bookings can be cancelled online up to 24 hours before they start."
                                + " Please call London Bridge on 020 7946 0018."),
                        not(containsString("Cancel booking")));
        // the refusal names the booking's centre and its number, for the patient to call instead
        given().formParam("reason", "Too late").when().post("/appointments/" + id + "/cancel").then().statusCode(422)
                .body(containsString("data-error-code=\"CANCELLATION_WINDOW_CLOSED\""),
                        containsString("Please call London Bridge on 020 7946 0018."));
        assertEquals("CONFIRMED", status(id));

        clock.set(Instant.parse("2026-03-25T10:00:00Z"));
        given().when().get("/appointments/" + id).then().body(containsString("Cancel booking"),
                containsString("Reason for cancelling (optional)"));
        given().formParam("reason", "Feeling <b>better</b>").when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        assertEquals("CANCELLED", status(id));
        assertEquals("Feeling <b>better</b>", sql.one("select cancel_reason from appointment where id = ?",
                rs -> rs.getString(1), id).orElseThrow());
        given().when().get("/appointments/" + id).then()
                .body(containsString("Feeling &lt;b&gt;better&lt;/b&gt;"), not(containsString("<b>better</b>")));
        assertEquals("PATIENT", sql.one("select actor_type from appointment_event where appointment_id = ? and to_status = 'CANCELLED'",
                rs -> rs.getString(1), id).orElseThrow());

        // the same cancel replayed from the old page
        given().when().post("/appointments/" + id + "/cancel").then().statusCode(409)
                .body(containsString("data-error-code=\"INVALID_STATE\""));
    }

    @Test
    void aHoldCanAlwaysBeReleasedEvenInsideTheWindow() {
        long slot = fixtures.slot(204, "2026-03-02T14:00:00Z");
        long id = holds.hold(1, LEAD, slot, 101, true);
        given().header("HX-Request", "true").when().post("/appointments/" + id + "/cancel").then().statusCode(200)
                .header("HX-Trigger", nullValue()).body(not(containsString("<html")), containsString("Cancelled"));
        assertEquals("CANCELLED", status(id));
    }

    @Test
    void aPaidBookingIsRefundedAndShowsIt() {
        long slot = fixtures.slot(204, "2026-03-27T10:00:00Z");
        long id = holds.hold(1, LEAD, slot, 104, true);
        long payment = sql.one("""
                insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at)
                values (1, ?, ?, 240.00, 'GBP', ?, 'SUCCEEDED', now()) returning id""", rs -> rs.getLong(1),
                LEAD, id, "SBX-CANCEL-" + id).orElseThrow();
        sql.update("update appointment set payment_id = ? where id = ?", payment, id);
        confirmations.confirm(1, LEAD, id, null);
        given().when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        given().when().get("/appointments/" + id).then().body(containsString("Refund of GBP 240.00 on its way"));
        assertEquals("240.000", sql.one("select amount::text from refund where payment_id = ?", rs -> rs.getString(1), payment).orElseThrow());
    }

    @Test
    void cancellingGivesThePackageSessionBack() {
        long pkg = sql.one("""
                insert into patient_package (tenant_id, lead_id, package_id, status, sessions_total, sessions_used,
                                             valid_from, valid_until, purchased_at)
                values (1, ?, 303, 'ACTIVE', 2, 1, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z', '2026-01-01T00:00:00Z')
                returning id""", rs -> rs.getLong(1), LEAD).orElseThrow();
        long slot = fixtures.slot(204, "2026-03-27T10:30:00Z");
        long id = holds.hold(1, LEAD, slot, 101, true);
        confirmations.confirm(1, LEAD, id, pkg);
        assertEquals("EXHAUSTED", sql.one("select status from patient_package where id = ?", rs -> rs.getString(1), pkg).orElseThrow());
        given().when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        assertEquals("ACTIVE 1", sql.one("select status || ' ' || sessions_used from patient_package where id = ?",
                rs -> rs.getString(1), pkg).orElseThrow());
    }

    @Test
    void refusedStatesInputAndOtherPatients() {
        long id = confirmed(204, 101, "2026-03-30T09:00:00Z");
        given().formParam("reason", "x".repeat(501)).when().post("/appointments/" + id + "/cancel").then().statusCode(400)
                .body(containsString("at most 500 characters"));
        assertEquals("CONFIRMED", status(id));
        clock.advance(Duration.ofDays(40));
        sql.update("update appointment set status = 'COMPLETED' where id = ?", id);
        given().when().post("/appointments/" + id + "/cancel").then().statusCode(409)
                .body(containsString("This booking is completed, so it cannot be cancelled."));
        given().when().post("/appointments/501/cancel").then().statusCode(403);
        given().when().post("/appointments/987654321/cancel").then().statusCode(404);
        given().when().post("/appointments/-4/cancel").then().statusCode(400);
    }
}
