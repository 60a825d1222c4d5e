package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.DeskJourneyIT.BY_THE_DESK;
import static health.leap.portal.e2e.DeskJourneyIT.DOCTOR;
import static health.leap.portal.e2e.DeskJourneyIT.LONDON;
import static health.leap.portal.e2e.DeskJourneyIT.SERVICE;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Harbour's front desk for the patients on the phone and at the counter, as in {@link DeskJourneyIT}:
 * it emails Oliver a payment link for a physiotherapy session, which he pays in the sandbox; once per
 * data load it takes Jack's GBP 20.00 by card as it checks him in for the session the demo booked him
 * to pay at the clinic; and, once per data load, books Isla a walk-in inside the two hours' notice
 * patients need online (and, from noon, past the same-day cutoff), with its reason on her timeline, on
 * the free time within two hours the demo data leaves Dr Whitcombe when it loads.
 */
@PortalJourney
@Order(2)
@Tag("staff")
class DeskAtTheCounterJourneyIT {

    private static final String WALK_IN = "Walked in with a bad cough";
    private static final String SEEN_AT_ONCE = "The nurse saw her at once";

    @Test
    @Needs(staff = "desk.harbour", patients = "oliver", doctors = "Dr Tom Okafor", services = "Physiotherapy session",
            demoData = "Oliver Brooks, patient 2 of Harbour Health, at oliver@example.com, with room for one more booking")
    void theDeskEmailsOliverAPaymentLinkAndHisPaymentInTheSandboxConfirmsTheBooking(Portal portal) {
        Mailbox mailbox = portal.mailbox("oliver@example.com");
        Visitor oliver = portal.login("oliver");
        oliver.seesPage("Hello, Oliver Brooks");

        // on the phone: Oliver wants a physiotherapy session and will pay online later
        Visitor desk = portal.login("desk.harbour");
        Page page = desk.page();
        DeskJourneyIT.actFor(desk, "Oliver", "Oliver Brooks", 2);
        String time = Booking.holdFirstTimeFrom(desk, "Dr Tom Okafor", LocalDate.now(LONDON).plusDays(4), 1);
        Booking.keepOnlyTheNewHold(desk);
        desk.seesPage("Your held time");
        String when = AppointmentPage.when(page, time);
        long booking = AppointmentPage.number(page);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Book it, GBP 20.00 to pay at the clinic's desk"))).isVisible();
        page.getByLabel("Keep the time for").selectOption("24");
        String subject = "Pay to confirm your booking: Physiotherapy session, " + when;
        long before = mailbox.count(m -> m.subject().equals(subject));
        page.getByRole(AriaRole.BUTTON, named("Email the payment link")).click();
        assertThat(page.getByText("A payment link was emailed to the patient")).isVisible();
        assertThat(page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("Payment link emailed to the patient; the time is kept for 24 hours"))).hasCount(1);
        desk.seesChangedPage("payment link sent for Oliver");

        // Oliver's email leads to the booking, where paying confirms it as a booking made online does
        Mailbox.Mail mail = mailbox.awaitNew(m -> m.subject().equals(subject), before, "payment link");
        assertTrue(mail.text().contains("Pay GBP 20.00 online to confirm the booking"), mail.text());
        assertTrue(mail.text().contains("/appointments/" + booking), mail.text());
        Page olivers = oliver.page();
        olivers.navigate(portal.url("/appointments/" + booking));
        oliver.seesPage("Your held time");
        olivers.getByRole(AriaRole.BUTTON, named("Pay GBP 20.00 and confirm")).click();
        SandboxGateway.pay(oliver);
        assertThat(olivers.getByText("Your appointment is confirmed.")).isVisible();
        oliver.seesPage("Physiotherapy session");
        assertEquals(booking, AppointmentPage.number(olivers), "the booking Oliver paid for");

        // he no longer needs it: days ahead, he cancels it himself and the payment goes back
        olivers.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();
        assertThat(AppointmentPage.status(olivers, "Cancelled")).isVisible();
        oliver.seesChangedPage("Oliver's cancelled session");
    }

    @Test
    @Tag("once")
    @Needs(staff = "desk.harbour", patients = "jack", doctors = "Dr Tom Okafor", services = "Physiotherapy session",
            demoData = "Jack's physiotherapy session with Dr Tom Okafor at London Bridge in the hour the demo data loaded,"
                    + " booked by the desk to pay GBP 20.00 at the clinic")
    void theDeskTakesJacksPaymentAsItChecksHimInAndJackSeesItPaid(Portal portal) {
        Visitor desk = portal.login("desk.harbour");
        Page page = desk.page();
        desk.seesPage("Clinic staff");
        page.getByRole(AriaRole.LINK, named("Day list")).click();
        desk.seesPage("Day list: Dublin Docklands");
        page.getByLabel("Centre").selectOption("London Bridge");
        page.getByRole(AriaRole.BUTTON, named("Show the day")).click();
        desk.seesPage("Day list: London Bridge");

        Locator jacks = visitOf(page, "Jack Brooks").filter(new Locator.FilterOptions().setHasText("Physiotherapy session with Dr Tom Okafor"));
        DataCheck.require(jacks.count() == 1, "This journey needs Jack Brooks's physiotherapy session of today, which the demo"
                + " data books in the hour it loads, and which the London Bridge day list at " + portal.url("/staff/day?centre=1")
                + " does not show.");
        DataCheck.require(jacks.filter(new Locator.FilterOptions().setHasText("Status: Confirmed")).count() == 1,
                "Jack Brooks's visit of today no longer waits at the front desk of " + portal.url("/staff/day?centre=1")
                        + ": an earlier run checked him in. The demo data gives the desk one such visit when it loads.");
        assertThat(jacks).containsText("GBP 20.00 to pay at the desk");
        // the same visit after htmx swaps the list, by its heading
        String heading = jacks.getByRole(AriaRole.HEADING).getAttribute("id");
        Locator jack = page.locator("#day-visits li").filter(new Locator.FilterOptions().setHas(page.locator("#" + heading)));
        jack.getByLabel("Paid by card terminal").check();
        jack.getByLabel("Reference (the terminal's slip, a receipt number)").fill("slip 4411");
        jack.getByRole(AriaRole.BUTTON, childNamed("Check in Jack Brooks")).click();
        assertThat(jack).containsText("Status: Checked in");
        assertThat(jack).containsText("Paid at the desk: GBP 20.00");
        assertThat(jack.getByRole(AriaRole.GROUP, childNamed("GBP 20.00 to pay at the desk"))).hasCount(0);
        desk.seesChangedPage("Jack checked in and paid");

        Visitor patient = portal.login("jack");
        Page jacksPage = patient.page();
        patient.seesPage("Hello, Jack Brooks");
        jacksPage.getByRole(AriaRole.LINK, named("My appointments")).click();
        patient.seesPage("My appointments");
        jacksPage.getByRole(AriaRole.CHECKBOX, named("Checked in")).check();
        assertThat(jacksPage).hasURL(Pattern.compile("[?&]status=CHECKED_IN"));
        Locator visit = jacksPage.getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText("Physiotherapy session with Dr Tom Okafor at London Bridge"));
        assertThat(visit).hasCount(1);
        patient.seesChangedPage("his checked-in visit");
        visit.getByRole(AriaRole.LINK).first().click();
        patient.seesPage("Physiotherapy session");
        assertThat(AppointmentPage.status(jacksPage, "Checked in")).isVisible();
        assertThat(jacksPage.getByText("GBP 20.00 paid at the desk on")).containsText("(card slip 4411)");
        assertThat(jacksPage.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("Paid at the clinic's desk: card slip 4411"))).hasCount(1);
    }

    @Test
    @Tag("once")
    @Needs(staff = "desk.harbour", patients = "isla", doctors = DOCTOR, services = SERVICE,
            demoData = "A free time of Dr James Whitcombe at London Bridge within two hours, which the demo data lays out"
                    + " when it loads; Isla Patel, patient 3 of Harbour Health, with room for one more booking")
    void theDeskBooksIslaAWalkInInsideTheNoticeOnlineBookingsNeedWithItsReasonOnHerTimeline(Portal portal) {
        Visitor isla = portal.login("isla");
        Page islas = isla.page();
        isla.seesPage("Hello, Isla Patel");

        // Isla is at the counter: the desk's picker starts now, not two hours on as hers does
        Visitor desk = portal.login("desk.harbour");
        Page page = desk.page();
        DeskJourneyIT.actFor(desk, "Isla", "Isla Patel", 3);
        DeskJourneyIT.openGeneralConsultation(desk);
        Locator firstDay = Booking.freeDays(page).first();
        LocalDate date = Booking.date(firstDay);
        String day = Booking.pickTheDay(desk, Booking.longDay(firstDay));
        Locator first = Booking.freeTimes(page, day).first();
        String time = Booking.timeOf(first);
        Instant startsAt = ZonedDateTime.of(date, LocalTime.parse(time), LONDON).toInstant();
        DataCheck.require(Duration.between(Instant.now(), startsAt).compareTo(Duration.ofHours(2)) < 0,
                "This journey needs a free time of " + DOCTOR + " within two hours, which the demo data lays out at London"
                        + " Bridge when it loads; the first the desk is offered is " + time + " on " + day + ".");
        LocalTime london = LocalTime.now(LONDON);
        boolean today = date.equals(LocalDate.now(LONDON));

        // without a reason, the desk is told the rule a patient online meets, and that a reason goes past it
        first.click();
        Locator refusal = page.locator("[data-error-code=DESK_REASON_REQUIRED]");
        // the first rule it meets: past noon the same-day cutoff, before it the two hours' notice
        assertThat(refusal).containsText(Pattern.compile(
                "Same-day bookings close at 12:00 Europe/London\\.|Appointments must be booked at least 2 hours ahead\\."));
        assertThat(refusal).containsText("The front desk can go past this rule for the patient");
        desk.seesChangedPage("a walk-in without the desk's reason");

        page.getByLabel("The desk's reason (goes on the booking's timeline)").fill(WALK_IN);
        page.getByRole(AriaRole.BUTTON, named(DeskJourneyIT.holdLabel(time, day))).click();
        Booking.keepOnlyTheNewHold(desk);
        desk.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        desk.seesPage(SERVICE);
        long booking = AppointmentPage.number(page);
        Locator gonePast = DeskJourneyIT.override(page);
        assertThat(gonePast).containsText("minimum notice");
        assertThat(gonePast).containsText(WALK_IN);
        // Harbour takes same-day bookings online until noon: from then on, a walk-in goes past that too
        if (today && london.isAfter(LocalTime.NOON.plusMinutes(1))) {
            assertThat(gonePast).containsText("same-day cutoff");
        } else if (!today || london.isBefore(LocalTime.NOON.minusMinutes(5))) {
            assertThat(gonePast).not().containsText("same-day cutoff");
        }

        // Isla finds it on her pages, booked by the desk, with the reason it could be so soon
        islas.navigate(portal.url("/appointments/" + booking));
        isla.seesPage(SERVICE);
        assertThat(AppointmentPage.status(islas, "Confirmed")).isVisible();
        assertThat(AppointmentPage.timelineEntry(islas, "Draft → Confirmed")).containsText(BY_THE_DESK);
        assertThat(DeskJourneyIT.override(islas)).containsText(WALK_IN);
        // which she could not cancel online, so close to its time: she is seen at once, and the desk cancels it
        assertThat(islas.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);
        isla.seesChangedPage("her walk-in");

        // nothing was paid: the desk gives its reason and is asked nothing about a refund
        assertThat(page.getByRole(AriaRole.GROUP, named("What the patient paid"))).hasCount(0);
        page.getByLabel("Why the desk cancels inside the window (goes on the timeline and in the patient's email)")
                .fill(SEEN_AT_ONCE);
        page.getByRole(AriaRole.BUTTON, named("Cancel it for the patient")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Cancelled"))
                .containsText(BY_THE_DESK + " · Cancelled: " + SEEN_AT_ONCE);
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Cancelled")).not().containsText("nothing is refunded");
        desk.seesChangedPage("the walk-in cancelled");
    }

    /** A visit on the day list, by the patient's name. */
    private static Locator visitOf(Page desk, String patient) {
        return desk.locator("#day-visits").getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(patient));
    }
}
