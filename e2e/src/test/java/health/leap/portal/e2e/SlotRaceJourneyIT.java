package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two patients of Harbour Health, each in a browser of their own, want the same free time with
 * Dr Whitcombe. Noah holds it first; Isla, whose page still offers it, is told that someone else
 * has just taken it and is shown the day's times as they are now, and holds another one. Both
 * release their holds at the end, so the journey leaves no booking behind.
 */
@PortalJourney
@Order(11)
@Tag("booking")
@Needs(patients = {"noah", "isla"}, doctors = "Dr James Whitcombe", services = "General consultation")
class SlotRaceJourneyIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String DOCTOR = "Dr James Whitcombe";
    private static final String SERVICE = "General consultation";
    private static final String HOLDING_ANOTHER_TIME = "You are holding another time";
    private static final String TAKEN = "Someone else has just taken this time. Please choose another free time below.";

    @Test
    void noahHoldsTheTimeFirstAndIslaIsOfferedTheTimesStillFree(Portal portal) {
        Visitor noah = portal.login("noah");
        Visitor isla = portal.login("isla");
        noah.seesPage("Hello, Noah Williams");
        isla.seesPage("Hello, Isla Patel");

        // both open the same doctor, service and day; a day other journeys leave alone
        openGeneralConsultation(noah);
        String day = Booking.pickDayFrom(noah, LocalDate.now(LONDON).plusDays(2), 3);
        openGeneralConsultation(isla);
        assertEquals(day, Booking.pickTheDay(isla, day), "the day Isla picked");

        Locator noahsFirst = Booking.freeTimes(noah.page(), day).first();
        String time = Booking.timeOf(noahsFirst);
        Locator islasStaleTime = isla.page().getByRole(AriaRole.BUTTON, named(holdLabel(time, day)));
        assertThat(islasStaleTime).isVisible();

        // Noah is first
        noahsFirst.click();
        noah.seesPage("Your held time");
        Booking.assertHeldAt(noah.page(), time);

        // Isla's page still offers the time she loaded before
        Page page = isla.page();
        islasStaleTime.click();
        Locator taken = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(TAKEN));
        Locator holdingAnother = page.getByRole(AriaRole.HEADING, named(HOLDING_ANOTHER_TIME));
        assertThat(taken.or(holdingAnother)).isVisible();
        if (holdingAnother.isVisible()) {
            // the demo starts her with a hold of her own; she would give it up for this time
            isla.seesPage(HOLDING_ANOTHER_TIME);
            page.getByRole(AriaRole.BUTTON, named("Release it and hold this time instead")).click();
        }
        assertThat(taken).hasText(TAKEN);
        assertThat(taken).hasAttribute("data-error-code", "SLOT_TAKEN");
        isla.seesPage(DOCTOR);
        assertThat(page.getByRole(AriaRole.HEADING, named("Free times on " + day))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named(holdLabel(time, day)))).hasCount(0);

        // she holds another time from the fresh list
        Locator islasChoice = Booking.freeTimes(page, day).first();
        assertThat(islasChoice).isVisible();
        String islasTime = Booking.holdFirstTime(isla, day);
        Booking.keepOnlyTheNewHold(isla);
        isla.seesPage("Your held time");
        Booking.assertHeldAt(page, islasTime);

        // both let their times go again
        release(noah, time);
        release(isla, islasTime);
    }

    /** From the home page: the doctor's profile, with the general consultation at London Bridge chosen. */
    private static void openGeneralConsultation(Visitor visitor) {
        // he sees patients at London Bridge only
        Booking.openDoctorFor(visitor, DOCTOR, SERVICE + " (20 min, GBP 60.00)", "London Bridge");
    }

    private static void release(Visitor visitor, String time) {
        Page page = visitor.page();
        page.getByRole(AriaRole.BUTTON, named("Release this time")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Draft → Cancelled")).containsText("by you · Hold released");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Release this time"))).hasCount(0);
        visitor.seesPage(SERVICE);
        Booking.assertHeldAt(page, time);
    }

    private static String holdLabel(String time, String day) {
        return "Hold " + time + " on " + day;
    }
}
