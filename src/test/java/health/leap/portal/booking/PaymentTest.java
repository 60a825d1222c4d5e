package health.leap.portal.booking;

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
import java.util.Map;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paying through the sandbox gateway for Physiotherapy (TOKEN GBP 20.00) with Dr Tom Okafor at London Bridge. */
@QuarkusTest
@TestSecurity(user = "p6071", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6071")})
class PaymentTest {

    static final long LEAD = 6071;

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    HoldService holds;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
    }

    long holdPhysio(String utcStart) {
        return holds.hold(1, LEAD, fixtures.slot(202, utcStart), 102, true);
    }

    /** Starts the payment and answers on the sandbox page; returns the signed return address. */
    String payAndAnswer(long appointmentId, String outcome) {
        return SandboxCheckout.answer(SandboxCheckout.start(appointmentId, "GBP 20.00"), outcome);
    }

    static Map<String, String> query(String url) {
        return SandboxCheckout.query(url);
    }

    String status(long appointmentId) {
        return fixtures.status(appointmentId);
    }

    String paymentStatus(long appointmentId) {
        return sql.one("select p.status from appointment a join payment p on p.id = a.payment_id where a.id = ?",
                rs -> rs.getString(1), appointmentId).orElseThrow();
    }

    @Test
    void paidThenConfirmedWithTheReferenceStored() {
        long id = holdPhysio("2026-03-16T10:00:00Z");
        String back = payAndAnswer(id, "SUCCEEDED");
        given().urlEncodingEnabled(false).when().get(back).then().statusCode(303).header("Location", containsString("/appointments/" + id));
        assertEquals("CONFIRMED", status(id));
        assertEquals("SUCCEEDED", paymentStatus(id));
        String reference = sql.one("select p.reference from appointment a join payment p on p.id = a.payment_id where a.id = ?",
                rs -> rs.getString(1), id).orElseThrow();
        given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("Your appointment is confirmed."), containsString(reference));

        // the same answer again changes nothing
        given().urlEncodingEnabled(false).when().get(back).then().statusCode(303);
        assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and to_status = 'CONFIRMED'",
                rs -> rs.getInt(1), id).orElseThrow());
    }

    @Test
    void aFailedOrAbandonedPaymentLeavesTheHoldToTryAgain() {
        long id = holdPhysio("2026-03-16T14:00:00Z");
        given().urlEncodingEnabled(false).when().get(payAndAnswer(id, "FAILED")).then().statusCode(303);
        assertEquals("DRAFT", status(id));
        assertEquals("FAILED", paymentStatus(id));
        given().when().get("/appointments/" + id).then()
                .body(containsString("The last payment did not go through"), containsString("Pay GBP 20.00 and confirm"));
        given().urlEncodingEnabled(false).when().get(payAndAnswer(id, "ABANDONED")).then().statusCode(303);
        assertEquals("DRAFT", status(id));
        assertEquals("ABANDONED", paymentStatus(id));
        given().urlEncodingEnabled(false).when().get(payAndAnswer(id, "SUCCEEDED")).then().statusCode(303);
        assertEquals("CONFIRMED", status(id));
    }

    @Test
    void aForgedAnswerIsRefusedAndChangesNothing() {
        long id = holdPhysio("2026-03-16T15:00:00Z");
        String failed = payAndAnswer(id, "FAILED");
        Map<String, String> answer = query(failed);
        // a failure's signature does not make it a success
        given().queryParam("reference", answer.get("reference")).queryParam("outcome", "SUCCEEDED")
                .queryParam("signature", answer.get("signature"))
                .when().get("/payments/return").then().statusCode(400)
                .body(containsString("data-error-code=\"PAYMENT_UNVERIFIED\""));
        given().queryParam("reference", answer.get("reference")).queryParam("outcome", "SUCCEEDED")
                .queryParam("signature", "00".repeat(32))
                .when().get("/payments/return").then().statusCode(400);
        given().when().get("/payments/return").then().statusCode(400);
        assertEquals("DRAFT", status(id));
        // the forged answers were not recorded; the genuine failure was never delivered
        assertEquals("STARTED", paymentStatus(id));
        // an order the portal did not sign is not shown by the sandbox either
        given().queryParam("reference", "SBX-x").queryParam("amount", "0.01").queryParam("currency", "GBP")
                .queryParam("return", "/payments/return").queryParam("signature", "ab")
                .when().get("/sandbox-gateway/pay").then().statusCode(400);
    }

    @Test
    void oneReferenceNeverConfirmsTwoAppointments() {
        long first = holdPhysio("2026-03-17T10:00:00Z");
        String back = payAndAnswer(first, "SUCCEEDED");
        given().urlEncodingEnabled(false).when().get(back).then().statusCode(303);
        long firstPayment = sql.one("select payment_id from appointment where id = ?", rs -> rs.getLong(1), first).orElseThrow();

        long second = holdPhysio("2026-03-17T14:00:00Z");
        given().urlEncodingEnabled(false).when().get(back).then().statusCode(303).header("Location", containsString("/appointments/" + first));
        assertEquals("DRAFT", status(second));
        Sql.DataAccessException refused = assertThrows(Sql.DataAccessException.class, () ->
                sql.update("update appointment set payment_id = ? where id = ?", firstPayment, second));
        assertTrue(refused.isUniqueViolation());
    }

    @Test
    void aPaymentThatArrivesAfterTheHoldRanOutIsRefunded() {
        long id = holdPhysio("2026-03-17T15:00:00Z");
        String back = payAndAnswer(id, "SUCCEEDED");
        clock.advance(Duration.ofMinutes(11));
        given().urlEncodingEnabled(false).when().get(back).then().statusCode(303);
        assertEquals("DRAFT", status(id));
        assertEquals("INITIATED", sql.one("select r.status from refund r join appointment a on a.payment_id = r.payment_id where a.id = ?",
                rs -> rs.getString(1), id).orElseThrow());
        given().when().get("/appointments/" + id).then().body(containsString("Your hold on this time has run out"));
    }

    @Test
    void nothingToPayForAFreeService() {
        long slot = fixtures.slot(204, "2026-03-18T10:00:00Z");
        long id = holds.hold(1, LEAD, slot, 101, true);
        given().when().post("/appointments/" + id + "/payment").then().statusCode(409)
                .body(containsString("data-error-code=\"NOTHING_TO_PAY\""));
        given().when().get("/sandbox-gateway/pay").then().statusCode(400);
        given().when().get("/payments/return?reference=x&outcome=SUCCEEDED&signature=" + "a".repeat(300))
                .then().statusCode(400).body(startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aPaymentThatArrivesAfterTheSameDayCutoffIsRefundedNotLost() {
        // held at 11:55 for 16:00 today; the patient pays at 12:01, after the noon cutoff
        clock.set(Instant.parse("2026-03-02T11:55:00Z"));
        long id = holdPhysio("2026-03-02T16:00:00Z");
        String back = payAndAnswer(id, "SUCCEEDED");
        clock.set(Instant.parse("2026-03-02T12:01:00Z"));
        given().urlEncodingEnabled(false).when().get(back).then().statusCode(303);
        assertEquals("DRAFT", status(id));
        assertEquals("SUCCEEDED", paymentStatus(id));
        assertEquals("INITIATED", sql.one("select r.status from refund r join appointment a on a.payment_id = r.payment_id where a.id = ?",
                rs -> rs.getString(1), id).orElseThrow());
    }
}
