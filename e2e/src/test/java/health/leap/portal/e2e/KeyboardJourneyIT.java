package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Keyboard.tabTo;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;

/**
 * A whole booking with Tab, Enter and Space only. The fourth day with free times is three days
 * ahead or more, so the booking still cancels online when the journey ends ({@link Tidy}).
 */
@PortalJourney
@Tag("booking")
@Tag("accessibility")
@Needs(patients = "ethan", doctors = "Dr Rachel Green", services = "Primary care visit")
class KeyboardJourneyIT {

    @Test
    void ethanBooksAVisitWithTheKeyboardAlone(Portal portal) {
        Visitor ethan = portal.login("ethan");
        Page page = ethan.page();
        ethan.seesPage("Hello, Ethan Rivera");

        tabTo(page, page.getByRole(AriaRole.LINK, named("Find a doctor")));
        page.keyboard().press("Enter");
        ethan.seesPage("Find a doctor");

        tabTo(page, Booking.doctorResults(page).getByRole(AriaRole.LINK, childNamed("Dr Rachel Green")));
        page.keyboard().press("Enter");
        ethan.seesPage("Dr Rachel Green");

        Locator day = Booking.freeDays(page).nth(3);
        String longDay = Booking.longDay(day);
        tabTo(page, day);
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, named("Free times on " + longDay))).isVisible();
        ethan.seesChangedPage("free times on " + longDay);

        Locator firstTime = Booking.freeTimes(page, longDay).first();
        String time = Booking.timeOf(firstTime);
        tabTo(page, firstTime);
        page.keyboard().press("Space");

        ethan.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        tabTo(page, page.getByRole(AriaRole.BUTTON, named("Confirm booking")));
        page.keyboard().press("Enter");

        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        ethan.seesPage("Primary care visit");
    }
}
