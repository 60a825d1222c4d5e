package health.leap.portal.mail;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.MailServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static health.leap.portal.platform.Browser.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminders before a visit (24 hours by default, a booking_policy column) for lead 7102 of Harbour Health. */
@QuarkusTest
@TestSecurity(user = "p7102", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7102")})
class RemindersTest {

    static final long LEAD = 7102;
    static final String ADDRESS = "p7102@patients.example";

    @Inject
    Sql sql;
    @Inject
    TestOutbox outbox;
    @Inject
    TestClock clock;
    @Inject
    Fixtures fixtures;
    @Inject
    Reminders reminders;
    @Inject
    MailSender sender;

    @BeforeEach
    void setUp() {
        outbox.freshPatient(LEAD, ADDRESS);
    }

    boolean reminded(long appointmentId) {
        return sql.one("select count(*) from mail_outbox where appointment_id = ? and kind = 'REMINDER'",
                rs -> rs.getLong(1), appointmentId).orElseThrow() > 0;
    }

    void sendAll() {
        outbox.sendAll(ADDRESS);
    }

    @Test
    void aReminderGoesOnceWhenTheClockPassesItsTime() throws Exception {
        long id = fixtures.confirmed(1, LEAD, 201, 101, "2026-03-31T08:00:00Z");
        reminders.queueDue(Instant.parse("2026-03-30T07:59:00Z"));
        assertTrue(!reminded(id), "not before 24 hours ahead");
        reminders.queueDue(Instant.parse("2026-03-30T08:00:00Z"));
        assertTrue(reminded(id));
        // a later run, or another instance, queues it no second time
        reminders.queueDue(Instant.parse("2026-03-30T08:05:00Z"));
        reminders.queueDue(Instant.parse("2026-03-31T07:00:00Z"));
        assertEquals(1L, sql.one("select count(*) from mail_outbox where appointment_id = ? and kind = 'REMINDER'",
                rs -> rs.getLong(1), id).orElseThrow());
        MailServer.clear();
        clock.set(Instant.parse("2026-03-30T08:05:00Z"));
        sendAll();
        sendAll();
        List<MimeMessage> got = MailServer.receivedBy(ADDRESS).stream()
                .filter(m -> MailTest.subject(m).startsWith("Reminder")).toList();
        assertEquals(1, got.size());
        assertEquals("Reminder: General consultation, Tue 31 Mar 2026, 09:00 BST (Europe/London)", got.get(0).getSubject());
        String text = MailTest.text(got.get(0));
        assertTrue(text.contains("your profile"), "says how to turn reminders off: " + text);
        assertEquals(1, MailTest.attachments(got.get(0)).size(), "the calendar file again");
    }

    @Test
    void noReminderForABookingMadeInsideTheWindowOrNoLongerGoingAhead() {
        clock.set(Instant.parse("2026-03-30T12:00:00Z"));
        long late = fixtures.confirmed(1, LEAD, 201, 101, "2026-03-31T08:30:00Z");
        clock.reset();
        long cancelled = fixtures.confirmed(1, LEAD, 201, 101, "2026-03-31T09:00:00Z");
        given().when().post("/appointments/" + cancelled + "/cancel").then().statusCode(303);
        reminders.queueDue(Instant.parse("2026-03-31T07:00:00Z"));
        assertTrue(!reminded(late), "booked 20 hours ahead: its confirmation was the reminder");
        assertTrue(!reminded(cancelled));
    }

    @Test
    void aReminderOfAVisitCancelledBeforeItWentIsNotSent() {
        long id = fixtures.confirmed(1, LEAD, 201, 101, "2026-03-31T08:00:00Z");
        reminders.queueDue(Instant.parse("2026-03-30T08:00:00Z"));
        assertTrue(reminded(id));
        given().when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        sendAll();
        assertEquals("SKIPPED", sql.one("select status from mail_outbox where appointment_id = ? and kind = 'REMINDER'",
                rs -> rs.getString(1), id).orElseThrow());
        assertEquals(List.of(), MailServer.receivedBy(ADDRESS).stream().map(MailTest::subject)
                .filter(subject -> subject.startsWith("Reminder")).toList());
    }

    @Test
    void aPatientWhoTurnedRemindersOffGetsNone() {
        given().formParam("changes", "on").when().post("/profile/mail").then().statusCode(303);
        long id = fixtures.confirmed(1, LEAD, 201, 101, "2026-03-31T08:00:00Z");
        reminders.queueDue(Instant.parse("2026-03-30T08:00:00Z"));
        assertTrue(!reminded(id));
        given().formParam("changes", "on").formParam("reminders", "on").when().post("/profile/mail").then().statusCode(303);
        reminders.queueDue(Instant.parse("2026-03-30T08:01:00Z"));
        assertTrue(reminded(id), "turned back on before the visit: reminded after all");
    }

    @Test
    void theClinicChoosesHowLongBefore() {
        sql.update("update booking_policy set reminder_minutes = 120 where tenant_id = 1");
        try {
            long id = fixtures.confirmed(1, LEAD, 201, 101, "2026-03-31T08:00:00Z");
            reminders.queueDue(Instant.parse("2026-03-30T08:00:00Z"));
            assertTrue(!reminded(id), "not a day ahead with a two-hour reminder");
            reminders.queueDue(Instant.parse("2026-03-31T06:00:00Z"));
            assertTrue(reminded(id));
        } finally {
            sql.update("update booking_policy set reminder_minutes = 1440 where tenant_id = 1");
        }
    }
}
