package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal in Spanish, end to end. Lucía's Keycloak account says her language is Spanish, so
 * without choosing anything she books a primary care visit, moves it and cancels it, all in Spanish,
 * and the clinic's three emails reach her in Spanish too, with the times written the Spanish way.
 * Maya, whose browser asks for English, switches to Spanish with the switcher in the header; the
 * choice stays as she moves around and comes back to English the same way. Lucía, having chosen
 * Spanish on her browser before, signs in on the identity provider's page in Spanish.
 */
@PortalJourney
@Tag("booking")
class SpanishJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final String LUCIA = "lucia@example.com";
    private static final String DOCTOR = "Dr Rachel Green";
    private static final Pattern DATE = Pattern.compile("[?&]date=(\\d{4}-\\d{2}-\\d{2})");

    @Test
    @Needs(patients = "lucia")
    void luciaWhoChoseSpanishHereSignsInOnASpanishPage(Portal portal) {
        Visitor lucia = portal.signedOut("lucia");
        Page page = lucia.page();
        // the switcher's choice on this browser, from an earlier visit
        page.context().addCookies(List.of(new com.microsoft.playwright.options.Cookie("lang", "es").setUrl(portal.url("/"))));
        page.navigate(portal.url("/"));
        assertThat(page).hasURL(Portal.KEYCLOAK_LOGIN);
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        assertThat(page.getByText("Username or email")).hasCount(0);
        portal.signInOnThePage(page, "lucia");
        lucia.seesPage("Hola, Lucía Ramírez");
    }

    @Test
    @Needs(patients = "lucia", doctors = DOCTOR, services = "Primary care visit")
    void luciaBooksMovesAndCancelsInSpanishAndHearsInSpanish(Portal portal) {
        Mailbox mailbox = portal.mailbox(LUCIA);
        Visitor lucia = portal.login("lucia");
        Page page = lucia.page();
        // her identity provider's locale: Spanish, though her browser asks for English
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        lucia.seesChangedPage("inicio");

        page.getByRole(AriaRole.LINK, named("Buscar un médico")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        lucia.seesChangedPage("buscar un medico");
        page.getByRole(AriaRole.LINK, named(DOCTOR)).first().click();
        lucia.seesPage(DOCTOR);

        holdFirstFreeTime(lucia, LocalDate.now(BOSTON).plusDays(3));
        lucia.seesPage("Su hora reservada provisionalmente");
        String when = whenOnThePage(page);
        // Spanish weekday and month, in lower case, with Boston's zone named
        assertTrue(when.matches("^(lun|mar|mié|jue|vie|sáb|dom)\\.? \\d{1,2} [a-zé]+\\.? \\d{4}, \\d{2}:\\d{2} E[SD]T \\(America/New_York\\)$"),
                "the time written the Spanish way: " + when);

        String confirmedSubject = "Cita confirmada: Primary care visit, " + when;
        long before = mailbox.count(m -> m.subject().equals(confirmedSubject));
        page.getByRole(AriaRole.BUTTON, named("Confirmar cita")).click();
        assertThat(page.getByText("Su cita está confirmada.")).isVisible();
        lucia.seesChangedPage("cita confirmada");
        Mailbox.Mail confirmation = mailbox.awaitNew(m -> m.subject().equals(confirmedSubject), before, "confirmación");
        assertTrue(confirmation.text().contains("Cuándo: " + when), confirmation.text());
        assertTrue(confirmation.text().contains("Hola, Lucía Ramírez"), confirmation.text());
        assertTrue(confirmation.attachments().get(0).contains("TZID=America/New_York"), confirmation.attachments().toString());

        // move it to another day: the page and the email say so in Spanish
        page.getByRole(AriaRole.LINK, named("Cambiar a otra hora")).click();
        lucia.seesPage("Cambiar la hora de su cita");
        moveToFirstFreeTime(lucia, LocalDate.now(BOSTON).plusDays(4));
        assertThat(page.getByText("Su cita está confirmada.")).isVisible();
        String newWhen = whenOnThePage(page);
        Mailbox.Mail moved = mailbox.awaitNew(m -> m.subject().equals("Cita cambiada de hora: Primary care visit, ahora " + newWhen),
                0, "cambio de hora");
        assertTrue(moved.text().contains("de " + when + " a " + newWhen), moved.text());
        lucia.seesChangedPage("cita cambiada de hora");

        // and cancel it
        page.getByLabel("Motivo de la cancelación (opcional)").fill("Ya me siento mejor");
        page.getByRole(AriaRole.BUTTON, named("Cancelar cita")).click();
        assertThat(page.getByText("Estado: Cancelada", new Page.GetByTextOptions().setExact(true))).isVisible();
        lucia.seesChangedPage("cita cancelada");
        Mailbox.Mail cancelled = mailbox.awaitNew(m -> m.subject().equals("Cita cancelada: Primary care visit, " + newWhen),
                0, "cancelación");
        assertTrue(cancelled.text().contains("usted canceló esta cita"), cancelled.text());
    }

    @Test
    @Needs(patients = "maya", demoData = "Maya Johnson, patient of Sunrise Clinics, whose browser asks for English")
    void mayaSwitchesToSpanishAndBack(Portal portal) {
        Visitor maya = portal.login("maya");
        Page page = maya.page();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        maya.seesChangedPage("my appointments in English");

        // the switcher names Spanish in Spanish, and goes back to the same page
        String here = page.url();
        page.locator("form.language-switch button[lang=es]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        assertEquals(here, page.url());
        assertThat(page.getByRole(AriaRole.LINK, named("Mis citas"))).isVisible();
        maya.seesChangedPage("mis citas");
        // remembered on the next page
        page.getByRole(AriaRole.LINK, named("Mis paquetes")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        maya.seesChangedPage("mis paquetes");

        page.locator("form.language-switch button[lang=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.LINK, named("My packages"))).isVisible();
    }

    /** Picks the first day with free times from {@code earliest} on, then its first free time that holds. */
    private static void holdFirstFreeTime(Visitor visitor, LocalDate earliest) {
        takeFirstFreeTime(visitor, earliest, "/appointments");
    }

    private static void moveToFirstFreeTime(Visitor visitor, LocalDate earliest) {
        takeFirstFreeTime(visitor, earliest, "/reschedule");
    }

    /**
     * Clicks the day's free times in turn until one is taken (the form posts to an address ending in
     * {@code posting}): a time that overlaps another booking of hers is refused, and she takes the next.
     */
    private static void takeFirstFreeTime(Visitor visitor, LocalDate earliest, String posting) {
        Page page = visitor.page();
        openDayFrom(visitor, earliest);
        Locator times = page.locator("#main button[name=slot]");
        for (int nth = 0; nth < 8; nth++) {
            Locator choice = times.nth(nth);
            Response answer = page.waitForResponse(
                    r -> r.request().method().equals("POST") && r.url().endsWith(posting), choice::click);
            if (answer.status() != 409 || !answer.text().contains("OVERLAPPING_BOOKING")) {
                return;
            }
        }
        throw new AssertionError("Every time tried overlaps another booking, at " + page.url());
    }

    /** Clicks the first day link of the page's day list on or after {@code earliest}, and waits for its times. */
    private static void openDayFrom(Visitor visitor, LocalDate earliest) {
        Page page = visitor.page();
        List<Locator> days = page.locator("nav.days a").all().stream()
                .filter(day -> {
                    Matcher date = DATE.matcher(day.getAttribute("href"));
                    return date.find() && !LocalDate.parse(date.group(1)).isBefore(earliest);
                }).toList();
        assertTrue(!days.isEmpty(), "no free day from " + earliest + " at " + page.url());
        days.get(0).click();
        assertThat(days.get(0)).hasAttribute("aria-current", "date");
        assertThat(page.locator("#main button[name=slot]").first()).isVisible();
        visitor.seesChangedPage("horas libres");
    }

    /** The "Cuándo" of the booking's page, as the page writes it. */
    private static String whenOnThePage(Page page) {
        return page.getByRole(AriaRole.DEFINITION).first().textContent().trim();
    }
}
