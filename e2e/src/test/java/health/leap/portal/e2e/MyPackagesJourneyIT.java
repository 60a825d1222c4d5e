package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;

/**
 * Amelia's packages from the demo, one in every state: the physio five-pack she is using, the skin
 * care trio she used up, the GP care plan that ran out and a second five-pack that was cancelled.
 * She only reads, so the journeys may run in any order.
 */
@PortalJourney
@Tag("packages")
@Needs(patients = "amelia", demoData = "Amelia's four packages: a physio five-pack in use, a skin care trio used up,"
        + " a GP care plan that ran out and a cancelled five-pack")
class MyPackagesJourneyIT {

    @Test
    void ameliaFollowsASessionOfHerPhysioPackToTheVisitItPaidFor(Portal portal) {
        Visitor amelia = portal.login("amelia");
        Page page = amelia.page();
        amelia.seesPage("Hello, Amelia Hart");

        page.getByRole(AriaRole.LINK, named("My packages")).click();
        amelia.seesPage("My packages");
        assertThat(page.getByRole(AriaRole.REGION, named("Packages")).getByRole(AriaRole.ARTICLE)).hasCount(4);
        assertThat(card(page, "Physio five-pack", "Active")).containsText("2 of 5 sessions used · 3 left");
        assertThat(card(page, "Skin care trio", "Exhausted")).containsText("3 of 3 sessions used");
        assertThat(card(page, "GP care plan", "Expired")).containsText("1 of 4 sessions used");
        assertThat(card(page, "Physio five-pack", "Cancelled")).containsText("0 of 5 sessions used");

        card(page, "Physio five-pack", "Active").getByRole(AriaRole.LINK).click();
        amelia.seesPage("Physio five-pack");
        assertThat(AppointmentPage.fact(page, "3 of 5 (2 used)")).hasCount(1);
        Locator sessions = page.getByRole(AriaRole.REGION, named("Sessions used")).getByRole(AriaRole.LISTITEM);
        assertThat(sessions).hasCount(2);
        assertThat(sessions.first()).containsText("Physiotherapy session at London Bridge");

        sessions.first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^visit of "))).click();

        amelia.seesPage("Physiotherapy session");
        assertThat(AppointmentPage.status(page, "Completed")).isVisible();
        assertThat(AppointmentPage.fact(page, "paid with Physio five-pack")).hasCount(1);
        assertThat(AppointmentPage.timelineEntry(page, "Checked in → Completed")).containsText("by the clinic");
    }

    /** The package's card in the list, told apart by its status where two share a name. */
    private static Locator card(Page page, String name, String status) {
        return page.getByRole(AriaRole.ARTICLE, named(name)).filter(new Locator.FilterOptions().setHasText(status));
    }
}
