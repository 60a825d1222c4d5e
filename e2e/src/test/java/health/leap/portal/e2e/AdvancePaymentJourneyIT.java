package health.leap.portal.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The booking a clinic takes an advance for: Chloe filters for a dentist, holds a time, pays 25 %
 * of the fee in the sandbox, finds the booking in her history and adds it to her calendar.
 */
@PortalJourney
@Tag("booking")
@Needs(patients = "chloe", doctors = "Dr Hannah Kim", services = "Dental cleaning")
class AdvancePaymentJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");

    @Test
    void chloePaysAnAdvanceForADentalCleaningAndAddsItToHerCalendar(Portal portal) throws IOException {
        Visitor chloe = portal.login("chloe");
        Page page = chloe.page();
        chloe.seesPage("Hello, Chloe Martin");
        // the login's session cookies and the CSRF cookie are out of reach of scripts and of other sites' forms
        List<Cookie> cookies = page.context().cookies().stream()
                .filter(c -> c.name.startsWith("q_session") || c.name.equals("csrf-token")).toList();
        assertTrue(cookies.stream().anyMatch(c -> c.name.equals("q_session")), "no session cookie: " + cookies);
        for (Cookie cookie : cookies) {
            assertTrue(cookie.httpOnly, cookie.name + " is not HttpOnly");
            assertEquals(SameSiteAttribute.LAX, cookie.sameSite, cookie.name + " is not SameSite=Lax");
        }

        page.getByRole(AriaRole.LINK, named("Find a doctor")).click();
        chloe.seesPage("Find a doctor");
        page.getByLabel("Specialty").selectOption("Dentistry");
        Locator results = Booking.doctorResults(page);
        assertThat(results.getByRole(AriaRole.HEADING)).hasText(new String[] {"Dr Hannah Kim"});
        chloe.seesChangedPage("dentists");

        results.getByRole(AriaRole.LINK, childNamed("Dr Hannah Kim")).click();
        chloe.seesPage("Dr Hannah Kim");
        String day = Booking.pickDayFrom(chloe, Booking.cancellableFrom(BOSTON), 2);
        String time = Booking.holdFirstTime(chloe, day);
        chloe.seesPage("Your held time");
        Booking.assertHeldAt(page, time);

        // a quarter of the USD 180.00 fee is asked for online
        page.getByRole(AriaRole.BUTTON, named("Pay USD 45.00 and confirm")).click();
        SandboxGateway.Payment paid = SandboxGateway.pay(chloe);
        assertEquals("USD 45.00", paid.amountAsked(), "the amount the sandbox gateway asked for");

        chloe.seesPage("Dental cleaning");
        assertThat(page.getByText("Status: Confirmed")).isVisible();
        assertThat(page.getByText("ref. " + paid.reference())).isVisible();
        String when = AppointmentPage.when(page, time);

        // the booking is in her history, newest first, beside those earlier runs cancelled
        page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK, childNamed("My appointments")).click();
        chloe.seesPage("My appointments");
        // an earlier run may have booked, and cancelled, the same time: this run's booking is the confirmed one
        Locator row = page.getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText("Dental cleaning with Dr Hannah Kim"))
                .filter(new Locator.FilterOptions().setHasText(when))
                .filter(new Locator.FilterOptions().setHasText("Confirmed"));
        assertThat(row).hasCount(1);
        row.getByRole(AriaRole.LINK).click();
        chloe.seesPage("Dental cleaning");

        Download download = page.waitForDownload(page.getByRole(AriaRole.LINK, named("Add to my calendar"))::click);
        assertTrue(download.suggestedFilename().endsWith(".ics"), download.suggestedFilename());
        String calendar = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(calendar.startsWith("BEGIN:VCALENDAR"), calendar);
        assertTrue(calendar.contains("Dental cleaning with Dr Hannah Kim"), calendar);
        assertTrue(Pattern.compile("DTSTART;TZID=America/New_York:\\d{8}T\\d{6}").matcher(calendar).find(),
                "the start is not in Boston's zone:\n" + calendar);
        assertTrue(calendar.contains("TZID:America/New_York"), "no VTIMEZONE of the centre's zone:\n" + calendar);
    }
}
