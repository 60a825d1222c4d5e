package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Steps that several journeys take on the way to a held time. */
final class Booking {

    private static final Pattern DATE_PARAMETER = Pattern.compile("[?&]date=(\\d{4}-\\d{2}-\\d{2})");
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private Booking() {
    }

    /** From anywhere in the portal: "Find a doctor", then the doctor's card. */
    static void openDoctor(Visitor visitor, String doctor) {
        Page page = visitor.page();
        page.getByRole(AriaRole.LINK, named("Find a doctor")).click();
        visitor.seesPage("Find a doctor");
        doctorResults(page).getByRole(AriaRole.LINK, childNamed(doctor)).click();
        visitor.seesPage(doctor);
    }

    /**
     * The doctor's profile, with {@code service} (the choice as the list words it, length and price
     * included) chosen: the picker reloads for it and htmx puts it in the address; the doctor works at
     * {@code centre} only, which the picker shows.
     */
    static void openDoctorFor(Visitor visitor, String doctor, String service, String centre) {
        Page page = visitor.page();
        openDoctor(visitor, doctor);
        page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(service));
        assertThat(page).hasURL(Pattern.compile("[?&]service="));
        assertThat(freeDays(page).first()).isVisible();
        assertEquals(service, chosen(page, "Service"), "the service the times are shown for");
        assertEquals(centre, chosen(page, "Centre"), "the centre the times are shown for");
        visitor.seesPage(doctor);
    }

    private static Object chosen(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true))
                .evaluate("select => select.selectedOptions[0].text");
    }

    static Locator doctorResults(Page page) {
        return page.getByRole(AriaRole.REGION, named("Doctors"));
    }

    /**
     * Picks the doctor's {@code nth} day with free times (0 is the first) and waits for its times;
     * returns the day as the page writes it, "Tuesday 3 March 2026". Journeys pick different days
     * so that they never compete for the same time.
     */
    static String pickDay(Visitor visitor, int nth) {
        return pick(visitor, freeDays(visitor.page()).nth(nth));
    }

    /**
     * Like {@link #pickDay}, counting only the days from {@code earliest} on: for a booking that
     * must start well outside a window (cancelling, moving) whatever the time of day the run starts.
     */
    static String pickDayFrom(Visitor visitor, LocalDate earliest, int nth) {
        List<Locator> days = freeDays(visitor.page()).all().stream()
                .filter(day -> !date(day).isBefore(earliest))
                .toList();
        if (days.size() <= nth) {
            throw new AssertionError("Only " + days.size() + " days with free times from " + earliest);
        }
        return pick(visitor, days.get(nth));
    }

    /**
     * The first day to book on when the booking must still cancel online as the journey ends, so that
     * {@link Tidy} can leave the patient as the journey found them: three days on in the clinic's zone,
     * clear of the 48 hours before a visit in which Sunrise Clinics take no cancellations online
     * (Harbour Health: 24), whatever the time of day the run starts.
     */
    static LocalDate cancellableFrom(ZoneId zone) {
        return LocalDate.now(zone).plusDays(3);
    }

    /** Picks the day that another visitor picked, written as the page writes it: "Tuesday 3 March 2026". */
    static String pickTheDay(Visitor visitor, String longDay) {
        Locator day = freeDays(visitor.page()).all().stream()
                .filter(link -> longDay(link).equals(longDay))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No free times on " + longDay + " at " + visitor.page().url()));
        return pick(visitor, day);
    }

    private static String pick(Visitor visitor, Locator day) {
        Page page = visitor.page();
        String longDay = longDay(day);
        day.click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Free times on " + longDay))).isVisible();
        visitor.seesChangedPage("free times on " + longDay);
        return longDay;
    }

    static Locator freeDays(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, named("Days")).getByRole(AriaRole.LINK);
    }

    /** The day a day link leads to, as the page writes it. */
    static String longDay(Locator dayLink) {
        return LONG_DAY.format(date(dayLink));
    }

    /** The day a day link leads to, read from its address. */
    static LocalDate date(Locator dayLink) {
        Matcher date = DATE_PARAMETER.matcher(dayLink.getAttribute("href"));
        if (!date.find()) {
            throw new AssertionError("A day link without a date: " + dayLink.getAttribute("href"));
        }
        return LocalDate.parse(date.group(1));
    }

    /** The day's free times, each a button "Hold 09:30 on Tuesday 3 March 2026". */
    static Locator freeTimes(Page page, String longDay) {
        // Playwright runs the pattern as a JavaScript regular expression, which has no \Q...\E quoting;
        // a day is only letters, digits and spaces
        return page.getByRole(AriaRole.BUTTON, named(Pattern.compile("^Hold \\d{2}:\\d{2} on " + longDay + "$")));
    }

    /**
     * Clicks the day's first free time; returns the time, "09:30". A patient who already has a booking
     * at that time (another journey left it) is shown the day's times again and takes the next one,
     * as they would.
     */
    static String holdFirstTime(Visitor visitor, String longDay) {
        Page page = visitor.page();
        for (int nth = 0; nth < 8; nth++) {
            Locator choice = freeTimes(page, longDay).nth(nth);
            String time = timeOf(choice);
            Response answer = page.waitForResponse(
                    r -> r.request().method().equals("POST") && r.url().endsWith("/appointments"), choice::click);
            if (answer.status() != 409 || !answer.text().contains("OVERLAPPING_BOOKING")) {
                return time;
            }
            // the day's times are shown again under the refusal
            assertThat(page.locator("[data-error-code=OVERLAPPING_BOOKING]")).isVisible();
        }
        throw new AssertionError("Every time tried on " + longDay + " overlaps another booking, at " + page.url());
    }

    /**
     * Opens the doctor, picks the {@code nth} day with free times from {@code earliest} on and holds
     * its first free time; returns that time, with the held booking's page shown.
     */
    static String holdFirstTimeFrom(Visitor visitor, String doctor, LocalDate earliest, int nth) {
        openDoctor(visitor, doctor);
        String time = holdFirstTime(visitor, pickDayFrom(visitor, earliest, nth));
        visitor.seesPage("Your held time");
        return time;
    }

    /**
     * Someone who still holds another time is asked which one to keep (the demo starts Isla with a
     * hold that runs out some minutes after the portal starts); this keeps the new one.
     */
    static void keepOnlyTheNewHold(Visitor visitor) {
        Page page = visitor.page();
        Locator heldTime = page.getByRole(AriaRole.HEADING, named("Your held time"));
        Locator holdingAnother = page.getByRole(AriaRole.HEADING, named("You are holding another time"));
        assertThat(heldTime.or(holdingAnother)).isVisible();
        if (holdingAnother.isVisible()) {
            visitor.seesPage("You are holding another time");
            page.getByRole(AriaRole.BUTTON, named("Release it and hold this time instead")).click();
        }
    }

    /** The checkout's "When" names the time that was held: "Thu 26 Nov 2026, 09:00 GMT (Europe/London)". */
    static void assertHeldAt(Page page, String time) {
        assertThat(page.getByRole(AriaRole.DEFINITION).filter(new Locator.FilterOptions().setHasText(", " + time + " ")))
                .hasCount(1);
    }

    static String timeOf(Locator holdButton) {
        return holdButton.getAttribute("aria-label").substring("Hold ".length(), "Hold ".length() + 5);
    }
}
