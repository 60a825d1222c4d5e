package health.leap.portal.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The portal as one journey sees it: people log in through the real identity provider, each in a
 * browser context of their own.
 */
final class Portal {

    static final Pattern KEYCLOAK_LOGIN = Pattern.compile("/realms/[^/]+/protocol/openid-connect/auth");

    private final Stack stack;
    private final String journey;
    private final List<Visitor> visitors = new ArrayList<>();
    private final AtomicInteger pagesSeen = new AtomicInteger();

    Portal(Stack stack, String journey) {
        this.stack = stack;
        this.journey = journey;
    }

    Visitor login(String user) {
        return login(user, Device.DESKTOP);
    }

    Visitor login(String user, Device device) {
        Visitor visitor = new Visitor(user, device,
                Chromium.browser().newContext(device.contextOptions().setBaseURL(stack.baseUrl())), journey, pagesSeen);
        visitors.add(visitor);
        login(visitor.page(), user);
        return visitor;
    }

    /** Goes to the portal, signs in on Keycloak's own login page, and comes back to the portal. */
    void login(Page page, String user) {
        page.navigate(stack.url("/"));
        assertThat(page).hasURL(KEYCLOAK_LOGIN);
        page.getByLabel("Username or email").fill(user);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(stack.password(user));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In")).click();
        try {
            page.waitForURL(url -> url.startsWith(stack.baseUrl()) && !url.contains("code="));
        } catch (TimeoutError stayed) {
            // most often a wrong password (see -De2e.users): say what Keycloak said instead of "timeout"
            String said = page.locator("body").innerText().replaceAll("\\s+", " ").trim();
            throw new AssertionError("Signing in as " + user + " did not lead back to the portal; " + page.url()
                    + " says: " + said.substring(0, Math.min(300, said.length())), stayed);
        }
    }

    String url(String path) {
        return stack.url(path);
    }

    List<Visitor> visitors() {
        return visitors;
    }
}
