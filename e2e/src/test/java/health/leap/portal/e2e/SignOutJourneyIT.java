package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Signing out: only the portal's own button does it (a link from elsewhere shows the button and
 * nothing more), and afterwards the portal's pages ask for the password again. While the sandbox
 * gateway runs, every page says that no money moves.
 */
@PortalJourney
@Tag("smoke")
@Tag("manage")
@Needs(patients = "ethan")
class SignOutJourneyIT {

    @Test
    void ethanSignsOutWithTheHeadersButtonAndALinkCannotDoItForHim(Portal portal) {
        Visitor ethan = portal.login("ethan");
        Page page = ethan.page();
        ethan.seesPage("Hello, Ethan Rivera");
        assertThat(page.getByText("no real money moves on this portal")).isVisible();

        // a link on another site, or an image pointing at it, is a GET: it only offers the button
        page.navigate(portal.url("/logout"));
        ethan.seesPage("Log out");
        page.navigate(portal.url("/appointments"));
        ethan.seesPage("My appointments");

        page.getByRole(AriaRole.BANNER).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log out")).click();
        // the identity provider ends its session too and sends him home, which asks him to sign in
        assertThat(page).hasURL(Portal.KEYCLOAK_LOGIN);
        page.navigate(portal.url("/appointments"));
        assertThat(page).hasURL(Portal.KEYCLOAK_LOGIN);
    }
}
