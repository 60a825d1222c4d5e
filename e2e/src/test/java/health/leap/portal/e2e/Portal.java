package health.leap.portal.e2e;

import health.leap.portal.platform.KeycloakServer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The portal as one journey sees it: people log in through the real identity provider, each in a
 * browser context of their own, and only the people the journey's {@link Needs} names. A patient is
 * left as the journey found them: what an earlier run left behind is cancelled when they first sign
 * in, and what this journey leaves when it ends ({@link Tidy}).
 */
final class Portal {

    static final Pattern KEYCLOAK_LOGIN = Pattern.compile("/realms/[^/]+/protocol/openid-connect/auth");
    /** What Keycloak's login page says to a login it does not know or a wrong password. */
    private static final String UNKNOWN_LOGIN = "Invalid username or password";

    private final Stack stack;
    private final String journey;
    private final Needs needs;
    private final List<Visitor> visitors = new ArrayList<>();
    /** Each patient who signed in, with the browser their bookings are tidied up in. */
    private final Map<String, Visitor> patients = new LinkedHashMap<>();
    private final AtomicInteger pagesSeen = new AtomicInteger();

    Portal(Stack stack, String journey, Needs needs) {
        this.stack = stack;
        this.journey = journey;
        this.needs = needs;
    }

    Visitor login(String user) {
        return login(user, Device.DESKTOP);
    }

    /** What the mail server the portal sends to received for {@code address}; skips the journey where it cannot be read. */
    Mailbox mailbox(String address) {
        Optional<Mailbox> mailbox = mailboxIfKnown(address);
        org.junit.jupiter.api.Assumptions.assumeTrue(mailbox.isPresent(),
                "the portal's mail server is not known here: give its GreenMail API with -De2e.mail-api=http://host:port");
        return mailbox.get();
    }

    /**
     * The same inbox, or nothing where the mail server is not known here: for a journey whose mail is
     * one step of a story that the page and the calendar file tell without it.
     */
    Optional<Mailbox> mailboxIfKnown(String address) {
        return stack.mailApi().map(api -> new Mailbox(api, address));
    }

    /**
     * Someone at the portal who has not signed in (yet): a browser context of their own, photographed
     * and checked as any visitor's, whose pages the journey drives itself (the identity provider's own).
     */
    Visitor signedOut(String who) {
        Visitor visitor = new Visitor(who, Device.DESKTOP,
                Accessibility.prepare(Chromium.browser().newContext(Device.DESKTOP.contextOptions().setBaseURL(stack.baseUrl()))),
                journey, pagesSeen);
        visitors.add(visitor);
        return visitor;
    }

    /**
     * A login made for this journey alone at the build's Keycloak, linked to the record of {@code patient}
     * (whom the journey's {@code @Needs} names, so nobody else reads that record meanwhile): for a journey
     * that changes a password, which the demo's own logins keep for every other journey. Skips the
     * journey against a deployment, whose identity provider the journeys cannot make logins at.
     */
    String loginOfItsOwn(String patient, long tenantId, long leadId) {
        DataCheck.assertNamed(needs, patient, journey);
        Optional<KeycloakServer> keycloak = stack.buildsKeycloak();
        org.junit.jupiter.api.Assumptions.assumeTrue(keycloak.isPresent(),
                "makes a login of its own through the admin API of the build's Keycloak, which a deployment does not offer");
        String username = patient + "-" + Long.toString(System.nanoTime(), 36);
        return keycloak.get().ensurePatient(username, tenantId, leadId);
    }

    /** The build's Keycloak, or nothing against a deployment: for a journey that reads an account there as well. */
    Optional<KeycloakServer> keycloakIfBuilt() {
        return stack.buildsKeycloak();
    }

    /** The build's Keycloak, where {@link #loginOfItsOwn} made its login. */
    KeycloakServer buildsKeycloak() {
        return stack.buildsKeycloak().orElseThrow();
    }

    Visitor login(String user, Device device) {
        DataCheck.assertNamed(needs, user, journey);
        Visitor visitor = new Visitor(user, device,
                Accessibility.prepare(Chromium.browser().newContext(device.contextOptions().setBaseURL(stack.baseUrl()))), journey, pagesSeen);
        visitors.add(visitor);
        login(visitor.page(), user);
        if (DataCheck.isPatient(needs, user) && !patients.containsKey(user)) {
            if (patients.isEmpty()) {
                DataCheck.doctorsAndServices(this, visitor, needs);
            }
            patients.put(user, visitor);
            Tidy.Outcome leftovers = Tidy.cancelLeftovers(this, visitor, needs.dependants());
            // what cannot be cancelled may still leave the patient room to book: the journey goes on, and says so
            leftovers.leftBehind().forEach(sentence -> System.out.println(journey + ": left by an earlier run: " + sentence));
            if (leftovers.cancelled() > 0) {
                visitor.page().reload();
            }
        }
        return visitor;
    }

    /**
     * Signs in on the identity provider's page the browser is on, whatever its language (by the
     * fields' ids), and waits to be back at the portal.
     */
    void signInOnThePage(Page page, String user) {
        page.locator("#username").fill(user);
        page.locator("#password").fill(stack.password(user));
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(stack.baseUrl()) && !url.contains("code="));
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
            DataCheck.require(!said.contains(UNKNOWN_LOGIN), "This journey needs the login " + user + ", which cannot sign in at "
                    + stack.baseUrl() + " (Keycloak says: " + UNKNOWN_LOGIN + "); name its password with -De2e.users.");
            throw new AssertionError("Signing in as " + user + " did not lead back to the portal; " + page.url()
                    + " says: " + said.substring(0, Math.min(300, said.length())), stayed);
        }
    }

    /**
     * Cancels what the journey leaves its patients holding or booked, pass or fail; returns a sentence
     * for each booking it could not cancel.
     */
    List<String> tidyUp() {
        List<String> leftBehind = new ArrayList<>();
        patients.values().forEach(patient -> leftBehind.addAll(Tidy.cancelLeftovers(this, patient, needs.dependants()).leftBehind()));
        return leftBehind;
    }

    /** Where the portal's Prometheus page is, if the journeys know it. */
    Optional<String> metricsUrl() {
        return stack.metricsUrl();
    }

    String url(String path) {
        return stack.url(path);
    }

    List<Visitor> visitors() {
        return visitors;
    }
}
