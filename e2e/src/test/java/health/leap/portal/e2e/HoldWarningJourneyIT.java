package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No surprise timeouts. Oliver holds a time at Dublin Docklands, where the journeys' stack holds for
 * seconds ({@link Stack}), so the hold is within its last minute at once: the page says so in its
 * polite status region, which a screen reader announces, and offers to keep the time. He keeps it,
 * the hold runs longer, the offer is gone (the clinic allows one), and the timeline says so.
 */
@PortalJourney
@Tag("booking")
@Needs(patients = "oliver", doctors = "Dr Aoife Byrne", services = "General consultation")
class HoldWarningJourneyIT {

    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    @Test
    void oliverIsWarnedHisHoldEndsAndKeepsTheTime(Portal portal) {
        Visitor oliver = portal.login("oliver");
        Page page = oliver.page();
        Booking.openDoctor(oliver, "Dr Aoife Byrne");
        String day = Booking.pickDayFrom(oliver, LocalDate.now(DUBLIN).plusDays(2), 1);
        Booking.holdFirstTime(oliver, day);
        Booking.keepOnlyTheNewHold(oliver);
        oliver.seesPage("Your held time");
        Instant until = Instant.parse(page.locator("[data-expires-at]").getAttribute("data-expires-at"));
        assumeTrue(until.isBefore(Instant.now().plusSeconds(120)), "holds at Dublin Docklands last minutes on "
                + portal.url("") + ": start it with PORTAL_BOOKING_HOLD_OVERRIDE=PT30S and PORTAL_BOOKING_HOLD_OVERRIDE_CENTRES=3");

        // announced politely, and shown
        Locator announcement = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("ends in 1 minute"));
        assertThat(announcement).isVisible();
        assertThat(announcement).hasAttribute("aria-live", "polite");
        Locator keep = page.getByRole(AriaRole.BUTTON, named(java.util.regex.Pattern.compile("^Keep this time for ")));
        assertThat(keep).isVisible();
        oliver.seesChangedPage("the hold is about to end");

        keep.click();
        assertThat(keep).hasCount(0);
        Instant kept = Instant.parse(page.locator("[data-expires-at]").getAttribute("data-expires-at"));
        assertTrue(kept.isAfter(until), "the hold runs longer: " + until + " then " + kept);
        assertThat(AppointmentPage.timelineEntry(page, "Hold kept for")).hasCount(1);
        oliver.seesChangedPage("the time is kept");

        // he lets it go, as a patient who changed their mind would
        page.getByRole(AriaRole.BUTTON, named("Release this time")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
    }
}
