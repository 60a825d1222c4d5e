package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same booking on a phone, and in a browser with JavaScript off. */
@PortalJourney
@Order(10)
@Tag("booking")
@Tag("accessibility")
class PhoneAndNoJavaScriptJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final String HOLDING_ANOTHER_TIME = "You are holding another time";

    @Test
    @Needs(patients = "isla", doctors = "Dr Tom Okafor", services = "Physiotherapy session")
    void islaBooksOnHerPhoneAfterChangingHerMindAboutTheTime(Portal portal) {
        Visitor isla = portal.login("isla", Device.PHONE);
        Page page = isla.page();
        isla.seesPage("Hello, Isla Patel");

        page.getByRole(AriaRole.LINK, named("Find a doctor")).click();
        isla.seesPage("Find a doctor");
        page.getByLabel("Doctor's name").fill("Okafor");
        Locator results = Booking.doctorResults(page);
        assertThat(results.getByRole(AriaRole.HEADING)).hasText(new String[] {"Dr Tom Okafor"});
        isla.seesChangedPage("doctors named okafor");
        results.getByRole(AriaRole.LINK, childNamed("Dr Tom Okafor")).click();
        isla.seesPage("Dr Tom Okafor");

        String firstDay = Booking.pickDay(isla, 2);
        Booking.holdFirstTime(isla, firstDay);
        // The demo starts her with a hold of her own that runs out about eight minutes after the
        // portal starts: while it lasts, the portal asks which one she keeps.
        Locator heldTime = page.getByRole(AriaRole.HEADING, named("Your held time"));
        Locator holdingAnother = page.getByRole(AriaRole.HEADING, named(HOLDING_ANOTHER_TIME));
        assertThat(heldTime.or(holdingAnother)).isVisible();
        if (holdingAnother.isVisible()) {
            isla.seesPage(HOLDING_ANOTHER_TIME);
            page.getByRole(AriaRole.BUTTON, named("Release it and hold this time instead")).click();
        }
        isla.seesPage("Your held time");

        // She would rather go on another day: holding that time asks about the one she holds now.
        page.getByRole(AriaRole.LINK, named("Dr Tom Okafor")).click();
        isla.seesPage("Dr Tom Okafor");
        String secondDay = Booking.pickDay(isla, 4);
        String time = Booking.holdFirstTime(isla, secondDay);
        isla.seesPage(HOLDING_ANOTHER_TIME);
        assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Release it and hold this time instead")).click();

        isla.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        assertThat(page.getByRole(AriaRole.TIMER)).containsText(Pattern.compile("\\d+:\\d{2} left"));
        page.getByRole(AriaRole.BUTTON, named("Pay GBP 20.00 and confirm")).click();
        SandboxGateway.Payment paid = SandboxGateway.pay(isla);

        isla.seesPage("Physiotherapy session");
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        assertThat(page.getByText("ref. " + paid.reference())).isVisible();

        assertEquals("GBP 20.00", paid.amountAsked(), "the amount the sandbox gateway asked for");
    }

    @Test
    @Needs(patients = "ethan", doctors = "Dr Rachel Green", services = "Primary care visit")
    void ethanHoldsAndConfirmsAVisitWithJavaScriptOff(Portal portal) {
        Visitor ethan = portal.login("ethan", Device.DESKTOP_WITHOUT_JAVASCRIPT);
        Page page = ethan.page();
        ethan.seesPage("Hello, Ethan Rivera");

        page.getByRole(AriaRole.LINK, named("Find a doctor")).click();
        ethan.seesPage("Find a doctor");
        page.getByLabel("Specialty").selectOption("Primary care");
        page.getByRole(AriaRole.BUTTON, named("Search")).click();
        assertThat(page).hasURL(Pattern.compile("[?&]specialty=Primary\\+care"));
        ethan.seesPage("Find a doctor");
        Booking.doctorResults(page).getByRole(AriaRole.LINK, childNamed("Dr Rachel Green")).click();
        ethan.seesPage("Dr Rachel Green");

        String day = Booking.pickDayFrom(ethan, Booking.cancellableFrom(BOSTON), 1);
        assertThat(page).hasURL(Pattern.compile("[?&]date=\\d{4}-\\d{2}-\\d{2}"));
        String time = Booking.holdFirstTime(ethan, day);

        ethan.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        // without scripts the countdown is the server's, as of the page load
        assertThat(page.getByRole(AriaRole.TIMER)).containsText(Pattern.compile("\\d+:\\d{2} left"));
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();

        ethan.seesPage("Primary care visit");
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        assertThat(page.getByText("Status: Confirmed")).isVisible();
    }
}
