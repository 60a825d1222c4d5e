package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Amelia looks back over her appointments: a dozen from the demo in every state (seven of them
 * visits she went to), and any the other journeys book for her. She only reads, so the journeys
 * may run in any order.
 * <p>
 * Every run of the journeys leaves her history one booking longer (they cancel what they book for
 * her, and a cancelled booking stays in it), and those come first, being the newest: paging is
 * checked on her history without the cancelled ones, which stays the demo's however often the
 * journeys run against one portal.
 */
@PortalJourney
@Tag("manage")
@Needs(patients = "amelia",
        demoData = "Amelia's dozen appointments, in every state, seven of them visits she went to")
class HistoryJourneyIT {

    private static final String OLDER = "Load older appointments";
    /** The most a page shows, for the demo's dozen and the bookings runs before this one cancelled. */
    private static final String ONE_PAGE = "/appointments?limit=50";
    /** Every status but Cancelled. */
    private static final String NOT_CANCELLED = "/appointments?status=DRAFT&status=PENDING_APPROVAL&status=CONFIRMED"
            + "&status=CHECKED_IN&status=COMPLETED&status=EXPIRED&status=RESCHEDULED";
    /** Small enough that her history takes several pages. */
    private static final String FIVE_A_PAGE = NOT_CANCELLED + "&limit=5";

    @Test
    void ameliaFiltersHerHistoryToTheVisitsSheWentTo(Portal portal) {
        Visitor amelia = portal.login("amelia");
        Page page = amelia.page();
        amelia.seesPage("Hello, Amelia Hart");

        page.navigate(portal.url(ONE_PAGE));
        amelia.seesPage("My appointments");
        Locator rows = rows(page);
        for (String status : List.of("Completed", "Cancelled", "Expired", "Rescheduled", "Confirmed", "Pending approval")) {
            assertThat(rows.filter(new Locator.FilterOptions().setHasText(status)).first()).isVisible();
        }

        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        amelia.seesPage("My appointments");
        int everything = rows.count();

        // htmx swaps the list in place; a page load would forget this mark
        page.evaluate("() => { window.sameDocument = true; }");
        page.getByRole(AriaRole.CHECKBOX, named("Completed")).check();

        assertThat(page).hasURL(Pattern.compile("[?&]status=COMPLETED"));
        assertThat(rows).hasCount(7);
        assertThat(rows.filter(new Locator.FilterOptions().setHasNotText("Completed"))).hasCount(0);
        amelia.seesChangedPage("completed visits only");

        page.getByRole(AriaRole.CHECKBOX, named("Completed")).uncheck();

        assertThat(page).not().hasURL(Pattern.compile("status="));
        assertThat(rows).hasCount(everything);
        assertEquals(Boolean.TRUE, page.evaluate("() => window.sameDocument === true"),
                "filtering reloaded the page instead of updating the list");
        amelia.seesChangedPage("every appointment again");
    }

    @Test
    void ameliaLoadsHerOlderAppointmentsFiveAtATime(Portal portal) {
        Visitor amelia = portal.login("amelia");
        Page page = amelia.page();
        amelia.seesPage("Hello, Amelia Hart");
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        amelia.seesPage("My appointments");
        page.navigate(portal.url(NOT_CANCELLED));
        amelia.seesPage("My appointments");
        // fewer than the twenty a page shows by default
        assertThat(page.getByRole(AriaRole.LINK, named(OLDER))).hasCount(0);
        List<Shown> onOnePage = shown(page);

        page.navigate(portal.url(FIVE_A_PAGE));
        amelia.seesPage("My appointments");
        assertThat(rows(page)).hasCount(5);
        page.evaluate("() => { window.sameDocument = true; }");
        Locator older = page.getByRole(AriaRole.LINK, named(OLDER));
        int pages = 1;
        while (older.count() > 0) {
            int before = rows(page).count();
            older.click();
            // the link's place fills with the next page (and a new link while more are left)
            page.waitForCondition(() -> rows(page).count() > before);
            pages++;
            amelia.seesChangedPage("older appointments, page " + pages);
        }

        List<Shown> loaded = shown(page);
        assertNewestFirstWithoutRepeats(loaded);
        assertEquals(onOnePage, loaded, "five at a time, the same appointments as on one page");
        assertEquals((onOnePage.size() + 4) / 5, pages, "pages of five");
        assertEquals(Boolean.TRUE, page.evaluate("() => window.sameDocument === true"),
                "loading older appointments reloaded the page instead of adding to the list");
    }

    @Test
    @Tag("accessibility")
    void withJavaScriptOffAmeliaPagesThroughHerOlderAppointments(Portal portal) {
        Visitor amelia = portal.login("amelia", Device.DESKTOP_WITHOUT_JAVASCRIPT);
        Page page = amelia.page();
        amelia.seesPage("Hello, Amelia Hart");
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        amelia.seesPage("My appointments");
        page.navigate(portal.url(NOT_CANCELLED));
        amelia.seesPage("My appointments");
        List<Shown> onOnePage = shown(page);

        page.navigate(portal.url(FIVE_A_PAGE));
        amelia.seesPage("My appointments");
        List<Shown> pageByPage = new ArrayList<>(shown(page));
        Locator older = page.getByRole(AriaRole.LINK, named(OLDER));
        while (older.count() > 0) {
            String before = page.url();
            older.click();
            // a plain link: each older page is a page of its own
            page.waitForURL(url -> !url.equals(before));
            amelia.seesPage("My appointments");
            List<Shown> thisPage = shown(page);
            assertTrue(thisPage.size() >= 1 && thisPage.size() <= 5, "a page of one to five, not " + thisPage.size());
            pageByPage.addAll(thisPage);
        }

        assertNewestFirstWithoutRepeats(pageByPage);
        assertEquals(onOnePage, pageByPage, "page by page, the same appointments as on one page");
    }

    /** One row of the history: the appointment it links to, and when that starts. */
    private record Shown(String address, Instant startsAt) {
    }

    /** The history's rows; the last item of the list is the link to older ones, while there are more. */
    private static Locator rows(Page page) {
        return page.getByRole(AriaRole.REGION, named("Appointments")).getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasNotText(OLDER));
    }

    @SuppressWarnings("unchecked")
    private static List<Shown> shown(Page page) {
        List<List<String>> links = (List<List<String>>) rows(page).getByRole(AriaRole.LINK).evaluateAll(
                "links => links.map(link => [link.getAttribute('href'), link.querySelector('time').getAttribute('datetime')])");
        return links.stream().map(link -> new Shown(link.get(0), Instant.parse(link.get(1)))).toList();
    }

    private static void assertNewestFirstWithoutRepeats(List<Shown> rows) {
        assertEquals(rows.size(), new HashSet<>(rows.stream().map(Shown::address).toList()).size(),
                "an appointment shown twice: " + rows);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(!rows.get(i).startsAt().isAfter(rows.get(i - 1).startsAt()),
                    "not newest first: " + rows.get(i - 1) + " before " + rows.get(i));
        }
    }
}
