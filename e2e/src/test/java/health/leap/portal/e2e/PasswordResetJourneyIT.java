package health.leap.portal.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import health.leap.portal.platform.KeycloakServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forgotten password is not a phone call: from the sign-in page the patient asks for a link, reads
 * it in their mail (the identity provider sends it through the demo's GreenMail), and sets a new
 * password there, which the realm's policy checks, and is back in the portal. The demo's logins keep
 * their password for every other journey, so this one is a login made for the journey, linked to
 * Noah's record, whose pages it only reads.
 */
@PortalJourney
@Tag("accounts")
@Needs(patients = "noah")
class PasswordResetJourneyIT {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");

    @Test
    void aPatientWhoForgotTheirPasswordSetsANewOneFromTheLinkInTheirMail(Portal portal) {
        String login = portal.loginOfItsOwn("noah", 1, 4);
        String address = login + "@example.com";
        Mailbox mailbox = portal.mailbox(address);
        Visitor patient = portal.signedOut(login);
        Page page = patient.page();

        page.navigate(portal.url("/"));
        assertThat(page).hasURL(Portal.KEYCLOAK_LOGIN);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot Password?")).click();
        page.getByLabel("Username or email").fill(address);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.getByText("You should receive an email shortly with further instructions.")).isVisible();

        Mailbox.Mail mail = mailbox.awaitNew(m -> m.subject().contains("Reset password"), 0, "password reset link");
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), "the mail carries the link: " + mail.text());
        page.navigate(link.group().replace("&amp;", "&"));

        // the realm's policy applies to the new password
        page.getByLabel("New Password").fill("too short");
        page.getByLabel("Confirm password").fill("too short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.getByText("Invalid password: minimum length 12.")).isVisible();

        String chosen = "a new password of " + Long.toString(System.nanoTime(), 36);
        page.getByLabel("New Password").fill(chosen);
        page.getByLabel("Confirm password").fill(chosen);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        // back in the portal, signed in
        patient.seesPage("Hello, Noah Williams");

        // the new password signs in, the old one no longer does
        KeycloakServer keycloak = portal.buildsKeycloak();
        assertEquals(200, keycloak.passwordGrant(KeycloakServer.TEST_CLIENT, login, chosen).statusCode());
        String old = keycloak.passwordGrant(KeycloakServer.TEST_CLIENT, login, KeycloakServer.PATIENT_PASSWORD).body();
        assertTrue(old.contains("invalid_grant"), old);
    }
}
