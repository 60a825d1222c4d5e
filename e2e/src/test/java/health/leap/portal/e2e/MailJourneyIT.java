package health.leap.portal.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ethan hears from the clinic by email, read at the real mail server the portal sends to: the
 * confirmation of a booking, with the time as the booking's page shows it (Boston's, zone named)
 * and a calendar file; then, for a paid session he cancels, the cancellation with its refund.
 */
@PortalJourney
@Tag("booking")
class MailJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final String ETHAN = "ethan@example.com";

    @Test
    @Needs(patients = "ethan", doctors = "Dr Rachel Green", services = "Primary care visit")
    void ethanFindsHisConfirmationWithItsLocalTimeAndACalendarFile(Portal portal) {
        Mailbox mailbox = portal.mailbox(ETHAN);
        Visitor ethan = portal.login("ethan");
        Page page = ethan.page();
        String time = Booking.holdFirstTimeFrom(ethan, "Dr Rachel Green", LocalDate.now(BOSTON).plusDays(3), 1);
        String when = AppointmentPage.when(page, time);
        String subject = "Booking confirmed: Primary care visit, " + when;
        // an earlier run may have booked, and cancelled, the same time
        long before = mailbox.count(m -> m.subject().equals(subject));
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        String reference = page.url().replaceAll(".*/appointments/(\\d+).*", "$1");

        Mailbox.Mail mail = mailbox.awaitNew(m -> m.subject().equals(subject), before, "confirmation");
        assertTrue(mail.text().contains("When: " + when), mail.text());
        assertTrue(when.endsWith("(America/New_York)"), "the zone is named: " + when);
        assertTrue(reference.matches("\\d+") ? mail.text().contains("/appointments/" + reference)
                : mail.text().contains("/appointments/"), "links to the booking: " + mail.text());
        assertEquals(1, mail.attachments().size(), mail.attachments().toString());
        assertTrue(mail.attachments().get(0).startsWith("visit.ics\nBEGIN:VCALENDAR"), mail.attachments().get(0));
        assertTrue(mail.attachments().get(0).contains("TZID=America/New_York"), mail.attachments().get(0));
        // sent once: a second copy would have the same Message-ID
        assertEquals(1, mailbox.count(m -> mail.messageId().equals(m.messageId())));
    }

    @Test
    @Needs(patients = "ethan", doctors = "Dr Luis Ortega", services = "Physical therapy")
    void ethanCancelsAPaidSessionAndTheMailShowsHisRefund(Portal portal) {
        Mailbox mailbox = portal.mailbox(ETHAN);
        Visitor ethan = portal.login("ethan");
        Page page = ethan.page();
        String time = Booking.holdFirstTimeFrom(ethan, "Dr Luis Ortega", LocalDate.now(BOSTON).plusDays(3), 1);
        page.getByRole(AriaRole.BUTTON, named("Pay USD 25.00 and confirm")).click();
        SandboxGateway.pay(ethan);
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        String when = AppointmentPage.when(page, time);

        String subject = "Booking cancelled: Physical therapy, " + when;
        long before = mailbox.count(m -> m.subject().equals(subject));
        page.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();

        Mailbox.Mail mail = mailbox.awaitNew(m -> m.subject().equals(subject), before, "cancellation");
        assertTrue(mail.text().contains("you cancelled this booking"), mail.text());
        assertTrue(mail.text().contains("A refund of USD 25.00 is on its way"), mail.text());
        assertTrue(mail.text().contains("Refund: USD 25.00"), mail.text());
        assertEquals(0, mail.attachments().size(), "a cancelled visit is no calendar entry");
    }
}
