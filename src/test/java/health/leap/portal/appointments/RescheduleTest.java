package health.leap.portal.appointments;

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

import java.time.Instant;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Patient 6301 of Harbour Health moving General consultations (101) between Drs Whitcombe (204), Raman (201) and Byrne (205). */
@QuarkusTest
@TestSecurity(user = "p6301", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6301")})
class RescheduleTest {

    static final long LEAD = 6301;

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

    long slot(long doctor, String utcStart) {
        return fixtures.slot(doctor, utcStart);
    }

    long confirmed(long doctor, String utcStart) {
        return fixtures.confirmed(1, LEAD, doctor, 101, utcStart);
    }

    String status(long id) {
        return fixtures.status(id);
    }

    long movedTo(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void moveToAnotherDoctorLinksBothAndCarriesThePayment() {
        long old = confirmed(204, "2026-03-12T14:00:00Z");
        long payment = sql.one("""
                insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at)
                values (1, ?, ?, 10.00, 'GBP', ?, 'SUCCEEDED', now()) returning id""", rs -> rs.getLong(1),
                LEAD, old, "SBX-MOVE-" + old).orElseThrow();
        sql.update("update appointment set payment_id = ? where id = ?", payment, old);
        given().when().get("/appointments/" + old + "/reschedule?doctor=201&centre=1&date=2026-03-13").then().statusCode(200)
                .body(containsString("Move your booking"), containsString("Move to 09:00 on Friday 13 March 2026"));

        long target = slot(201, "2026-03-13T09:00:00Z");
        long moved = movedTo(given().formParam("slot", target).when().post("/appointments/" + old + "/reschedule")
                .then().statusCode(303).extract().header("Location"));
        assertEquals("RESCHEDULED", status(old));
        assertEquals("CONFIRMED", status(moved));
        assertEquals(old, sql.one("select rescheduled_from_id from appointment where id = ?", rs -> rs.getLong(1), moved).orElseThrow());
        assertEquals(payment, sql.one("select payment_id from appointment where id = ?", rs -> rs.getLong(1), moved).orElseThrow());
        given().when().get("/appointments/" + moved).then().body(containsString("Dr Priya Raman"),
                containsString("This booking replaces <a href=\"/appointments/" + old + "\">"));
        given().when().get("/appointments/" + old).then().body(containsString("see <a href=\"/appointments/" + moved + "\">"));

        // replayed from the old page: refused, nothing created
        int before = sql.one("select count(*) from appointment where lead_id = ?", rs -> rs.getInt(1), LEAD).orElseThrow();
        given().formParam("slot", slot(201, "2026-03-13T09:30:00Z")).when().post("/appointments/" + old + "/reschedule")
                .then().statusCode(409).body(containsString("data-error-code=\"INVALID_STATE\""));
        assertEquals(before, sql.one("select count(*) from appointment where lead_id = ?", rs -> rs.getInt(1), LEAD).orElseThrow());
    }

    @Test
    void theWindowClosesTwelveHoursBeforeTheOriginalStart() {
        long id = confirmed(204, "2026-03-16T14:00:00Z");
        clock.set(Instant.parse("2026-03-16T02:01:00Z"));
        given().formParam("slot", slot(204, "2026-03-17T10:00:00Z")).when().post("/appointments/" + id + "/reschedule")
                .then().statusCode(422).body(containsString("data-error-code=\"RESCHEDULE_WINDOW_CLOSED\""),
                        containsString("Please call London Bridge on 020 7946 0018."));
        given().when().get("/appointments/" + id).then()
                .body(containsString("Bookings can be moved online up to 12 hours before they start."
                        + " Please call London Bridge on 020 7946 0018."));
        clock.set(Instant.parse("2026-03-16T02:00:00Z"));
        given().formParam("slot", slot(204, "2026-03-17T10:00:00Z")).when().post("/appointments/" + id + "/reschedule")
                .then().statusCode(303);
    }

    @Test
    void twoMovesAtMostOverTheWholeChain() {
        long first = confirmed(204, "2026-03-18T14:00:00Z");
        long second = movedTo(given().formParam("slot", slot(204, "2026-03-18T14:30:00Z"))
                .post("/appointments/" + first + "/reschedule").then().statusCode(303).extract().header("Location"));
        long third = movedTo(given().formParam("slot", slot(204, "2026-03-18T15:00:00Z"))
                .post("/appointments/" + second + "/reschedule").then().statusCode(303).extract().header("Location"));
        assertEquals(2, sql.one("select reschedule_count from appointment where id = ?", rs -> rs.getInt(1), third).orElseThrow());
        given().formParam("slot", slot(204, "2026-03-18T15:30:00Z")).post("/appointments/" + third + "/reschedule")
                .then().statusCode(422).body(containsString("data-error-code=\"RESCHEDULE_LIMIT_REACHED\""));
        given().when().get("/appointments/" + third + "/reschedule").then().statusCode(422);
        assertEquals("CONFIRMED", status(third));
    }

    @Test
    void aLostRaceForTheNewSlotLeavesTheOldBookingUntouched() {
        long id = confirmed(204, "2026-03-19T14:00:00Z");
        long contested = slot(205, "2026-03-20T10:00:00Z");
        sql.update("insert into lead (id, tenant_id, name) values (6302, 1, 'Faster patient') on conflict (id) do nothing");
        holds.hold(1, 6302, contested, 101, true);
        given().formParam("slot", contested).when().post("/appointments/" + id + "/reschedule").then().statusCode(409)
                .body(containsString("data-error-code=\"SLOT_TAKEN\""), containsString("Your booking was not moved"),
                        containsString("Free times on Friday 20 March 2026"));
        assertEquals("CONFIRMED", status(id));
        assertEquals(0, sql.one("select count(*) from appointment where rescheduled_from_id = ?", rs -> rs.getInt(1), id).orElseThrow());
    }

    @Test
    void aDoctorWhoApprovesByHandMakesTheMovePending() {
        sql.update("insert into offering (tenant_id, doctor_id, service_id, centre_id) values (1, 203, 101, 1) on conflict do nothing");
        long id = confirmed(204, "2026-03-23T14:00:00Z");
        long moved = movedTo(given().formParam("slot", slot(203, "2026-03-24T14:00:00Z"))
                .post("/appointments/" + id + "/reschedule").then().statusCode(303).extract().header("Location"));
        assertEquals("PENDING_APPROVAL", status(moved));
    }

    @Test
    void refusedStatesSlotsAndOtherPatients() {
        long id = confirmed(204, "2026-03-25T14:00:00Z");
        given().formParam("slot", slot(202, "2026-03-25T10:00:00Z")).post("/appointments/" + id + "/reschedule")
                .then().statusCode(422).body(containsString("data-error-code=\"SERVICE_NOT_OFFERED\""));
        given().formParam("slot", slot(211, "2026-03-25T14:00:00Z")).post("/appointments/" + id + "/reschedule")
                .then().statusCode(403);
        given().formParam("slot", 987654321).post("/appointments/" + id + "/reschedule").then().statusCode(404);
        given().formParam("slot", "x").post("/appointments/" + id + "/reschedule").then().statusCode(400);
        given().formParam("slot", slot(204, "2026-03-02T09:00:00Z")).post("/appointments/" + id + "/reschedule")
                .then().statusCode(422).body(containsString("data-error-code=\"TOO_SOON\""));
        given().formParam("slot", slot(204, "2026-03-26T10:00:00Z")).post("/appointments/501/reschedule").then().statusCode(403);
        given().when().get("/appointments/501/reschedule").then().statusCode(403);
        given().when().get("/appointments/987654321/reschedule").then().statusCode(404);
        long draft = fixtures.hold(1, LEAD, 204, 101, "2026-03-26T10:30:00Z");
        given().formParam("slot", slot(204, "2026-03-26T11:00:00Z")).post("/appointments/" + draft + "/reschedule")
                .then().statusCode(409).body(containsString("so it cannot be moved"));
        assertEquals("CONFIRMED", status(id));
    }

    @Test
    void theBookingsOwnTimeIsNamedNotOfferedAsATimeToMoveTo() {
        long id = confirmed(204, "2026-03-25T14:00:00Z");
        long own = slot(204, "2026-03-25T14:00:00Z");
        String page = given().when().get("/appointments/" + id + "/reschedule?doctor=204&centre=1&date=2026-03-25").then()
                .statusCode(200).body(containsString("data-current-time>14:00 <span class=\"hint\">your time now</span>"),
                        containsString("aria-label=\"Move to "))
                .extract().asString();
        assertFalse(page.contains("value=\"" + own + "\""), "no button moves the booking to the time it has");
        assertFalse(page.contains("Move to 14:00 on Wednesday 25 March 2026"), page);
        // posted all the same (an old page, a hand-made form): refused, nothing changes
        given().formParam("slot", own).post("/appointments/" + id + "/reschedule").then().statusCode(422)
                .body(containsString("data-error-code=\"SAME_SLOT\""));
        assertEquals("CONFIRMED", status(id));
    }

    @Test
    void choosingADoctorWhoWorksElsewhereShowsTheirCentre() {
        long id = confirmed(204, "2026-03-26T14:00:00Z");
        // Dr Aoife Byrne sees patients only at Dublin Docklands; the form still carries London Bridge
        given().when().get("/appointments/" + id + "/reschedule?doctor=205&centre=1").then().statusCode(200)
                .body(containsString("Dublin Docklands, 1 Grand Canal Square"), containsString("Times are in Europe/Dublin"));
    }
}
