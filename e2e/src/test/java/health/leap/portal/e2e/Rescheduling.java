package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Steps on "Move your booking": another doctor or centre, then a day (see {@link Booking}) and a time. */
final class Rescheduling {

    private static final String PAGE = "Move your booking";

    private Rescheduling() {
    }

    /** Chooses another doctor who gives the same service, and asks for their times. */
    static void showTimesOf(Visitor visitor, String doctor) {
        showTimes(visitor, "Doctor", doctor);
    }

    /** Chooses another of the doctor's centres, and asks for the times there. */
    static void showTimesAt(Visitor visitor, String centre) {
        showTimes(visitor, "Centre", centre);
    }

    private static void showTimes(Visitor visitor, String label, String choice) {
        Page page = visitor.page();
        String before = page.url();
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).selectOption(choice);
        page.getByRole(AriaRole.BUTTON, named("Show times")).click();
        // the form is a plain GET: the choice shows in the new page's address
        page.waitForURL(url -> !url.equals(before));
        Locator refusal = page.getByRole(AriaRole.ALERT);
        if (refusal.count() > 0) {
            fail("Showing the times for " + choice + " was refused at " + page.url() + ": " + refusal.innerText().trim());
        }
        visitor.seesPage(PAGE);
        assertEquals(choice, page.getByLabel(label, new Page.GetByLabelOptions().setExact(true))
                .evaluate("select => select.selectedOptions[0].text"), "the " + label + " the times are shown for");
    }

    /** The day's free times to move to, each a button "Move to 09:30 on Tuesday 3 March 2026". */
    static Locator freeTimes(Page page, String longDay) {
        // a JavaScript regular expression, as in Booking.freeTimes: a day is only letters, digits and spaces
        return page.getByRole(AriaRole.BUTTON, named(Pattern.compile("^Move to \\d{2}:\\d{2} on " + longDay + "$")));
    }

    /**
     * Moves the booking to the day's first free time; returns the time, "09:30". A time that overlaps
     * another booking of the patient's is refused with the day's times shown again: the next is taken.
     */
    static String moveToFirstTime(Visitor visitor, String longDay) {
        Page page = visitor.page();
        for (int nth = 0; nth < 8; nth++) {
            Locator choice = freeTimes(page, longDay).nth(nth);
            assertThat(choice).isVisible();
            String time = choice.getAttribute("aria-label").substring("Move to ".length(), "Move to ".length() + 5);
            Response answer = page.waitForResponse(
                    r -> r.request().method().equals("POST") && r.url().endsWith("/reschedule"), choice::click);
            if (answer.status() != 409 || !answer.text().contains("OVERLAPPING_BOOKING")) {
                return time;
            }
            assertThat(page.locator("[data-error-code=OVERLAPPING_BOOKING]")).isVisible();
        }
        throw new AssertionError("Every time tried on " + longDay + " overlaps another booking, at " + page.url());
    }
}
