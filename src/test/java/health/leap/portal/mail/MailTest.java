package health.leap.portal.mail;

import health.leap.portal.appointments.RescheduleService;
import health.leap.portal.booking.ConfirmService;
import health.leap.portal.booking.HoldExpiry;
import health.leap.portal.booking.HoldService;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.MailServer;
import health.leap.portal.platform.Metrics;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.staff.ApprovalService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static health.leap.portal.platform.Browser.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a patient (lead 7101 of Harbour Health, London) hears by email: each message is written with
 * the change that causes it, and a real SMTP server receives it once, with the visit's local time.
 */
@QuarkusTest
@TestSecurity(user = "p7101", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7101")})
public class MailTest {

    static final long LEAD = 7101;
    static final String ADDRESS = "p7101@patients.example";

    @Inject
    Sql sql;
    @Inject
    TestOutbox outbox;
    @Inject
    TestClock clock;
    @Inject
    Fixtures fixtures;
    @Inject
    HoldService holds;
    @Inject
    ConfirmService confirmations;
    @Inject
    MailSender sender;
    @Inject
    ApprovalService approvals;
    @Inject
    RescheduleService reschedules;
    @Inject
    HoldExpiry holdExpiry;

    @BeforeEach
    void setUp() {
        outbox.freshPatient(LEAD, ADDRESS);
    }

    @AfterEach
    void serverBack() {
        MailServer.startServer();
    }

    void sendAll() {
        outbox.sendAll(ADDRESS);
    }

    List<String> kinds(long appointmentId) {
        return sql.list("select kind from mail_outbox where appointment_id = ? order by id", rs -> rs.getString(1), appointmentId);
    }

    public static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(html(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    static List<String> attachments(Part part) throws Exception {
        List<String> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (part.getFileName() != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ((BodyPart) part).getDataHandler().writeTo(bytes);
            found.add(part.getFileName() + "\n" + bytes);
        }
        return found;
    }

    MimeMessage only() {
        List<MimeMessage> got = MailServer.receivedBy(ADDRESS);
        assertEquals(1, got.size(), "messages received by " + ADDRESS);
        return got.get(0);
    }

    @Test
    void aConfirmedBookingIsEmailedOnceWithItsLocalTimeAndACalendarFile() throws Exception {
        long id = fixtures.hold(1, LEAD, 204, 101, "2026-03-31T08:00:00Z");
        assertEquals(List.of(), kinds(id), "a hold tells the patient nothing yet");
        confirmations.confirm(1, LEAD, id, null);
        // written with the confirmation, sent by the job
        assertEquals(List.of("CONFIRMED"), kinds(id));
        assertEquals(0, MailServer.receivedBy(ADDRESS).size());
        sendAll();
        MimeMessage mail = only();
        String text = text(mail);
        assertEquals("Booking confirmed: General consultation, Tue 31 Mar 2026, 09:00 BST (Europe/London)", mail.getSubject());
        assertTrue(text.contains("When: Tue 31 Mar 2026, 09:00 BST (Europe/London)"), text);
        assertTrue(text.contains("Dr James Whitcombe"), text);
        assertTrue(text.contains("/appointments/" + id), text);
        assertTrue(text.contains("Booking #" + id), text);
        assertTrue(html(mail).contains("<h1"), "an HTML part beside the text");
        List<String> files = attachments(mail);
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).startsWith("visit.ics\nBEGIN:VCALENDAR"), files.get(0));
        assertTrue(files.get(0).contains("TZID=Europe/London:20260331T090000"), files.get(0));
        String messageId = sql.one("select message_id from mail_outbox where appointment_id = ?", rs -> rs.getString(1), id).orElseThrow();
        assertEquals(messageId, mail.getMessageID(), "the outbox's stable Message-ID reaches the patient");
        assertEquals("SENT", sql.one("select status from mail_outbox where appointment_id = ?", rs -> rs.getString(1), id).orElseThrow());

        // nothing is sent twice
        sendAll();
        assertEquals(1, MailServer.receivedBy(ADDRESS).size());
    }

    @Test
    void aRefusedChangeWritesNoMessage() {
        long id = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-02T16:00:00Z");
        clock.advance(Duration.ofHours(1));
        // inside the cancellation window: refused, and so no cancellation email either
        given().formParam("reason", "late").when().post("/appointments/" + id + "/cancel").then().statusCode(422);
        assertEquals(List.of(), kinds(id).stream().filter(k -> !k.equals("CONFIRMED")).toList());
    }

    @Test
    void aCancellationSaysWhoCancelledAndTheRefund() throws Exception {
        long slot = fixtures.slot(204, "2026-03-31T13:00:00Z");
        long id = holds.hold(1, LEAD, slot, 104, true);
        long payment = sql.one("""
                insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at)
                values (1, ?, ?, 240.00, 'GBP', ?, 'SUCCEEDED', now()) returning id""", rs -> rs.getLong(1),
                LEAD, id, "SBX-MAIL-" + id).orElseThrow();
        sql.update("update appointment set payment_id = ? where id = ?", payment, id);
        confirmations.confirm(1, LEAD, id, null);
        given().formParam("reason", "Feeling better").when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        assertEquals(List.of("CONFIRMED", "CANCELLED"), kinds(id));
        sendAll();
        MimeMessage cancelled = MailServer.receivedBy(ADDRESS).stream()
                .filter(m -> subject(m).startsWith("Booking cancelled")).findFirst().orElseThrow();
        String text = text(cancelled);
        assertTrue(text.contains("you cancelled this booking. Reason: Feeling better"), text);
        assertTrue(text.contains("A refund of GBP 240.00 is on its way"), text);
        assertTrue(text.contains("Refund: GBP 240.00"), text);
        assertEquals(List.of(), attachments(cancelled), "a cancelled visit is no calendar entry");
    }

    /** The patient paid what the service asks for before confirming. */
    void paid(long appointmentId, String amount) {
        long payment = sql.one("""
                insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at, completed_at)
                values (1, ?, ?, ?::numeric, 'GBP', ?, 'SUCCEEDED', ?, ?) returning id""", rs -> rs.getLong(1),
                LEAD, appointmentId, amount, "SBX-MAIL-" + appointmentId, clock.instant(), clock.instant()).orElseThrow();
        sql.update("update appointment set payment_id = ? where id = ?", payment, appointmentId);
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void approvalDeclineMoveAndARunOutHoldAreEachTold() throws Exception {
        // waiting for approval, then approved
        long approved = fixtures.hold(1, LEAD, 203, 103, "2026-03-30T08:00:00Z");
        paid(approved, "45.00");
        confirmations.confirm(1, LEAD, approved, null);
        approvals.approve(1, "staff.harbour", approved);
        assertEquals(List.of("AWAITING_APPROVAL", "APPROVED"), kinds(approved));

        // declined with the clinic's reason
        long declined = fixtures.hold(1, LEAD, 203, 103, "2026-03-30T08:30:00Z");
        paid(declined, "45.00");
        confirmations.confirm(1, LEAD, declined, null);
        approvals.decline(1, "staff.harbour", declined, "The doctor needs a referral letter first.");
        assertEquals(List.of("AWAITING_APPROVAL", "DECLINED"), kinds(declined));

        // moved: old and new time
        long first = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-31T09:00:00Z");
        long moved = reschedules.reschedule(1, LEAD, first, fixtures.slot(204, "2026-03-31T13:30:00Z"));
        assertEquals(List.of("MOVED"), kinds(moved));

        // a hold that ran out
        long held = fixtures.hold(1, LEAD, 204, 101, "2026-03-31T09:30:00Z");
        clock.advance(Duration.ofHours(1));
        holdExpiry.expireBatch(100);
        assertEquals(List.of("HOLD_EXPIRED"), kinds(held));

        sendAll();
        String declinedText = text(MailServer.receivedBy(ADDRESS).stream()
                .filter(m -> subject(m).startsWith("Booking declined")).findFirst().orElseThrow());
        assertTrue(declinedText.contains("declined this booking. Their reason: The doctor needs a referral letter first."), declinedText);
        assertTrue(declinedText.contains("A refund of GBP 45.00 is on its way"), declinedText);
        MimeMessage movedMail = MailServer.receivedBy(ADDRESS).stream()
                .filter(m -> subject(m).startsWith("Booking moved")).findFirst().orElseThrow();
        String movedText = text(movedMail);
        assertTrue(movedText.contains("from Tue 31 Mar 2026, 10:00 BST (Europe/London) to Tue 31 Mar 2026, 14:30 BST (Europe/London)"),
                movedText);
        assertTrue(attachments(movedMail).get(0).contains("TZID=Europe/London:20260331T143000"));
        String expiredText = text(MailServer.receivedBy(ADDRESS).stream()
                .filter(m -> subject(m).startsWith("Your held time was released")).findFirst().orElseThrow());
        assertTrue(expiredText.contains("/doctors/204"), "links back to the doctor's times: " + expiredText);
        assertEquals(7, MailServer.receivedBy(ADDRESS).size(), "awaiting, approved, awaiting, declined, confirmed, moved, released");
    }

    String status(long appointmentId, String kind) {
        return sql.one("select status from mail_outbox where appointment_id = ? and kind = ?", rs -> rs.getString(1),
                appointmentId, kind).orElseThrow();
    }

    @Test
    void changeNoticesOffStillSendsConfirmationsAndCancellations() {
        given().formParam("reminders", "on").when().post("/profile/mail").then().statusCode(303);
        long first = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-31T10:00:00Z");
        long moved = reschedules.reschedule(1, LEAD, first, fixtures.slot(204, "2026-03-31T10:30:00Z"));
        given().when().post("/appointments/" + moved + "/cancel").then().statusCode(303);
        sendAll();
        assertEquals("SENT", status(first, "CONFIRMED"));
        assertEquals("SKIPPED", status(moved, "MOVED"), "no notice of the move: the patient turned those off");
        assertEquals("SENT", status(moved, "CANCELLED"));
        assertEquals(List.of("Booking confirmed", "Booking cancelled"), MailServer.receivedBy(ADDRESS).stream()
                .map(m -> subject(m).substring(0, subject(m).indexOf(':'))).toList());
    }

    @Test
    void aPatientWithoutAnAddressIsSentNothing() {
        sql.update("update lead set email = null where id = ?", LEAD);
        long id = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-31T08:00:00Z");
        sendAll();
        assertEquals("SKIPPED", status(id, "CONFIRMED"));
        assertEquals(0, MailServer.receivedBy(ADDRESS).size());
    }

    @Test
    void twoSendersRacingSendEachMessageOnce() throws Exception {
        int count = 60;
        long booking = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-31T08:00:00Z");
        sendAll();
        MailServer.clear();
        for (int i = 0; i < count; i++) {
            sql.update("""
                    insert into mail_outbox (tenant_id, lead_id, appointment_id, kind, actor, dedupe_key, message_id, status,
                                             attempts, next_attempt_at, created_at)
                    values (1, ?, ?, 'CONFIRMED', 'PATIENT', ?, ?, 'PENDING', 0, ?, ?)""",
                    LEAD, booking, "RACE:" + i + ":" + System.nanoTime(), "<race." + i + "." + System.nanoTime() + "@test>",
                    clock.instant(), clock.instant());
        }
        Runnable drain = () -> {
            for (int i = 0; i < 100 && sender.sendBatch(3).sent() > 0; i++) {
                // another small batch, while the other sender takes its own
            }
        };
        Thread a = new Thread(drain);
        Thread b = new Thread(drain);
        a.start();
        b.start();
        a.join();
        b.join();
        sendAll();
        List<MimeMessage> got = MailServer.receivedBy(ADDRESS);
        assertEquals(count, got.size(), "each message arrived once");
        assertEquals(count, got.stream().map(MailTest::messageId).distinct().count());
        assertEquals(0L, sql.one("select count(*) from mail_outbox where dedupe_key like 'RACE:%' and status <> 'SENT'",
                rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aMailServerOutageDelaysMailAndLosesNone() throws Exception {
        MailServer.stopServer();
        long a = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-31T08:00:00Z");
        long b = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-31T08:30:00Z");
        MailSender.Batch failed = sender.sendBatch(MailSender.BATCH);
        assertEquals(1, failed.retried(), "the first message waits; the rest are not tried against a server that is away");
        assertEquals(0, failed.sent());
        assertEquals(1, sql.one("select attempts from mail_outbox where appointment_id = ?", rs -> rs.getInt(1), a).orElseThrow());
        assertTrue(sql.one("select last_error from mail_outbox where appointment_id = ?", rs -> rs.getString(1), a).orElseThrow()
                .length() > 0);
        // the second message is still due: the next run tries it, and it waits too
        sender.sendBatch(MailSender.BATCH);
        // nothing is due until the first wait is over
        assertEquals(0, sender.sendBatch(MailSender.BATCH).retried());

        MailServer.startServer();
        assertEquals(0, sender.sendBatch(MailSender.BATCH).sent(), "the wait is kept even once the server is back");
        clock.advance(Duration.ofSeconds(31));
        sendAll();
        List<String> expected = sql.list("select message_id from mail_outbox where appointment_id in (?, ?)",
                rs -> rs.getString(1), a, b).stream().sorted().toList();
        assertEquals(expected, MailServer.receivedBy(ADDRESS).stream().map(MailTest::messageId).sorted().toList(),
                "both arrived, once each, once the server was back");
        for (long id : List.of(a, b)) {
            assertEquals("SENT", sql.one("select status from mail_outbox where appointment_id = ?", rs -> rs.getString(1), id).orElseThrow());
        }
    }

    @Test
    void aMessageTheServerNeverTakesIsMarkedFailedAfterTheLastAttemptAndCounted() {
        long id = fixtures.confirmed(1, LEAD, 204, 101, "2026-03-31T08:00:00Z");
        MailServer.stopServer();
        sql.update("update mail_outbox set attempts = 9 where appointment_id = ?", id);
        sender.sendBatch(MailSender.BATCH);
        assertEquals("FAILED", sql.one("select status from mail_outbox where appointment_id = ?", rs -> rs.getString(1), id).orElseThrow());
        assertEquals(10, sql.one("select attempts from mail_outbox where appointment_id = ?", rs -> rs.getInt(1), id).orElseThrow());
        MailServer.startServer();
        clock.advance(Duration.ofDays(1));
        sendAll();
        assertEquals(0, MailServer.receivedBy(ADDRESS).size(), "a failed message is not sent by itself later");
        assertTrue(Metrics.scrape().contains("portal_mail_total{outcome=\"failed\""), "the failure is counted");
    }

    @Test
    void theWaitDoublesUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), sender.waitAfter(1));
        assertEquals(Duration.ofMinutes(1), sender.waitAfter(2));
        assertEquals(Duration.ofMinutes(32), sender.waitAfter(7));
        assertEquals(Duration.ofHours(1), sender.waitAfter(8));
        assertFalse(sender.waitAfter(60).isNegative());
    }

    static Instant at(String utc) {
        return Instant.parse(utc);
    }
}
