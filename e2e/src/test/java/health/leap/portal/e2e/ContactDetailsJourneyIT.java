package health.leap.portal.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import health.leap.portal.platform.KeycloakServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oliver's contact details, changed by himself on his profile (issue 35): a phone number the clinic
 * could not dial is refused at its field, his new one is saved at once; a new email address is his
 * once he opens the link mailed to it, his old address is told, Keycloak's account takes it (he signs
 * in with it), and the next reminder goes there. Every page passes axe, the refusals too. Then he
 * changes both back the same way, so every other journey finds him as the demo made him. Lucía meets
 * a refusal in Spanish.
 */
@PortalJourney
@Tag("accounts")
class ContactDetailsJourneyIT {

    private static final String OLIVERS = "oliver@example.com";
    private static final String OLIVERS_PHONE = "+44 7700 900002";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/profile/email/confirm\\?token=[A-Za-z0-9_-]+");

    @Test
    @Needs(patients = "oliver", staff = "staff.harbour", doctors = "Dr Priya Raman", services = "General consultation",
            demoData = "Oliver's address oliver@example.com and phone +44 7700 900002; his GP care plan pays for a consultation")
    void oliverChangesHisPhoneAndHisEmailAndHisNextReminderGoesThere(Portal portal) throws IOException {
        String fresh = "oliver." + Long.toString(System.nanoTime(), 36) + "@example.net";
        Mailbox oldBox = portal.mailbox(OLIVERS);
        Mailbox newBox = portal.mailbox(fresh);
        Visitor oliver = portal.login("oliver");
        Page page = oliver.page();
        page.navigate(portal.url("/profile"));
        oliver.seesPage("My profile");

        // a phone the clinic could not dial is refused at its field; the number on record stays
        phoneField(page).fill("call me");
        page.getByRole(AriaRole.BUTTON, named("Save phone number")).click();
        assertThat(page.locator("#phone-error[data-error-code=PHONE_INVALID]")).containsText("7 to 15 digits");
        assertThat(phoneField(page)).hasAttribute("aria-invalid", "true");
        oliver.seesPage("My profile");
        phoneField(page).fill("+44 7700 900222");
        page.getByRole(AriaRole.BUTTON, named("Save phone number")).click();
        assertThat(page.getByText("The phone number is saved.")).isVisible();
        assertThat(page.getByRole(AriaRole.DEFINITION).filter(new Locator.FilterOptions()
                .setHasText("+44 7700 900222"))).hasCount(1);

        // a new address: a link goes to it, and nothing changes until it is opened
        String noticeSubject = "Your email address with Harbour Health has changed";
        long toldBefore = oldBox.count(m -> m.subject().equals(noticeSubject));
        changeEmail(oliver, fresh, newBox);
        oliver.seesPage("My profile");
        assertThat(page.getByRole(AriaRole.CELL, named(fresh))).isVisible();
        Mailbox.Mail told = oldBox.awaitNew(m -> m.subject().equals(noticeSubject), toldBefore, "notice to the old address");
        assertTrue(told.text().contains("now go to o•••@example.net"), told.text());

        // Keycloak's account has it too: Oliver signs in with it
        Optional<KeycloakServer> keycloak = portal.keycloakIfBuilt();
        if (keycloak.isPresent()) {
            JsonNode account = new ObjectMapper().readTree(keycloak.get().admin("GET", "/users?exact=true&username=oliver", null)
                    .body()).path(0);
            assertEquals(fresh, account.path("email").asText());
            assertEquals(200, keycloak.get().passwordGrant(KeycloakServer.TEST_CLIENT, fresh, "demo").statusCode(),
                    "Oliver signs in with his new address");
        }

        // his next reminder goes to the new address
        Booking.openDoctor(oliver, "Dr Priya Raman");
        String time = Booking.holdFirstTime(oliver, Booking.pickDay(oliver, 2));
        oliver.seesPage("Your held time");
        page.getByRole(AriaRole.BUTTON, named("Confirm with package")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        long booking = AppointmentPage.number(page);
        Instant reminderTime = AppointmentPage.startsAt(page).minus(Duration.ofDays(1));
        String subject = "Reminder: General consultation, " + AppointmentPage.when(page, time);
        Visitor frontDesk = portal.login("staff.harbour");
        assertEquals("Reminder of booking #" + booking + " queued as at " + reminderTime.plus(Duration.ofMinutes(1)) + ".",
                ReminderJourneyIT.remindAt(portal, frontDesk, booking, reminderTime.plus(Duration.ofMinutes(1))));
        newBox.awaitNew(m -> m.subject().equals(subject), 0, "reminder at the new address");
        assertEquals(0, oldBox.count(m -> m.subject().equals(subject)), "no reminder at the old address");

        // and back as the demo made him, the same way
        page.navigate(portal.url("/profile"));
        phoneField(page).fill(OLIVERS_PHONE);
        page.getByRole(AriaRole.BUTTON, named("Save phone number")).click();
        assertThat(page.getByText("The phone number is saved.")).isVisible();
        changeEmail(oliver, OLIVERS, oldBox);
        keycloak.ifPresent(k -> assertEquals(200, k.passwordGrant(KeycloakServer.TEST_CLIENT, OLIVERS, "demo").statusCode()));
    }

    @Test
    @Needs(patients = "lucia")
    void luciaIsToldInSpanishWhatAnEmailAddressIs(Portal portal) {
        Visitor lucia = portal.login("lucia");
        Page page = lucia.page();
        page.navigate(portal.url("/profile"));
        lucia.seesPage("Mi perfil");
        page.getByLabel("Nueva dirección de correo").fill("lucia arroba ejemplo");
        page.getByRole(AriaRole.BUTTON, named("Enviar un enlace a esta dirección")).click();
        assertThat(page.locator("#email-error[data-error-code=EMAIL_INVALID]")).containsText("sin espacios");
        lucia.seesPage("Mi perfil");
    }

    /** The phone field (the trail's table, "Changes to the phone number and email address", is named alike). */
    private static Locator phoneField(Page page) {
        return page.getByLabel("Phone number", new Page.GetByLabelOptions().setExact(true));
    }

    /** Asks for {@code address} on the profile, opens the link mailed to it and confirms it. */
    private static void changeEmail(Visitor patient, String address, Mailbox inbox) {
        Page page = patient.page();
        page.navigate(page.url().replaceAll("/profile.*$", "/profile"));
        long before = inbox.count(m -> m.subject().startsWith("Confirm your new email address"));
        page.getByLabel("New email address").fill(address);
        page.getByRole(AriaRole.BUTTON, named("Send a link to this address")).click();
        assertThat(page.getByText("A link is on its way to the new address")).isVisible();
        patient.seesPage("My profile");
        Mailbox.Mail mail = inbox.awaitNew(m -> m.subject().startsWith("Confirm your new email address"), before, "link to confirm");
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), "the mail carries the link: " + mail.text());
        page.navigate(link.group());
        patient.seesPage("Confirm the new email address");
        assertThat(page.getByText(address)).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Use this email address")).click();
        assertThat(page.getByText("The email address has changed: emails go to it from now on.")).isVisible();
        assertThat(page.getByRole(AriaRole.DEFINITION).filter(new Locator.FilterOptions()
                .setHasText(address))).hasCount(1);
    }
}
