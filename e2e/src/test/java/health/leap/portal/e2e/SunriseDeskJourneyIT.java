package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chloe rings Sunrise Clinics a few hours before her specialist referral with Dr Foster in Chicago:
 * too late to move it online (12 hours before) or to cancel it (48 hours before). The desk, acting for
 * her, moves it with its reason to a later free time; she rings again, and the desk cancels the moved
 * visit inside the window, choosing to refund nothing of the advance she paid. Her emails and her
 * booking's timeline say each time that the clinic did it, why, and that nothing is refunded. The
 * desk of the other clinic's patients is not hers: Harbour's patients are refused to it.
 * <p>
 * The referral is one the demo data books hours from when it loads, so the journey runs once per
 * data load. The desk is {@code desk.sunrise}, the member of Sunrise's front desk who acts for
 * patients, so that it runs beside the journeys of {@code staff.sunrise}.
 */
@PortalJourney
@Tag("staff")
class SunriseDeskJourneyIT {

    private static final String DOCTOR = "Dr Emily Foster";
    private static final String SERVICE = "Specialist referral";
    private static final String BY_THE_DESK = "by the clinic (desk.sunrise)";
    private static final String MOVE_REASON = "Dr Foster is held up in surgery";
    private static final String CANCEL_REASON = "Chloe rang: she is unwell and will rebook";

    @Test
    @Tag("once")
    @Needs(staff = "desk.sunrise", patients = "chloe", doctors = DOCTOR, services = SERVICE,
            demoData = "Chloe's paid specialist referral with Dr Emily Foster in Chicago, which the demo data books a few"
                    + " hours after it loads, with a free time of Dr Foster's an hour later")
    void theDeskMovesChloesReferralInsideHerWindowThenCancelsItWithoutARefundAndSheIsToldEachTime(Portal portal) {
        Mailbox mailbox = portal.mailbox("chloe@example.com");
        Visitor chloe = portal.login("chloe");
        Page chloes = chloe.page();
        chloe.seesPage("Hello, Chloe Martin");

        Visitor desk = portal.login("desk.sunrise");
        Page page = desk.page();
        DeskJourneyIT.actFor(desk, "Sunrise Clinics", "Chloe", "Chloe Martin", 13);

        Locator referral = page.getByRole(AriaRole.REGION, named("Upcoming appointments")).getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText(SERVICE + " with " + DOCTOR));
        DataCheck.require(referral.count() == 1, "This journey needs Chloe's specialist referral with " + DOCTOR
                + ", which the demo data books a few hours after it loads; her upcoming appointments at " + portal.url("/")
                + " do not show it (an earlier run moved and cancelled it).");
        referral.getByRole(AriaRole.LINK, childNamed("View, move or cancel")).click();
        desk.seesPage(SERVICE);
        long booked = AppointmentPage.number(page);
        Duration untilStart = Duration.between(Instant.now(), AppointmentPage.startsAt(page));
        DataCheck.require(untilStart.compareTo(Duration.ofHours(12)) < 0, "This journey needs Chloe's referral within the"
                + " 12 hours before which Sunrise takes no moves online; it starts in " + untilStart);

        // what Chloe is told online, and what the desk may still do for her
        assertThat(page.locator("[data-error-code=RESCHEDULE_REFUSED]")).containsText("Bookings can be moved online up to 12 hours");
        assertThat(page.locator("[data-error-code=CANCELLATION_WINDOW_CLOSED]")).containsText("Bookings can be cancelled online up to 2 days");
        page.getByRole(AriaRole.LINK, named("Move it for the patient (inside the online rules, with a reason)")).click();
        desk.seesPage("Move your booking");
        String day = Booking.pickDay(desk, 0);
        page.getByLabel("The desk's reason (goes on the booking's timeline)").fill(MOVE_REASON);
        String movedBefore = "Booking moved: " + SERVICE;
        long movesBefore = mailbox.count(m -> m.subject().startsWith(movedBefore));
        String time = Rescheduling.moveToFirstTime(desk, day);

        desk.seesPage(SERVICE);
        long moved = AppointmentPage.number(page);
        Booking.assertHeldAt(page, time);
        assertThat(page.getByText("This booking replaces booking #" + booked + ".")).isVisible();
        assertThat(AppointmentPage.status(page, "Confirmed")).isVisible();
        // past the reschedule window, and, moved to a time of today after 10:00, Sunrise's same-day cutoff too
        assertThat(override(page, MOVE_REASON)).containsText("reschedule window");
        assertTrue(Duration.between(Instant.now(), AppointmentPage.startsAt(page)).compareTo(Duration.ofDays(2)) < 0,
                "the time moved to is inside the 48 hours in which Sunrise takes no cancellations online");
        desk.seesChangedPage("moved for Chloe");
        Mailbox.Mail movedMail = mailbox.awaitNew(m -> m.subject().startsWith(movedBefore), movesBefore, "moved");
        assertTrue(movedMail.text().contains("your visit has moved from"), movedMail.text());

        // she rings again: the desk cancels the moved visit inside the window, and keeps the advance
        page.getByLabel("Why the desk cancels inside the window (goes on the timeline and in the patient's email)").fill(CANCEL_REASON);
        page.getByRole(AriaRole.GROUP, named("What the patient paid")).getByLabel("Refund nothing").check();
        String cancelledSubject = "Booking cancelled: " + SERVICE;
        long cancelsBefore = mailbox.count(m -> m.subject().startsWith(cancelledSubject));
        page.getByRole(AriaRole.BUTTON, named("Cancel it for the patient")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Cancelled"))
                .containsText(BY_THE_DESK + " · Cancelled: " + CANCEL_REASON + "; nothing is refunded");
        desk.seesChangedPage("cancelled for Chloe without a refund");

        Mailbox.Mail cancelledMail = mailbox.awaitNew(m -> m.subject().startsWith(cancelledSubject), cancelsBefore, "cancelled");
        assertTrue(cancelledMail.text().contains("Sunrise Clinics cancelled this booking. Reason: " + CANCEL_REASON),
                cancelledMail.text());
        assertTrue(cancelledMail.text().contains("Nothing is refunded for this booking"), cancelledMail.text());

        // Chloe's own page of the visit says the same
        chloes.navigate(portal.url("/appointments/" + moved));
        chloe.seesPage(SERVICE);
        assertThat(AppointmentPage.status(chloes, "Cancelled")).isVisible();
        assertThat(AppointmentPage.timelineEntry(chloes, "Confirmed → Cancelled"))
                .containsText(BY_THE_DESK + " · Cancelled: " + CANCEL_REASON + "; nothing is refunded");
        assertThat(override(chloes, MOVE_REASON)).containsText("reschedule window");
        assertThat(chloes.getByRole(AriaRole.NOTE, named("Front desk, acting for a patient"))).hasCount(0);
        chloe.seesChangedPage("her visit cancelled by the clinic");

        // and Sunrise's desk reaches none of Harbour's patients
        Response other = page.navigate(portal.url("/staff/acting/1/"));
        assertEquals(403, other.status(), "Sunrise's desk acting for Amelia of Harbour Health");
        assertThat(page).hasURL(Pattern.compile("/staff/acting/1/$"));
    }

    /** The timeline's line of what the desk did past the online rules for a reason. */
    private static Locator override(Page page, String reason) {
        return page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("Done by the front desk past the online rules")).filter(new Locator.FilterOptions().setHasText(reason));
    }
}
