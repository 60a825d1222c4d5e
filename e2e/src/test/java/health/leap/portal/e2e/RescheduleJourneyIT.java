package health.leap.portal.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moving a booking to another doctor or centre that gives the same service, with the old and the
 * new booking pointing at each other; a booking moves at most twice over its whole chain.
 * <p>
 * A move cannot be undone, so each journey moves a booking it made itself, never one of the demo's,
 * and the booking it ends with is cancelled when it ends ({@link Tidy}); the bookings it moved from
 * stay in the patient's history.
 */
@PortalJourney
@Order(5)
@Tag("manage")
class RescheduleJourneyIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String MOVE = "Move to another time";

    @Test
    @Needs(patients = "isla", doctors = {"Dr Priya Raman", "Dr James Whitcombe"}, services = "General consultation")
    void islaMovesHerConsultationTwiceAndAThirdMoveIsRefused(Portal portal) throws IOException {
        Visitor isla = portal.login("isla");
        Page page = isla.page();
        isla.seesPage("Hello, Isla Patel");

        Booking.openDoctor(isla, "Dr Priya Raman");
        String day = Booking.pickDayFrom(isla, LocalDate.now(LONDON).plusDays(2), 4);
        String time = Booking.holdFirstTime(isla, day);
        Booking.keepOnlyTheNewHold(isla);
        isla.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        isla.seesPage("General consultation");
        long booked = AppointmentPage.number(page);

        // first move: the same consultation with Dr Whitcombe, at the same centre
        page.getByRole(AriaRole.LINK, named(MOVE)).click();
        isla.seesPage("Move your booking");
        Rescheduling.showTimesOf(isla, "Dr James Whitcombe");
        String whitcombesDay = Booking.pickDayFrom(isla, LocalDate.now(LONDON).plusDays(2), 1);
        String whitcombesTime = Rescheduling.moveToFirstTime(isla, whitcombesDay);

        isla.seesPage("General consultation");
        long movedOnce = AppointmentPage.number(page);
        assertThat(AppointmentPage.status(page, "Confirmed")).isVisible();
        Booking.assertHeldAt(page, whitcombesTime);
        assertThat(AppointmentPage.fact(page, "Dr James Whitcombe")).hasCount(1);
        assertThat(page.getByText("This booking replaces booking #" + booked + ".")).isVisible();

        page.getByRole(AriaRole.LINK, named("booking #" + booked)).click();
        isla.seesPage("General consultation");
        assertThat(AppointmentPage.status(page, "Rescheduled")).isVisible();
        assertThat(page.getByText("This booking was moved: see booking #" + movedOnce + ".")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Rescheduled"))
                .containsText("by you · Moved to booking #" + movedOnce);
        assertThat(page.getByRole(AriaRole.LINK, named(MOVE))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);

        // second move: back to Dr Raman, on a Saturday morning at her other centre
        page.getByRole(AriaRole.LINK, named("booking #" + movedOnce)).click();
        isla.seesPage("General consultation");
        page.getByRole(AriaRole.LINK, named(MOVE)).click();
        isla.seesPage("Move your booking");
        Rescheduling.showTimesOf(isla, "Dr Priya Raman");
        Rescheduling.showTimesAt(isla, "Manchester Piccadilly");
        String saturday = Booking.pickDayFrom(isla, LocalDate.now(LONDON).plusDays(2), 0);
        assertTrue(saturday.startsWith("Saturday "), "Dr Raman sees patients in Manchester on Saturdays, not " + saturday);
        String saturdayTime = Rescheduling.moveToFirstTime(isla, saturday);

        isla.seesPage("General consultation");
        long movedTwice = AppointmentPage.number(page);
        Booking.assertHeldAt(page, saturdayTime);
        assertThat(AppointmentPage.fact(page, "Manchester Piccadilly")).hasCount(1);
        assertThat(page.getByText("This booking replaces booking #" + movedOnce + ".")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Moved from booking #" + movedOnce)).containsText("Confirmed by you");

        // a third move is more than the clinic allows: the page says so instead of offering it ...
        assertThat(page.getByRole(AriaRole.LINK, named(MOVE))).hasCount(0);
        assertThat(page.getByText("This booking has been moved 2 times already, the most this clinic allows."
                + " Cancel it and book again, or call the clinic.")).isVisible();
        isla.seesChangedPage("moved twice");

        // ... and so does the move page, asked for by its address
        Response refused = page.navigate(portal.url("/appointments/" + movedTwice + "/reschedule"));
        assertEquals(422, refused.status());
        isla.seesPage("Please check");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("the most this clinic allows");

        page.goBack();
        isla.seesPage("General consultation");
        String calendar = download(page, page.getByRole(AriaRole.LINK, named("Add to my calendar")),
                "appointment-" + movedTwice + ".ics");
        assertTrue(calendar.startsWith("BEGIN:VCALENDAR"), calendar);
        assertTrue(calendar.contains("TZID:Europe/London"), "no VTIMEZONE of the centre's zone:\n" + calendar);
        assertTrue(calendar.contains("DTSTART;TZID=Europe/London:"), "the start is not in the centre's zone:\n" + calendar);
        assertTrue(calendar.contains("General consultation with Dr Priya Raman"), calendar);
    }

    @Test
    @Needs(patients = "maya", doctors = {"Dr Rachel Green", "Dr Emily Foster"}, services = "Primary care visit")
    void mayaMovesHerCheckUpToADoctorAtTheChicagoCentre(Portal portal) throws IOException {
        Visitor maya = portal.login("maya");
        Page page = maya.page();
        maya.seesPage("Hello, Maya Johnson");

        // a check-up with Dr Green in Boston, beside the one the demo books her six days from now
        Booking.openDoctor(maya, "Dr Rachel Green");
        String bostonDay = Booking.pickDayFrom(maya, Booking.cancellableFrom(NEW_YORK), 3);
        String bostonTime = Booking.holdFirstTime(maya, bostonDay);
        maya.seesPage("Your held time");
        Booking.assertHeldAt(page, bostonTime);
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        maya.seesPage("Primary care visit");
        assertThat(AppointmentPage.fact(page, "Boston Back Bay")).hasCount(1);
        long booked = AppointmentPage.number(page);

        page.getByRole(AriaRole.LINK, named(MOVE)).click();
        maya.seesPage("Move your booking");
        // Dr Foster gives the same visit, only in Chicago
        Rescheduling.showTimesOf(maya, "Dr Emily Foster");
        assertThat(page.getByLabel("Centre", new Page.GetByLabelOptions().setExact(true))).containsText("Chicago Loop");
        assertThat(page.getByText("Times are in America/Chicago.")).isVisible();
        String day = Booking.pickDayFrom(maya, Booking.cancellableFrom(NEW_YORK), 1);
        String time = Rescheduling.moveToFirstTime(maya, day);

        maya.seesPage("Primary care visit");
        long moved = AppointmentPage.number(page);
        Booking.assertHeldAt(page, time);
        assertThat(AppointmentPage.fact(page, "Chicago Loop")).hasCount(1);
        assertThat(page.getByText("This booking replaces booking #" + booked + ".")).isVisible();

        page.getByRole(AriaRole.LINK, named("Home")).click();
        maya.seesPage("Hello, Maya Johnson");
        Locator movedVisit = upcoming(page).filter(new Locator.FilterOptions()
                .setHasText("Primary care visit with Dr Emily Foster at Chicago Loop"));
        String calendar = download(page, movedVisit.getByRole(AriaRole.LINK, childNamed("Add to calendar")),
                "appointment-" + moved + ".ics");
        assertTrue(calendar.startsWith("BEGIN:VCALENDAR"), calendar);
        assertTrue(calendar.contains("DTSTART;TZID=America/Chicago:"), "the start is not in Chicago's zone:\n" + calendar);
    }

    private static Locator upcoming(Page page) {
        return page.getByRole(AriaRole.REGION, named("Upcoming appointments")).getByRole(AriaRole.LISTITEM);
    }

    /** Follows a download link; returns the file's text once its name is checked. */
    private static String download(Page page, Locator link, String fileName) throws IOException {
        Download download = page.waitForDownload(link::click);
        assertEquals(fileName, download.suggestedFilename());
        return Files.readString(download.path(), StandardCharsets.UTF_8);
    }
}
