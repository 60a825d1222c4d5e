package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Maya cancels two bookings at Sunrise Clinics, which take cancellations online until 48 hours
 * before the visit: a free check-up, with a reason typed with markup in it, and a paid session,
 * whose token is refunded. She books each three days ahead or more, and every cancel gives her
 * place under the limit of three active bookings back: she ends with her two from the demo.
 */
@PortalJourney
@Tag("manage")
class CancelJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final String REASON = "Can't make it <b>sorry</b>";

    @Test
    @Needs(patients = "maya", doctors = "Dr Rachel Green", services = "Primary care visit")
    void mayaCancelsAVisitAndHerReasonIsShownAsSheTypedIt(Portal portal) {
        Visitor maya = portal.login("maya");
        Page page = maya.page();
        maya.seesPage("Hello, Maya Johnson");

        Booking.openDoctor(maya, "Dr Rachel Green");
        String day = Booking.pickDayFrom(maya, threeDaysAhead(), 2);
        String time = Booking.holdFirstTime(maya, day);
        maya.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        maya.seesPage("Primary care visit");
        String when = AppointmentPage.when(page, time);

        page.getByRole(AriaRole.LINK, named("Home")).click();
        maya.seesPage("Hello, Maya Johnson");
        Locator booking = upcoming(page).filter(new Locator.FilterOptions().setHasText(when));
        assertThat(booking).containsText("Primary care visit with Dr Rachel Green");
        assertThat(booking.getByRole(AriaRole.LINK, childNamed("Add to calendar"))).isVisible();
        booking.getByRole(AriaRole.LINK, childNamed("View, move or cancel")).click();
        maya.seesPage("Primary care visit");

        page.getByLabel("Reason for cancelling (optional)").fill(REASON);
        page.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();

        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertReasonShownAsTyped(page);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, named("Move to another time"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, named("Add to my calendar"))).hasCount(0);
        maya.seesChangedPage("cancelled with a reason");

        page.reload();
        maya.seesPage("Primary care visit");
        assertReasonShownAsTyped(page);

        page.getByRole(AriaRole.LINK, named("Home")).click();
        maya.seesPage("Hello, Maya Johnson");
        assertThat(upcoming(page).filter(new Locator.FilterOptions().setHasText(when))).hasCount(0);
    }

    @Test
    @Needs(patients = "maya", doctors = "Dr Luis Ortega", services = "Physical therapy")
    void mayaCancelsAPaidSessionAndHerTokenIsRefunded(Portal portal) {
        Visitor maya = portal.login("maya");
        Page page = maya.page();
        maya.seesPage("Hello, Maya Johnson");

        Booking.openDoctor(maya, "Dr Luis Ortega");
        String day = Booking.pickDayFrom(maya, threeDaysAhead(), 1);
        String time = Booking.holdFirstTime(maya, day);
        maya.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        // her PT six-pack could pay for it; she pays the token instead, so that there is money to give back
        page.getByRole(AriaRole.BUTTON, named("Pay USD 25.00 and confirm")).click();
        SandboxGateway.Payment paid = SandboxGateway.pay(maya);

        maya.seesPage("Physical therapy");
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        assertThat(page.getByText("ref. " + paid.reference())).isVisible();

        page.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();

        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(AppointmentPage.fact(page, "ref. " + paid.reference())).isVisible();
        assertThat(page.getByText("Refund of USD 25.00 on its way")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Cancelled"))
                .containsText("by you · Cancelled; the payment is being refunded");
        maya.seesChangedPage("cancelled and refunded");

        assertEquals("USD 25.00", paid.amountAsked(), "the amount the sandbox gateway asked for");
    }

    /** Far enough ahead that the clinic's 48 hours have not begun, whenever the run starts. */
    private static LocalDate threeDaysAhead() {
        return LocalDate.now(BOSTON).plusDays(3);
    }

    private static Locator upcoming(Page page) {
        return page.getByRole(AriaRole.REGION, named("Upcoming appointments")).getByRole(AriaRole.LISTITEM);
    }

    /** The reason is text: the markup in it shows as typed, and makes no bold word. */
    private static void assertReasonShownAsTyped(Page page) {
        Locator cancelled = AppointmentPage.timelineEntry(page, "Confirmed → Cancelled");
        assertThat(cancelled).containsText("by you · Cancelled: " + REASON);
        assertThat(cancelled.getByText("sorry", new Locator.GetByTextOptions().setExact(true))).hasCount(0);
    }
}
