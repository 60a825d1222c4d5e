package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;

/** What the page of one booking, {@code /appointments/{id}}, says about it. */
final class AppointmentPage {

    private static final Pattern ADDRESS = Pattern.compile("/appointments/(\\d+)$");

    private AppointmentPage() {
    }

    /** The booking's number, read from the address the page is at (htmx pushes it after a hold or a move). */
    static long number(Page page) {
        assertThat(page).hasURL(ADDRESS);
        Matcher number = ADDRESS.matcher(page.url());
        if (!number.find()) {
            throw new AssertionError("Not the page of a booking: " + page.url());
        }
        return Long.parseLong(number.group(1));
    }

    /** "Status: Confirmed", as the page words it. */
    static Locator status(Page page, String status) {
        return page.getByText("Status: " + status, new Page.GetByTextOptions().setExact(true));
    }

    /** The "When" of the booking at {@code time}, as the page writes it: "Tue 3 Mar 2026, 09:30 EST (America/New_York)". */
    static String when(Page page, String time) {
        Locator when = fact(page, ", " + time + " ");
        assertThat(when).hasCount(1);
        return when.textContent().trim();
    }

    /** When the booking starts, from the machine-readable time of its "When". */
    static Instant startsAt(Page page) {
        Locator when = page.getByRole(AriaRole.DEFINITION).first().locator("time");
        return Instant.parse(when.getAttribute("datetime"));
    }

    /** The one fact ("When", "Doctor", "Where", "To pay online" ...) that says {@code text}. */
    static Locator fact(Page page, String text) {
        return page.getByRole(AriaRole.DEFINITION).filter(new Locator.FilterOptions().setHasText(text));
    }

    /** The entries of "History of this booking" for one change of status, "Confirmed → Cancelled". */
    static Locator timelineEntry(Page page, String change) {
        return page.getByRole(AriaRole.REGION, named("History of this booking")).getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText(change));
    }
}
