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

/** Reminders before a visit (24 hours by default, a booking_policy column) for lead 6202 of Harbour Health. */
@QuarkusTest
@TestSecurity(user = "p6202", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6202")})
class RemindersTest {

    static final long LEAD = 6202;
    static final String ADDRESS = "p6202@patients.example";

    @Inject
    Sql sql;
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
        fixtures.freshPatient(1, LEAD);
        sql.update("update lead set email = ? where id = ?", ADDRESS, LEAD);
        sql.update("delete from mail_preference where lead_id = ?", LEAD);
        MailServer.startServer();
        sendAll();
        // what an earlier test queued for a time still ahead of the clock is not this test's mail
        sql.update("delete from mail_outbox where recipient = ? and status = 'PENDING'", ADDRESS);
        MailServer.clear();
    }

    boolean reminded(long appointmentId) {
        return sql.one("select count(*) from mail_outbox where appointment_id = ? and kind = 'REMINDER'",
                rs -> rs.getLong(1), appointmentId).orElseThrow() > 0;
    }

    void sendAll() {
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 100 && sender.sendBatch(MailSender.BATCH).more(); i++) {
                // next batch
            }
            if (pending() == 0) {
                return;
            }
            // a send the server did not answer in time waits to be tried again: let that time pass
            clock.advance(Duration.ofHours(1));
        }
    }

    long pending() {
        return sql.one("select count(*) from mail_outbox where recipient = ? and status = 'PENDING'",
                rs -> rs.getLong(1), ADDRESS).orElseThrow();
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
