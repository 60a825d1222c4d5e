package health.leap.portal.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A doctor's time is booked once, for as long as the service lasts. Dr Tom Okafor sees patients on
 * 30-minute slots, and a physiotherapy session lasts 45 minutes: when Jack holds one, the start time
 * after his goes too, from Oliver's picker and from its day's count. Oliver, whose page still offered
 * that next time, is told someone else has just taken it and is shown the times still free. Jack is
 * told before he pays until when he can cancel, what comes back and whom to call after that; the
 * booking's page, its calendar file and the confirmation mail end the session 45 minutes after it
 * starts. Jack cancels at the end, and both times are Oliver's to take again.
 */
@PortalJourney
@Tag("booking")
@Needs(patients = {"jack", "oliver"}, doctors = "Dr Tom Okafor", services = "Physiotherapy session")
class DoctorBookedOnceJourneyIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String DOCTOR = "Dr Tom Okafor";
    private static final String SERVICE = "Physiotherapy session";
    private static final Duration SESSION = Duration.ofMinutes(45);
    /** Dr Okafor's slots at London Bridge. */
    private static final Duration STEP = Duration.ofMinutes(30);
    /** Harbour Health takes cancellations online until 24 hours before the visit. */
    private static final Duration CANCELLATION_WINDOW = Duration.ofHours(24);
    private static final String TAKEN = "Someone else has just taken this time. Please choose another free time below.";
    private static final String JACKS_ADDRESS = "jack@example.com";
    private static final Pattern FREE_COUNT = Pattern.compile("(\\d+) free");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** Three start times in a row on one day, "Thursday 5 March 2026": 10:00, 10:30 and 11:00. */
    private record ThreeInARow(String day, String first, String second, String third) {
    }

    @Test
    void jacksSessionTakesBothStartTimesItSpansAndOliverIsOfferedTheRest(Portal portal) throws IOException {
        Optional<Mailbox> jacksMail = portal.mailboxIfKnown(JACKS_ADDRESS);
        Visitor jack = portal.login("jack");
        Visitor oliver = portal.login("oliver");
        jack.seesPage("Hello, Jack Brooks");
        oliver.seesPage("Hello, Oliver Brooks");

        openPhysiotherapy(jack);
        ThreeInARow times = threeStartTimesInARow(jack);
        String day = times.day();
        int freeBefore = freeCount(jack.page(), day);

        // Oliver opens the same day before Jack holds: his page offers all three
        openPhysiotherapy(oliver);
        assertEquals(day, Booking.pickTheDay(oliver, day), "the day Oliver picked");
        Page olivers = oliver.page();
        assertEquals(freeBefore, freeCount(olivers, day), "free start times on " + day + " as Oliver's page counts them");
        Locator oliversStaleSecond = holdButton(olivers, times.second(), day);
        assertThat(holdButton(olivers, times.first(), day)).isVisible();
        assertThat(oliversStaleSecond).isVisible();
        assertThat(holdButton(olivers, times.third(), day)).isVisible();

        // Jack holds the first: 45 minutes from it run into the next slot
        Page page = jack.page();
        holdButton(page, times.first(), day).click();
        jack.seesPage("Your held time");
        Booking.assertHeldAt(page, times.first());

        // Oliver presses the second time, which his page still offers
        oliversStaleSecond.click();
        Locator taken = olivers.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(TAKEN));
        assertThat(taken).hasText(TAKEN);
        assertThat(taken).hasAttribute("data-error-code", "SLOT_TAKEN");
        oliver.seesPage(DOCTOR);
        assertThat(olivers.getByRole(AriaRole.HEADING, named("Free times on " + day))).isVisible();
        assertOfferedOnlyAfterJacksSession(olivers, times);

        // opened afresh, the doctor's day counts two start times fewer, and its times are the same
        openPhysiotherapy(oliver);
        assertEquals(freeBefore - 2, freeCount(olivers, day),
                "free start times on " + day + " once a 45-minute session holds " + times.first());
        Booking.pickTheDay(oliver, day);
        assertOfferedOnlyAfterJacksSession(olivers, times);

        // Jack's held time ends with the session, and he is told what cancelling will allow before he pays
        String ends = LocalTime.parse(times.first()).plus(SESSION).format(TIME);
        assertThat(AppointmentPage.fact(page, ends + " (45 minutes)")).hasCount(1);
        ZonedDateTime startsAt = AppointmentPage.startsAt(page).atZone(LONDON);
        Locator terms = page.getByRole(AriaRole.REGION, named("If your plans change"));
        assertThat(terms).containsText(freeCancellationUntil(startsAt.minus(CANCELLATION_WINDOW)));
        assertThat(terms).containsText("Cancelled by then, the GBP 20.00 you pay online is refunded");
        assertThat(terms).containsText("For anything later, call London Bridge on 020 7946 0018.");
        Locator pay = page.getByRole(AriaRole.BUTTON, named("Pay GBP 20.00 and confirm"));
        assertTrue(comesBefore(terms, pay), "what cancelling allows is said only after the button that commits to it");
        jack.seesChangedPage("held until when he can cancel");

        String when = AppointmentPage.when(page, times.first());
        String subject = "Booking confirmed: " + SERVICE + ", " + when;
        // an earlier run may have booked, and cancelled, the same time
        long confirmationsBefore = jacksMail.map(mail -> mail.count(m -> m.subject().equals(subject))).orElse(0L);
        pay.click();
        SandboxGateway.Payment paid = SandboxGateway.pay(jack);
        jack.seesPage(SERVICE);
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        assertThat(AppointmentPage.fact(page, ends + " (45 minutes)")).hasCount(1);
        assertEquals("GBP 20.00", paid.amountAsked(), "the amount the sandbox gateway asked for");

        // the calendar keeps the doctor's time for the whole session
        String dtend = "DTEND;TZID=Europe/London:" + startsAt.plus(SESSION).format(ICS_TIME);
        Download download = page.waitForDownload(page.getByRole(AriaRole.LINK, named("Add to my calendar"))::click);
        String calendar = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(calendar.contains("DTSTART;TZID=Europe/London:" + startsAt.format(ICS_TIME)), calendar);
        assertTrue(calendar.contains(dtend), "no " + dtend + " in:\n" + calendar);

        jacksMail.ifPresentOrElse(mailbox -> {
            Mailbox.Mail mail = mailbox.awaitNew(m -> m.subject().equals(subject), confirmationsBefore, "confirmation");
            assertTrue(mail.text().contains("When: " + when), mail.text());
            assertTrue(mail.text().contains("Ends: " + ends + " (45 minutes)"), mail.text());
            assertEquals(1, mail.attachments().size(), mail.attachments().toString());
            assertTrue(mail.attachments().get(0).contains(dtend), mail.attachments().get(0));
        }, () -> System.out.println("DoctorBookedOnceJourneyIT: the confirmation mail is not read; give the portal's"
                + " GreenMail API with -De2e.mail-api=http://host:port"));

        // Jack lets it go, as the terms said he could, and both start times are free again
        page.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(page.getByText("Refund of GBP 20.00 on its way")).isVisible();
        jack.seesChangedPage("cancelled, token refunded");

        openPhysiotherapy(oliver);
        assertEquals(freeBefore, freeCount(olivers, day), "free start times on " + day + " once Jack cancelled");
        Booking.pickTheDay(oliver, day);
        assertThat(holdButton(olivers, times.first(), day)).isVisible();
        assertThat(holdButton(olivers, times.second(), day)).isVisible();
    }

    /** From anywhere in the portal: Dr Okafor's page, which shows physiotherapy at London Bridge. */
    private static void openPhysiotherapy(Visitor visitor) {
        Page page = visitor.page();
        Booking.openDoctor(visitor, DOCTOR);
        assertThat(Booking.freeDays(page).first()).isVisible();
        assertEquals(SERVICE + " (45 min, GBP 80.00)", chosen(page, "Service"), "the service the times are shown for");
        assertEquals("London Bridge", chosen(page, "Centre"), "the centre the times are shown for");
    }

    /**
     * The first day, from three days on (clear of the cancellation window whatever the hour), that
     * offers three start times in a row where the time before the first is not offered: a session
     * held at the first then takes exactly two start times, its own and the next one it runs into
     * (a session 30 minutes earlier would overlap it too). Leaves the day's times shown.
     */
    private static ThreeInARow threeStartTimesInARow(Visitor visitor) {
        // other journeys book this doctor's first days from then on
        for (int nth = 2; nth < 8; nth++) {
            String day = Booking.pickDayFrom(visitor, Booking.cancellableFrom(LONDON), nth);
            List<LocalTime> offered = Booking.freeTimes(visitor.page(), day).all().stream()
                    .map(button -> LocalTime.parse(Booking.timeOf(button)))
                    .toList();
            for (LocalTime first : offered) {
                if (!offered.contains(first.minus(STEP)) && offered.contains(first.plus(STEP))
                        && offered.contains(first.plus(STEP).plus(STEP))) {
                    return new ThreeInARow(day, first.format(TIME), first.plus(STEP).format(TIME),
                            first.plus(STEP).plus(STEP).format(TIME));
                }
            }
        }
        throw new AssertionError("No day of " + DOCTOR + "'s offers three physiotherapy start times in a row, at "
                + visitor.page().url());
    }

    /** Jack's session holds the first and second times; the third, after it ends, is still free. */
    private static void assertOfferedOnlyAfterJacksSession(Page page, ThreeInARow times) {
        assertThat(holdButton(page, times.third(), times.day())).isVisible();
        assertThat(holdButton(page, times.first(), times.day())).hasCount(0);
        assertThat(holdButton(page, times.second(), times.day())).hasCount(0);
    }

    private static Locator holdButton(Page page, String time, String day) {
        return page.getByRole(AriaRole.BUTTON, named("Hold " + time + " on " + day));
    }

    /** The count a day of the picker's day list shows: "Thu 5 Mar 12 free". */
    private static int freeCount(Page page, String day) {
        Locator link = Booking.freeDays(page).all().stream()
                .filter(dayLink -> Booking.longDay(dayLink).equals(day))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No free times on " + day + " at " + page.url()));
        Matcher count = FREE_COUNT.matcher(link.textContent());
        if (!count.find()) {
            throw new AssertionError("The day " + day + " shows no count of free times: " + link.textContent());
        }
        return Integer.parseInt(count.group(1));
    }

    /** "Free cancellation until Wed 4 Mar 2026, 10:00 GMT (Europe/London)", with the words of weekday and month left open. */
    private static Pattern freeCancellationUntil(ZonedDateTime deadline) {
        return Pattern.compile("Free cancellation(, and moves online,)? until [A-Z][a-z]+ " + deadline.getDayOfMonth()
                + " [A-Z][a-z]+ " + deadline.getYear() + ", " + deadline.format(TIME) + " [A-Z]+ \\(Europe/London\\)\\.");
    }

    private static boolean comesBefore(Locator first, Locator second) {
        return Boolean.TRUE.equals(first.evaluate(
                "(first, second) => (first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0",
                second.elementHandle()));
    }

    private static Object chosen(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true))
                .evaluate("select => select.selectedOptions[0].text");
    }
}
