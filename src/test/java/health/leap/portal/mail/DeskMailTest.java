package health.leap.portal.mail;

import health.leap.portal.platform.Browser;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.MailServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the patient is told when the front desk acts for them: the same emails as when they book
 * themselves, in the patient's own language (never the staff member's), saying what the desk chose:
 * a visit to pay at the clinic, a late cancellation with nothing refunded.
 */
@QuarkusTest
class DeskMailTest {

    static final long LEAD = 9311;
    static final String ADDRESS = "desk-mail@example.com";
    static final String DESK = "/staff/acting/" + LEAD;

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    Fixtures fixtures;
    @Inject
    TestOutbox outbox;

    @BeforeEach
    void setUp() {
        outbox.freshPatient(LEAD, ADDRESS);
    }

    static RequestSpecification desk() {
        return Browser.given().auth().oauth2(KeycloakServer.get().passwordToken("staff.harbour", "demo"));
    }

    long newest() {
        return sql.one("select max(id) from appointment where lead_id = ?", rs -> rs.getLong(1), LEAD).orElseThrow();
    }

    String only(String subjectStart) throws Exception {
        outbox.sendAll(ADDRESS);
        List<MimeMessage> got = MailServer.receivedBy(ADDRESS);
        List<MimeMessage> matching = got.stream().filter(m -> {
            try {
                return m.getSubject().startsWith(subjectStart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(1, matching.size(), "messages starting " + subjectStart);
        return MailTest.text(matching.get(0));
    }

    @Test
    void aVisitTheDeskBooksToPayAtTheClinicSaysSoInTheConfirmation() throws Exception {
        desk().formParam("slot", fixtures.slot(202, "2026-03-30T14:00:00Z")).formParam("service", 102)
                .when().post(DESK + "/appointments").then().statusCode(303);
        long id = newest();
        desk().formParam("pay", "desk").when().post(DESK + "/appointments/" + id + "/confirm").then().statusCode(303);
        String text = only("Booking confirmed");
        assertTrue(text.contains("You pay GBP 20.00 at the clinic's desk when you come."), text);
    }

    @Test
    void aLateCancellationWithoutRefundIsToldInThePatientsLanguage() throws Exception {
        sql.update("""
                insert into mail_preference (lead_id, tenant_id, reminders, change_notices, updated_at, language)
                values (?, 1, true, true, now(), 'es')""", LEAD);
        // booked by the desk to pay at the clinic, and paid there
        desk().formParam("slot", fixtures.slot(202, "2026-03-03T15:00:00Z")).formParam("service", 102)
                .when().post(DESK + "/appointments").then().statusCode(303);
        long id = newest();
        desk().formParam("pay", "desk").when().post(DESK + "/appointments/" + id + "/confirm").then().statusCode(303);
        desk().formParam("paidBy", "cash").when().post("/staff/day/" + id + "/paid").then().statusCode(303);
        outbox.sendAll(ADDRESS);
        MailServer.clear();
        clock.set(Instant.parse("2026-03-02T20:00:00Z"));
        desk().header("Accept-Language", "en").formParam("reason", "La doctora está enferma").formParam("refund", "none")
                .when().post(DESK + "/appointments/" + id + "/cancel").then().statusCode(303);
        assertEquals(1, sql.one("select count(*) from mail_outbox where appointment_id = ? and kind = 'CANCELLED'"
                + " and language is null", rs -> rs.getInt(1), id).orElseThrow(), "queued with no language of the staff's request");
        String text = only("Cita cancelada");
        assertTrue(text.contains("La doctora está enferma"), text);
        assertTrue(text.contains("No se reembolsa nada por esta reserva"), text);
    }

    @Test
    void aPaymentLinkTellsThePatientUntilWhenTheTimeIsKeptAndLeadsToTheBooking() throws Exception {
        desk().formParam("slot", fixtures.slot(202, "2026-03-31T14:00:00Z")).formParam("service", 102)
                .when().post(DESK + "/appointments").then().statusCode(303);
        long id = newest();
        desk().formParam("hours", "2").when().post(DESK + "/appointments/" + id + "/payment-link").then().statusCode(303);
        String text = only("Pay to confirm your booking");
        assertTrue(text.contains("is keeping this time for you until Mon 2 Mar 2026, 10:00"), text);
        assertTrue(text.contains("Pay GBP 20.00 online to confirm the booking"), text);
        assertTrue(text.contains("/appointments/" + id), text);
    }
}
