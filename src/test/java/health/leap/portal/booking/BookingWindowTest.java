package health.leap.portal.booking;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.clinic.BookingWindow;
import health.leap.portal.web.Problem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@io.quarkus.test.junit.QuarkusTest
class BookingWindowTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final BookingPolicy DEFAULTS = BookingPolicy.DEFAULTS;
    static final BookingPolicy NO_SAME_DAY = new BookingPolicy(10, 3, 120, 30, false, LocalTime.NOON, 1440, 720, 2, 1);

    static Optional<String> refusal(String now, ZoneId zone, BookingPolicy policy, String start) {
        return BookingWindow.refusal(Instant.parse(now), zone, policy, Instant.parse(start)).map(p -> p.code().name());
    }

    @Test
    void minimumAdvanceIsTwoHoursToTheMinute() {
        // next day, so the same-day rule does not interfere
        assertEquals(Optional.of("TOO_SOON"), refusal("2026-03-02T23:00:00Z", LONDON, DEFAULTS, "2026-03-03T00:59:00Z"));
        assertEquals(Optional.empty(), refusal("2026-03-02T23:00:00Z", LONDON, DEFAULTS, "2026-03-03T01:00:00Z"));
        assertEquals(Optional.empty(), refusal("2026-03-02T23:00:00Z", LONDON, DEFAULTS, "2026-03-03T01:01:00Z"));
    }

    @Test
    void maximumAdvanceIsThirtyDaysToTheMinute() {
        // New York stays on EDT from 2 to 30 April: 30 days are 30 × 24 hours there
        assertEquals(Optional.empty(), refusal("2026-04-02T12:00:00Z", NEW_YORK, DEFAULTS, "2026-05-02T11:59:00Z"));
        assertEquals(Optional.empty(), refusal("2026-04-02T12:00:00Z", NEW_YORK, DEFAULTS, "2026-05-02T12:00:00Z"));
        assertEquals(Optional.of("TOO_FAR_AHEAD"), refusal("2026-04-02T12:00:00Z", NEW_YORK, DEFAULTS, "2026-05-02T12:01:00Z"));
    }

    @Test
    void maximumAdvanceCountsCalendarDaysAcrossAClockChange() {
        // 08:00 GMT on 2 March is 08:00 local; 30 days on is 08:00 BST on 1 April, 07:00 UTC, an hour
        // before 30 × 24 hours would end
        assertEquals(Optional.empty(), refusal("2026-03-02T08:00:00Z", LONDON, DEFAULTS, "2026-04-01T07:00:00Z"));
        assertEquals(Optional.of("TOO_FAR_AHEAD"), refusal("2026-03-02T08:00:00Z", LONDON, DEFAULTS, "2026-04-01T07:30:00Z"));
        // and in autumn the day has 25 hours: 08:00 BST on 1 October, 30 days on is 08:00 GMT on 31 October
        assertEquals(Optional.empty(), refusal("2026-10-01T07:00:00Z", LONDON, DEFAULTS, "2026-10-31T07:30:00Z"));
        assertEquals(Optional.empty(), refusal("2026-10-01T07:00:00Z", LONDON, DEFAULTS, "2026-10-31T08:00:00Z"));
        assertEquals(Optional.of("TOO_FAR_AHEAD"), refusal("2026-10-01T07:00:00Z", LONDON, DEFAULTS, "2026-10-31T08:01:00Z"));
    }

    @Test
    void sameDayCutoffIsNoonCentreTimeExactly() {
        // London on GMT in March before the clocks change: 11:59 local is open, 12:00 is closed
        assertEquals(Optional.empty(), refusal("2026-03-02T11:59:00Z", LONDON, DEFAULTS, "2026-03-02T16:00:00Z"));
        assertEquals(Optional.of("SAME_DAY_CUTOFF_PASSED"), refusal("2026-03-02T12:00:00Z", LONDON, DEFAULTS, "2026-03-02T16:00:00Z"));
        assertEquals(Optional.of("SAME_DAY_CUTOFF_PASSED"), refusal("2026-03-02T12:01:00Z", LONDON, DEFAULTS, "2026-03-02T16:00:00Z"));
        // the next day is unaffected by today's cutoff
        assertEquals(Optional.empty(), refusal("2026-03-02T12:01:00Z", LONDON, DEFAULTS, "2026-03-03T09:00:00Z"));
    }

    @Test
    void everyRuleAWalkInMeetsIsNamedThePatientIsToldTheFirst() {
        // at 13:00 in London, 14:00 today is past the same-day cutoff and inside the two hours' notice
        assertEquals(List.of("SAME_DAY_CUTOFF_PASSED", "TOO_SOON"), BookingWindow.refusals(Instant.parse("2026-03-02T13:00:00Z"),
                LONDON, DEFAULTS, Instant.parse("2026-03-02T14:00:00Z")).stream().map(p -> p.code().name()).toList());
        assertEquals(Optional.of("SAME_DAY_CUTOFF_PASSED"), refusal("2026-03-02T13:00:00Z", LONDON, DEFAULTS, "2026-03-02T14:00:00Z"));
        // a time that meets no rule meets none
        assertEquals(List.of(), BookingWindow.refusals(Instant.parse("2026-03-02T09:00:00Z"), LONDON, DEFAULTS,
                Instant.parse("2026-03-03T09:00:00Z")));
    }

    @Test
    void sameDayCutoffFollowsTheCentresZoneNotUtc() {
        // 16:30 UTC is 11:30 in New York: same-day booking still open there
        assertEquals(Optional.empty(), refusal("2026-03-02T16:30:00Z", NEW_YORK, DEFAULTS, "2026-03-02T20:00:00Z"));
        // 17:00 UTC is 12:00 in New York: closed
        assertEquals(Optional.of("SAME_DAY_CUTOFF_PASSED"), refusal("2026-03-02T17:00:00Z", NEW_YORK, DEFAULTS, "2026-03-02T20:00:00Z"));
    }

    @Test
    void sameDayNotAllowed() {
        assertEquals(Optional.of("SAME_DAY_NOT_ALLOWED"), refusal("2026-03-02T08:00:00Z", LONDON, NO_SAME_DAY, "2026-03-02T15:00:00Z"));
        assertEquals(Optional.empty(), refusal("2026-03-02T08:00:00Z", LONDON, NO_SAME_DAY, "2026-03-03T00:00:00Z"));
    }

    @Test
    void cutoffOnTheDayTheClocksGoForward() {
        // 29 March 2026: London moves to BST at 01:00 UTC. Noon BST is 11:00 UTC.
        assertEquals(Optional.empty(), refusal("2026-03-29T10:59:00Z", LONDON, DEFAULTS, "2026-03-29T15:00:00Z"));
        assertEquals(Optional.of("SAME_DAY_CUTOFF_PASSED"), refusal("2026-03-29T11:00:00Z", LONDON, DEFAULTS, "2026-03-29T15:00:00Z"));
    }

    @Test
    void windowMatchesTheRefusals() {
        Instant now = Instant.parse("2026-03-02T12:30:00Z");
        BookingWindow window = BookingWindow.at(now, LONDON, DEFAULTS);
        // after the cutoff the window starts at local midnight
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), window.earliest());
        // 12:30 GMT, 30 days on: 12:30 BST
        assertEquals(Instant.parse("2026-04-01T11:30:00Z"), window.latest());
        assertFalse(window.contains(Instant.parse("2026-03-02T15:00:00Z")));
        assertTrue(window.contains(Instant.parse("2026-03-03T09:00:00Z")));

        BookingWindow morning = BookingWindow.at(Instant.parse("2026-03-02T08:00:00Z"), LONDON, DEFAULTS);
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), morning.earliest());
    }

    @Test
    void messagesSayWhatToDo() {
        Problem tooSoon = BookingWindow.refusal(Instant.parse("2026-03-02T08:00:00Z"), LONDON, DEFAULTS,
                Instant.parse("2026-03-02T09:00:00Z")).orElseThrow();
        assertEquals(422, tooSoon.status());
        assertEquals("Appointments must be booked at least 2 hours ahead. Please choose a later time.", tooSoon.getMessage());
    }
}
