package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Sunrise Clinics tell a patient who is too late or too early to do something online. They
 * take cancellations until 2 days and moves until 12 hours before a visit, and bookings from 2
 * hours to 30 days ahead, same-day ones only until 10:00. The demo gives Chloe a paid physical
 * therapy session with Dr Ortega within the next two days; she books nothing in these journeys.
 */
@PortalJourney
class OutsideTheWindowsJourneyIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration RESCHEDULE_WINDOW = Duration.ofHours(12);
    private static final Duration MIN_ADVANCE = Duration.ofHours(2);
    private static final Duration MAX_ADVANCE = Duration.ofDays(30);
    private static final LocalTime SAME_DAY_CUTOFF = LocalTime.of(10, 0);
    /**
     * Her session's centre and its number: Boston on weekdays, Chicago on Saturday mornings. A pattern is
     * matched against the text as it stands (an alert's ends with the template's line break), not trimmed.
     */
    private static final String CALL_HER_CENTRE = " Please call (Boston Back Bay on \\(617\\) 555-0142|Chicago Loop on \\(312\\) 555-0178)\\.\\s*$";
    private static final Pattern TOO_LATE_TO_CANCEL = Pattern.compile(
            "^\\s*Bookings can be cancelled online up to 2 days before they start\\." + CALL_HER_CENTRE);
    private static final Pattern TOO_LATE_TO_MOVE = Pattern.compile(
            "^\\s*Bookings can be moved online up to 12 hours before they start\\." + CALL_HER_CENTRE);

    @Test
    @Tag("manage")
    @Needs(patients = "chloe", demoData = "Chloe's paid physical therapy session with Dr Luis Ortega, which the demo data"
            + " books within two days of loading")
    void chloeIsTooLateToCancelHerSessionAndIsToldToCallTheClinic(Portal portal) {
        Visitor chloe = portal.login("chloe");
        Page page = chloe.page();
        chloe.seesPage("Hello, Chloe Martin");

        Locator session = page.getByRole(AriaRole.REGION, named("Upcoming appointments")).getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText("Physical therapy with Dr Luis Ortega"));
        DataCheck.require(session.count() == 1, "This journey needs Chloe's physical therapy session with Dr Luis Ortega,"
                + " which the demo data books within two days of loading; her upcoming appointments at " + portal.url("/")
                + " do not show it.");
        session.getByRole(AriaRole.LINK, childNamed("View, move or cancel")).click();
        chloe.seesPage("Physical therapy");
        long booking = AppointmentPage.number(page);
        assertThat(AppointmentPage.status(page, "Confirmed")).isVisible();
        Duration untilStart = Duration.between(Instant.now(), AppointmentPage.startsAt(page));
        assertTrue(untilStart.compareTo(Duration.ofDays(2)) < 0, "the demo session starts within 2 days, not in " + untilStart);

        // cancelling is not offered, and the page says why and what to do instead
        assertThat(page.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);
        assertThat(page.getByLabel("Reason for cancelling (optional)")).hasCount(0);
        Locator noCancel = page.getByText(TOO_LATE_TO_CANCEL);
        assertThat(noCancel).hasAttribute("data-error-code", "CANCELLATION_WINDOW_CLOSED");

        Locator move = page.getByRole(AriaRole.LINK, named("Move to another time"));
        Locator noMove = page.getByText(TOO_LATE_TO_MOVE);
        if (untilStart.compareTo(RESCHEDULE_WINDOW) > 0) {
            // more than 12 hours ahead (the demo loaded in the evening or at the weekend): she may still move it
            assertThat(move).isVisible();
            assertThat(noMove).hasCount(0);
            chloe.seesChangedPage("too late to cancel, still time to move");
            return;
        }
        assertThat(move).hasCount(0);
        assertThat(noMove).hasAttribute("data-error-code", "RESCHEDULE_REFUSED");
        chloe.seesChangedPage("too late to cancel or move");

        // the move page, asked for by its address, refuses with the same sentence
        Response refused = page.navigate(portal.url("/appointments/" + booking + "/reschedule"));
        assertEquals(422, refused.status());
        chloe.seesPage("Please check");
        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).hasText(TOO_LATE_TO_MOVE);
        assertThat(alert).hasAttribute("data-error-code", "RESCHEDULE_WINDOW_CLOSED");
    }

    @Test
    @Tag("booking")
    @Needs(patients = "chloe", doctors = "Dr Rachel Green", services = "Primary care visit")
    void chloeIsOfferedTimesOnlyFromTwoHoursToThirtyDaysAhead(Portal portal) {
        Visitor chloe = portal.login("chloe");
        Page page = chloe.page();
        chloe.seesPage("Hello, Chloe Martin");
        // taken before the portal lays out the days, so that its "now" is never earlier than ours
        ZonedDateTime now = ZonedDateTime.now(NEW_YORK);
        Booking.openDoctor(chloe, "Dr Rachel Green");

        // one entry for every day from today to the last day the clinic takes bookings for
        LocalDate today = now.toLocalDate();
        LocalDate lastDay = now.toInstant().plus(MAX_ADVANCE).atZone(NEW_YORK).toLocalDate();
        assertThat(page.getByRole(AriaRole.NAVIGATION, named("Days")).getByRole(AriaRole.LISTITEM))
                .hasCount((int) (lastDay.toEpochDay() - today.toEpochDay() + 1));
        List<Locator> days = Booking.freeDays(page).all();
        assertFalse(days.isEmpty(), "Dr Green has no free day at all");
        for (Locator day : days) {
            LocalDate date = Booking.date(day);
            assertTrue(!date.isBefore(today) && !date.isAfter(lastDay), "a day outside the window is offered: " + date);
        }

        // today's times, if any are left, start at least two hours from now, and only before the cutoff
        Locator todayLink = days.stream().filter(day -> Booking.date(day).equals(today)).findFirst().orElse(null);
        if (todayLink != null) {
            assertTrue(now.toLocalTime().isBefore(SAME_DAY_CUTOFF), "same-day times offered after 10:00 New York time");
            String longDay = Booking.longDay(todayLink);
            todayLink.click();
            assertThat(page.getByRole(AriaRole.HEADING, named("Free times on " + longDay))).isVisible();
            for (Locator time : Booking.freeTimes(page, longDay).all()) {
                LocalTime at = LocalTime.parse(Booking.timeOf(time));
                assertFalse(today.atTime(at).atZone(NEW_YORK).toInstant().isBefore(now.toInstant().plus(MIN_ADVANCE)),
                        "offered " + at + " today, less than 2 hours from " + now.toLocalTime());
            }
            chloe.seesChangedPage("today's times");
        }

        // the day after the last one, asked for by its address, is refused with a sentence
        String lastOffered = days.get(days.size() - 1).getAttribute("href");
        Response refused = page.navigate(portal.url(lastOffered.replaceAll("date=[0-9-]+", "date=" + lastDay.plusDays(1))));
        assertEquals(400, refused.status());
        chloe.seesPage("Please check");
        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).hasText("Please pick a day between " + today + " and " + lastDay + ".");
        assertThat(alert).hasAttribute("data-error-code", "BAD_REQUEST");
    }
}
