package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A doctor who approves each booking by hand: paid in full, it waits for the clinic, then is confirmed.
 * The approval cannot be undone, but Ethan can cancel the booking (refunded), as {@link Tidy} does.
 */
@PortalJourney
@Tag("booking")
@Tag("staff")
@Needs(patients = "ethan", staff = "staff.sunrise", doctors = "Dr Samuel Adeyemi", services = "Dermatology consult")
class ApprovalJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");

    @Test
    void ethansDermatologyBookingIsConfirmedOnceTheClinicApprovesIt(Portal portal) {
        Visitor ethan = portal.login("ethan");
        Page page = ethan.page();
        ethan.seesPage("Hello, Ethan Rivera");

        Booking.openDoctor(ethan, "Dr Samuel Adeyemi");
        assertThat(page.getByText("your booking waits for their approval")).isVisible();
        String day = Booking.pickDayFrom(ethan, Booking.cancellableFrom(BOSTON), 1);
        String time = Booking.holdFirstTime(ethan, day);

        ethan.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        page.getByRole(AriaRole.BUTTON, named("Pay USD 200.00 and confirm")).click();
        SandboxGateway.Payment paid = SandboxGateway.pay(ethan);

        ethan.seesPage("Dermatology consult");
        assertThat(page.getByText("Status: Pending approval")).isVisible();
        assertThat(page.getByText("The clinic will approve it shortly")).isVisible();

        Visitor frontDesk = portal.login("staff.sunrise");
        Page desk = frontDesk.page();
        frontDesk.seesPage("Clinic staff");
        desk.getByRole(AriaRole.LINK, named("Approvals")).click();
        frontDesk.seesPage("Bookings waiting for approval");
        desk.getByRole(AriaRole.BUTTON, named("Approve Ethan Rivera's booking")).click();
        assertThat(desk.getByRole(AriaRole.BUTTON, named("Approve Ethan Rivera's booking"))).hasCount(0);
        frontDesk.seesChangedPage("approved");

        page.reload();
        ethan.seesPage("Dermatology consult");
        assertThat(page.getByText("Status: Confirmed")).isVisible();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        assertThat(page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("Pending approval → Confirmed"))).containsText("by the clinic");
        assertThat(page.getByText("ref. " + paid.reference())).isVisible();

        assertEquals("USD 200.00", paid.amountAsked(), "the amount the sandbox gateway asked for");
    }
}
