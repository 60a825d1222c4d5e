package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main story: a patient finds a physiotherapist, holds a time, pays the token and is booked. */
@PortalJourney
@Tag("smoke")
@Tag("booking")
@Needs(patients = "oliver", doctors = "Dr Tom Okafor", services = "Physiotherapy session")
class PatientBooksJourneyIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void oliverBooksAPhysiotherapySessionAndPaysTheTokenInTheSandbox(Portal portal) {
        Visitor oliver = portal.login("oliver");
        Page page = oliver.page();
        oliver.seesPage("Hello, Oliver Brooks");
        Optional<Metrics> before = Metrics.read(page, portal);

        page.getByRole(AriaRole.LINK, named("Find a doctor")).click();
        oliver.seesPage("Find a doctor");

        // htmx swaps the results in place; a page load would forget this mark
        page.evaluate("() => { window.sameDocument = true; }");
        page.getByLabel("Specialty").selectOption("Physiotherapy");
        assertThat(page).hasURL(Pattern.compile("[?&]specialty=Physiotherapy"));
        Locator results = Booking.doctorResults(page);
        assertThat(results.getByRole(AriaRole.HEADING)).hasText(new String[] {"Dr Tom Okafor"});
        assertEquals(Boolean.TRUE, page.evaluate("() => window.sameDocument === true"),
                "filtering reloaded the page instead of updating the list");
        oliver.seesChangedPage("physiotherapists");

        results.getByRole(AriaRole.LINK, childNamed("Dr Tom Okafor")).click();
        oliver.seesPage("Dr Tom Okafor");
        String day = Booking.pickDayFrom(oliver, Booking.cancellableFrom(LONDON), 1);
        String time = Booking.holdFirstTime(oliver, day);

        oliver.seesPage("Your held time");
        assertThat(page.getByText("Physiotherapy session").first()).isVisible();
        Booking.assertHeldAt(page, time);
        Locator countdown = page.getByRole(AriaRole.TIMER);
        assertThat(countdown).containsText(Pattern.compile("\\d+:\\d{2} left"));
        String shownFirst = countdown.textContent();
        assertThat(countdown).not().hasText(shownFirst);

        page.getByRole(AriaRole.BUTTON, named("Pay GBP 20.00 and confirm")).click();
        SandboxGateway.Payment paid = SandboxGateway.pay(oliver);

        oliver.seesPage("Physiotherapy session");
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        assertThat(page.getByText("Status: Confirmed")).isVisible();
        assertThat(page.getByText("ref. " + paid.reference())).isVisible();

        page.getByRole(AriaRole.LINK, named("Home")).click();
        oliver.seesPage("Hello, Oliver Brooks");
        assertThat(page.getByRole(AriaRole.REGION, named("Upcoming appointments")))
                .containsText("Physiotherapy session with Dr Tom Okafor");

        assertEquals("GBP 20.00", paid.amountAsked(), "the amount the sandbox gateway asked for");

        // the people who run the portal see the booking in its counters (where /q/metrics is reachable)
        before.ifPresent(earlier -> {
            Metrics later = Metrics.read(page, portal).orElseThrow();
            assertTrue(later.counter("portal_holds_total", "") >= earlier.counter("portal_holds_total", "") + 1, "holds");
            assertTrue(later.counter("portal_confirmations_total", "status=\"CONFIRMED\"")
                    >= earlier.counter("portal_confirmations_total", "status=\"CONFIRMED\"") + 1, "confirmations");
            assertTrue(later.counter("http_server_requests_seconds_count", "uri=\"/doctors/{id}\"") >= 1,
                    "the doctor's page in the route latencies");
        });
    }
}
