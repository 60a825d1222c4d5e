package health.leap.portal.payment;

import health.leap.portal.appointments.CancelService;
import health.leap.portal.booking.HoldService;
import health.leap.portal.booking.SandboxCheckout;
import health.leap.portal.gateway.PaymentGateway;
import health.leap.portal.gateway.SandboxGateway;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Money settles: refunds go INITIATED → COMPLETED or FAILED as the sandbox gateway reports, and no
 * payment stays STARTED for ever. Physiotherapy (TOKEN GBP 20.00) with Dr Tom Okafor (202) at London
 * Bridge, patients 6921–6929, at the test clock (Monday 2 March 2026, 08:00 GMT) unless moved.
 */
@QuarkusTest
class MoneySettlesTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    Sql sql;
    @Inject
    HoldService holds;
    @Inject
    CancelService cancellations;
    @Inject
    PaymentService payments;
    @Inject
    RefundSettlement settlement;
    @Inject
    PaymentSweep sweep;
    @Inject
    SandboxGateway sandbox;

    /** A physiotherapy session held, paid in the sandbox and confirmed through the pages. */
    long paidBooking(long lead, String utcStart) {
        long id = holds.hold(1, lead, fixtures.slot(202, utcStart), 102, true);
        given().urlEncodingEnabled(false).when().get(SandboxCheckout.answer(SandboxCheckout.start(id, "GBP 20.00"), "SUCCEEDED"))
                .then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(id));
        return id;
    }

    /** The same, made and cancelled by the services, for tests whose caller is not the patient. */
    long cancelledPaidBooking(long lead, String utcStart) {
        long id = holds.hold(1, lead, fixtures.slot(202, utcStart), 102, true);
        QuarkusTransaction.requiringNew().run(() -> {
            long payment = sql.one("""
                    insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at, completed_at)
                    values (1, ?, ?, 20.00, 'GBP', ?, 'SUCCEEDED', ?, ?) returning id""", rs -> rs.getLong(1),
                    lead, id, "SBX-TEST-" + id, clock.instant(), clock.instant()).orElseThrow();
            sql.update("update appointment set payment_id = ? where id = ?", payment, id);
        });
        cancellations.cancel(1, lead, id, null);
        return id;
    }

    String refund(long appointmentId, String column) {
        return sql.one("select r." + column + "::text from refund r join appointment a on a.payment_id = r.payment_id where a.id = ?",
                rs -> rs.getString(1), appointmentId).orElseThrow();
    }

    String paymentStatus(long appointmentId) {
        return sql.one("select p.status from payment p where p.appointment_id = ? order by p.id desc limit 1",
                rs -> rs.getString(1), appointmentId).orElseThrow();
    }

    @Test
    @TestSecurity(user = "p6921", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6921")})
    void aRefundCompletesWhenTheGatewaySettlesItAndThePatientSeesWhen() {
        fixtures.freshPatient(1, 6921);
        long id = paidBooking(6921, "2026-03-19T14:00:00Z");
        given().formParam("reason", "Feeling better").when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        assertEquals("INITIATED", refund(id, "status"));
        given().when().get("/appointments/" + id).then()
                .body(containsString("data-refund-status=\"INITIATED\""), containsString("Refund of GBP 20.00 on its way"));

        // the sandbox settles a refund a minute after it was asked for
        assertEquals(0, settlement.settleBatch(RefundSettlement.BATCH));
        assertEquals("INITIATED", refund(id, "status"));
        clock.advance(Duration.ofMinutes(1));
        settlement.settleBatch(RefundSettlement.BATCH);
        assertEquals("COMPLETED", refund(id, "status"));
        given().when().get("/appointments/" + id).then()
                .body(containsString("data-refund-status=\"COMPLETED\""),
                        containsString("Refund of GBP 20.00 completed on <time datetime=\"2026-03-02T08:01:00Z\">Mon 2 Mar 2026, 08:01 GMT (Europe/London)</time>."),
                        containsString("Refund of GBP 20.00 completed</li>"), not(containsString("Cancelled → Cancelled")));
        // settled once: asking again changes nothing
        settlement.settleBatch(RefundSettlement.BATCH);
        assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and detail like 'refund-completed:%'",
                rs -> rs.getInt(1), id).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p6922", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6922")})
    void aFailedRefundTellsThePatientTheClinicWillContactThem() {
        fixtures.freshPatient(1, 6922);
        long id = paidBooking(6922, "2026-03-19T15:00:00Z");
        given().when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        assertTrue(sandbox.settleRefund(refund(id, "reference"), PaymentGateway.RefundOutcome.FAILED));
        settlement.settleBatch(RefundSettlement.BATCH);
        assertEquals("FAILED", refund(id, "status"));
        given().when().get("/appointments/" + id).then()
                .body(containsString("data-refund-status=\"FAILED\""), containsString("Refund failed: the clinic will contact you"),
                        containsString("Refund of GBP 20.00 failed: the clinic will contact you</li>"));
    }

    @Test
    @TestSecurity(user = "staff.harbour", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void qaSettlesOrFailsARefundOnTheSandboxPage() {
        fixtures.freshPatient(1, 6923);
        long completes = cancelledPaidBooking(6923, "2026-03-19T16:00:00Z");
        long fails = cancelledPaidBooking(6923, "2026-03-19T10:00:00Z");
        given().when().get("/sandbox-gateway/refunds").then().statusCode(200)
                .body(containsString("SANDBOX payment gateway"), containsString("GBP 20.00 for booking #" + completes),
                        containsString("GBP 20.00 for booking #" + fails));

        given().formParam("outcome", "COMPLETED").when().post("/sandbox-gateway/refunds/" + refund(completes, "reference"))
                .then().statusCode(303).header("Location", containsString("/sandbox-gateway/refunds"));
        given().formParam("outcome", "FAILED").when().post("/sandbox-gateway/refunds/" + refund(fails, "reference"))
                .then().statusCode(303);
        // the sandbox tells the portal at once, as a gateway's notification would
        assertEquals("COMPLETED", refund(completes, "status"));
        assertEquals("FAILED", refund(fails, "status"));
        given().when().get("/sandbox-gateway/refunds").then().statusCode(200)
                .body(not(containsString("for booking #" + completes)), not(containsString("for booking #" + fails)));
        // settled already, or not an outcome
        given().formParam("outcome", "FAILED").when().post("/sandbox-gateway/refunds/" + refund(completes, "reference"))
                .then().statusCode(404);
        given().formParam("outcome", "MAYBE").when().post("/sandbox-gateway/refunds/" + refund(completes, "reference"))
                .then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "staff.sunrise", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2")})
    void staffOfAnotherClinicNeitherSeeNorSettleTheRefund() {
        fixtures.freshPatient(1, 6924);
        long id = cancelledPaidBooking(6924, "2026-03-20T14:00:00Z");
        given().when().get("/sandbox-gateway/refunds").then().statusCode(200).body(not(containsString("for booking #" + id)));
        given().formParam("outcome", "FAILED").when().post("/sandbox-gateway/refunds/" + refund(id, "reference"))
                .then().statusCode(404);
        assertEquals("INITIATED", refund(id, "status"));
    }

    @Test
    @TestSecurity(user = "p6925", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6925")})
    void aCheckoutNobodyFinishedIsRecordedAbandoned() {
        fixtures.freshPatient(1, 6925);
        long id = holds.hold(1, 6925, fixtures.slot(202, "2026-03-20T15:00:00Z"), 102, true);
        SandboxCheckout.start(id, "GBP 20.00");
        // the patient closed the tab on the sandbox's page
        clock.advance(Duration.ofMinutes(19));
        assertEquals(0, sweep.sweepBatch(PaymentSweep.BATCH));
        assertEquals("STARTED", paymentStatus(id));
        clock.advance(Duration.ofMinutes(2));
        sweep.sweepBatch(PaymentSweep.BATCH);
        assertEquals("ABANDONED", paymentStatus(id));
        assertEquals(0, sql.one("select count(*) from refund r join payment p on p.id = r.payment_id where p.appointment_id = ?",
                rs -> rs.getInt(1), id).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p6926", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6926")})
    void moneyPaidByAPatientWhoNeverCameBackIsRefunded() {
        fixtures.freshPatient(1, 6926);
        long id = holds.hold(1, 6926, fixtures.slot(202, "2026-03-20T16:00:00Z"), 102, true);
        // paid on the sandbox's page, and the connection dropped before the return
        SandboxCheckout.answer(SandboxCheckout.start(id, "GBP 20.00"), "SUCCEEDED");
        clock.advance(Duration.ofMinutes(21));
        assertEquals(1, sweep.sweepBatch(PaymentSweep.BATCH));
        assertEquals("SUCCEEDED", paymentStatus(id));
        assertEquals("INITIATED", refund(id, "status"));
        given().when().get("/appointments/" + id).then()
                .body(containsString("Your hold on this time has run out"), containsString("Refund of GBP 20.00 on its way"),
                        containsString("Paid when the booking could no longer be confirmed; the payment is being refunded"));
    }

    @Test
    @TestSecurity(user = "p6927", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6927")})
    void aPaymentWhoseHoldPassesWhileItWaitsForThePatientsLockIsRefundedNotLeftStarted() throws Exception {
        fixtures.freshPatient(1, 6927);
        long id = holds.hold(1, 6927, fixtures.slot(202, "2026-03-20T10:00:00Z"), 102, true);
        Map<String, String> answer = SandboxCheckout.query(SandboxCheckout.answer(SandboxCheckout.start(id, "GBP 20.00"), "SUCCEEDED"));
        clock.advance(Duration.ofMinutes(9));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // another request of the patient's holds their lock
            Future<?> other = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                sql.one("select id from lead where id = 6927 for update", rs -> rs.getLong(1));
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            Future<Long> returned = pool.submit(() -> payments.complete(1, 6927, answer));
            awaitSomeoneWaitingForALock();
            // the hold runs out while the return waits
            clock.advance(Duration.ofMinutes(2));
            release.countDown();
            other.get(30, TimeUnit.SECONDS);
            assertEquals(id, returned.get(30, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertEquals("SUCCEEDED", paymentStatus(id));
        assertEquals("INITIATED", refund(id, "status"));
        assertEquals("DRAFT", fixtures.status(id));
    }

    /** Until a statement of the portal's waits on a row lock: a bounded wait for the race to be set up. */
    private void awaitSomeoneWaitingForALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sql.one("select count(*) from pg_stat_activity where wait_event_type = 'Lock'", rs -> rs.getInt(1)).orElse(0) == 0) {
            assertTrue(System.nanoTime() < deadline, "the payment's return never waited for the patient's lock");
            Thread.onSpinWait();
        }
    }
}
