package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Noah holds a time with Dr Aoife Byrne in Dublin and lets it run out. The journeys' stack holds
 * times at Dublin Docklands for seconds instead of minutes ({@link Stack}): while the hold runs,
 * Jack, looking at the same day, is not offered the time; then Noah's countdown reaches zero and
 * the page says so, confirming is refused with the reason, and the time is offered again to both.
 * <p>
 * Against a deployment whose holds last minutes ({@code -De2e.base-url} without the QA setting),
 * Noah lets the time go at once and the journey is skipped rather than waiting ten minutes.
 */
@PortalJourney
@Order(12)
@Tag("booking")
@Tag("slow")
@Needs(patients = {"noah", "jack"}, doctors = "Dr Aoife Byrne", services = "General consultation")
class HoldExpiryJourneyIT {

    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
    private static final String DOCTOR = "Dr Aoife Byrne";
    private static final String SERVICE = "General consultation";
    /** The longest hold the journey waits out. */
    private static final Duration SHORT_ENOUGH = Duration.ofMinutes(2);
    private static final Pattern TIME_LEFT = Pattern.compile("(\\d+):(\\d{2}) left");
    private static final String RAN_OUT = "Your hold has run out. Choose a time again.";

    @Test
    void noahsHoldRunsOutAndTheTimeIsOfferedAgain(Portal portal) {
        Visitor noah = portal.login("noah");
        Visitor jack = portal.login("jack");
        noah.seesPage("Hello, Noah Williams");
        jack.seesPage("Hello, Jack Brooks");

        // both look at the same day; Dublin wants four hours' notice, so two days on is clear of it
        Booking.openDoctor(noah, DOCTOR);
        String day = Booking.pickDayFrom(noah, LocalDate.now(DUBLIN).plusDays(2), 0);
        Booking.openDoctor(jack, DOCTOR);
        Booking.pickTheDay(jack, day);
        Locator noahsChoice = Booking.freeTimes(noah.page(), day).first();
        String time = Booking.timeOf(noahsChoice);
        Locator jacksOffer = jack.page().getByRole(AriaRole.BUTTON, named(holdLabel(time, day)));
        assertThat(jacksOffer).isVisible();

        noahsChoice.click();
        Booking.keepOnlyTheNewHold(noah);
        noah.seesPage("Your held time");
        Page page = noah.page();
        Booking.assertHeldAt(page, time);
        Duration left = timeLeft(page);
        if (left.compareTo(SHORT_ENOUGH) > 0) {
            page.getByRole(AriaRole.BUTTON, named("Release this time")).click();
            assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        }
        assumeTrue(left.compareTo(SHORT_ENOUGH) <= 0, "A new hold at Dublin Docklands has " + left.toSeconds()
                + " s to run on " + portal.url("") + ", too long to wait for; start that portal with"
                + " PORTAL_BOOKING_HOLD_OVERRIDE=PT30S and PORTAL_BOOKING_HOLD_OVERRIDE_CENTRES=3 to watch one run out");

        // while Noah's hold runs, nobody else is offered the time
        Booking.pickTheDay(jack, day);
        assertThat(jacksOffer).hasCount(0);
        assertThat(page.getByRole(AriaRole.TIMER)).not().containsText("0:00 left");

        // the countdown reaches zero and the page says so, in a live region
        Locator ranOut = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(RAN_OUT));
        assertThat(ranOut).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(left.plus(Duration.ofSeconds(30)).toMillis()));
        assertThat(page.getByRole(AriaRole.TIMER)).containsText("0:00 left");
        noah.seesChangedPage("the hold ran out");

        // confirming is no longer offered, and the alert leads back to the doctor's times
        assertThat(page.getByRole(AriaRole.BUTTON, named("Confirm booking"))).hasCount(0);
        assertThat(ranOut.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Choose a time again"))).isVisible();

        // Jack is offered the time again
        Booking.pickTheDay(jack, day);
        assertThat(jacksOffer).isVisible();
        jack.seesChangedPage("the time is free again");

        // Noah's booking reads Expired once the clinic's sweep has been by, and offers no confirm
        Pages.reloadUntilVisible(page, AppointmentPage.status(page, "Expired"), Duration.ofMinutes(2));
        noah.seesPage(SERVICE);
        Locator expired = page.getByText("Your hold on this time has run out.");
        assertThat(expired).hasAttribute("data-error-code", "HOLD_EXPIRED");
        assertThat(AppointmentPage.timelineEntry(page, "Draft → Expired")).containsText("by the system · Hold expired");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Confirm booking"))).hasCount(0);

        // and choosing again offers him the same time
        expired.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Choose a time again")).click();
        noah.seesPage(DOCTOR);
        Booking.pickTheDay(noah, day);
        assertThat(page.getByRole(AriaRole.BUTTON, named(holdLabel(time, day)))).isVisible();
    }

    /** What the countdown says is left when the checkout opens: "0:28 left" is 28 seconds. */
    private static Duration timeLeft(Page page) {
        Locator timer = page.getByRole(AriaRole.TIMER);
        assertThat(timer).containsText(TIME_LEFT);
        Matcher left = TIME_LEFT.matcher(timer.innerText());
        if (!left.find()) {
            throw new AssertionError("No time left in the countdown: " + timer.innerText());
        }
        return Duration.ofMinutes(Long.parseLong(left.group(1))).plusSeconds(Long.parseLong(left.group(2)));
    }

    private static String holdLabel(String time, String day) {
        return "Hold " + time + " on " + day;
    }
}
