package health.leap.portal.e2e;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ethan's reminder, a day before his visit (Sunrise Clinics' default), reaches his inbox once. The
 * journey cannot wait a day, so the front desk moves the reminder rule's clock (the QA route, on in
 * the journeys' stack and refused in production): a minute before the reminder time nothing goes,
 * a minute after it the reminder goes, and later runs send nothing more.
 */
@PortalJourney
@Tag("booking")
class ReminderJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    @Test
    @Needs(patients = "ethan", staff = "staff.sunrise", doctors = "Dr Rachel Green", services = "Primary care visit")
    void ethanIsRemindedADayAheadOnce(Portal portal) {
        Mailbox mailbox = portal.mailbox("ethan@example.com");
        Visitor ethan = portal.login("ethan");
        Page page = ethan.page();
        String time = Booking.holdFirstTimeFrom(ethan, "Dr Rachel Green", LocalDate.now(BOSTON).plusDays(3), 2);
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        long booking = AppointmentPage.number(page);
        Instant startsAt = AppointmentPage.startsAt(page);
        String subject = "Reminder: Primary care visit, " + AppointmentPage.when(page, time);
        long before = mailbox.count(m -> m.subject().equals(subject));
        Instant reminderTime = startsAt.minus(Duration.ofDays(1));

        Visitor frontDesk = portal.login("staff.sunrise");
        assertTrue(remindAt(portal, frontDesk, booking, reminderTime.minus(Duration.ofMinutes(1))).startsWith("No reminder"),
                "a minute before the reminder time, nothing is due");
        assertEquals("Reminder of booking #" + booking + " queued as at " + reminderTime.plus(Duration.ofMinutes(1)) + ".",
                remindAt(portal, frontDesk, booking, reminderTime.plus(Duration.ofMinutes(1))));
        Mailbox.Mail reminder = mailbox.awaitNew(m -> m.subject().equals(subject), before, "reminder");
        assertTrue(reminder.text().contains("this is a reminder of your visit"), reminder.text());
        assertTrue(reminder.text().contains("/profile"), "says where to turn reminders off: " + reminder.text());
        assertEquals(1, reminder.attachments().size(), "the visit as a calendar file");

        // later runs of the job, on this instance or another, send it no second time
        assertTrue(remindAt(portal, frontDesk, booking, startsAt.minus(Duration.ofHours(1))).startsWith("No reminder"));
        assertEquals(before + 1, mailbox.count(m -> m.subject().equals(subject)));
    }

    /** The front desk asks the reminder rule about the booking as at {@code at} (the QA route); returns its sentence. */
    static String remindAt(Portal portal, Visitor frontDesk, long booking, Instant at) {
        APIResponse home = frontDesk.page().request().get(portal.url("/staff/day"));
        Matcher token = CSRF_TOKEN.matcher(home.text());
        assertTrue(token.find(), "the staff page carries a CSRF token");
        APIResponse answer = frontDesk.page().request().post(portal.url("/qa/reminders"), RequestOptions.create()
                .setHeader("X-CSRF-TOKEN", token.group(1))
                .setForm(FormData.create().set("csrf-token", token.group(1)).set("appointment", String.valueOf(booking))
                        .set("at", at.toString())));
        Assumptions.assumeFalse(answer.status() == 404, "the QA routes are off on this portal (PORTAL_QA_ENDPOINTS)");
        assertEquals(200, answer.status(), answer.text());
        return answer.text().trim();
    }
}
