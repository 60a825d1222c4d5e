package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front desk of Harbour Health acts for Amelia, who rang the clinic: from the patient finder it
 * opens her own pages, under a banner that names her and says every change is recorded under the staff
 * member's name, and books her a general consultation with Dr Whitcombe. The time is then taken for
 * everyone online: Oliver, whose page still offered it, is told someone else has just taken it. Amelia
 * finds the booking on her pages, booked "by the clinic (desk.harbour)"; what the desk did for her is
 * on the audit its banner links to, from which the desk opens the booking and cancels it for her again.
 * <p>
 * Amelia signs in before the desk books: a patient's first sign-in in a journey cancels what the
 * portal booked for them and an earlier run left ({@link Tidy}), which would take the desk's booking
 * too. The desk books from three days on in London, outside the 24 hours before a visit in which Harbour
 * Health takes no cancellations online, so that the ordinary "Cancel booking" leaves her as the journey
 * found her however often it runs.
 * <p>
 * What the same desk does for Oliver, Jack and Isla is {@link DeskAtTheCounterJourneyIT}: a class of
 * its own, so that those journeys do not wait for Amelia, whom many journeys share. The desk is
 * {@code desk.harbour}, a second member of Harbour's front desk, so these journeys run beside those of
 * {@code staff.harbour}.
 */
@PortalJourney
@Order(6)
@Tag("staff")
class DeskJourneyIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String DOCTOR = "Dr James Whitcombe";
    static final String SERVICE = "General consultation";
    static final String BY_THE_DESK = "by the clinic (desk.harbour)";
    private static final String TAKEN = "Someone else has just taken this time. Please choose another free time below.";
    private static final String REASON = "Amelia rang to cancel";

    @Test
    @Needs(staff = "desk.harbour", patients = {"amelia", "oliver"}, doctors = DOCTOR, services = SERVICE,
            demoData = "Amelia Hart, patient 1 of Harbour Health, with room for one more booking under her limit of three")
    void theDeskBooksForAmeliaTheTimeIsTakenOnlineAndItsAuditShowsWhatTheDeskDid(Portal portal) {
        Visitor amelia = portal.login("amelia");
        amelia.seesPage("Hello, Amelia Hart");

        Visitor desk = portal.login("desk.harbour");
        Page page = desk.page();
        actForAmelia(desk);
        openGeneralConsultation(desk);
        String day = Booking.pickDayFrom(desk, Booking.cancellableFrom(LONDON), 2);

        // Oliver looks at the same day online while its times are all still free
        Visitor oliver = portal.login("oliver");
        Page olivers = oliver.page();
        oliver.seesPage("Hello, Oliver Brooks");
        openGeneralConsultation(oliver);
        assertEquals(day, Booking.pickTheDay(oliver, day), "the day Oliver picked");

        // the desk holds the day's first free time for Amelia and confirms it
        String time = Booking.holdFirstTime(desk, day);
        Booking.keepOnlyTheNewHold(desk);
        desk.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        assertThat(banner(page)).containsText("You are acting for Amelia Hart.");
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        desk.seesPage(SERVICE);
        long booking = AppointmentPage.number(page);
        assertThat(page).hasURL(Pattern.compile("/staff/acting/1/appointments/" + booking + "$"));
        String when = AppointmentPage.when(page, time);
        assertThat(AppointmentPage.fact(page, DOCTOR)).hasCount(1);
        assertThat(AppointmentPage.timelineEntry(page, "Draft → Confirmed")).containsText(BY_THE_DESK);

        // Oliver's page still offers the time he loaded before: it is taken, and no longer offered
        Locator stale = olivers.getByRole(AriaRole.BUTTON, named(holdLabel(time, day)));
        assertThat(stale).isVisible();
        stale.click();
        Locator taken = olivers.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(TAKEN));
        assertThat(taken).hasText(TAKEN);
        assertThat(taken).hasAttribute("data-error-code", "SLOT_TAKEN");
        oliver.seesPage(DOCTOR);
        assertThat(olivers.getByRole(AriaRole.HEADING, named("Free times on " + day))).isVisible();
        assertThat(olivers.getByRole(AriaRole.BUTTON, named(holdLabel(time, day)))).hasCount(0);
        assertThat(Booking.freeTimes(olivers, day).first()).isVisible();

        // Amelia finds it among her confirmed bookings, booked by the clinic's desk in the desk member's name
        Page ameliasPage = amelia.page();
        ameliasPage.getByRole(AriaRole.LINK, named("My appointments")).click();
        amelia.seesPage("My appointments");
        ameliasPage.getByRole(AriaRole.CHECKBOX, named("Confirmed")).check();
        assertThat(ameliasPage).hasURL(Pattern.compile("[?&]status=CONFIRMED"));
        Locator booked = ameliasPage.getByRole(AriaRole.REGION, named("Appointments")).getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText(when));
        assertThat(booked).hasCount(1);
        assertThat(booked).containsText(SERVICE + " with " + DOCTOR + " at London Bridge");
        amelia.seesChangedPage("her confirmed bookings");
        booked.getByRole(AriaRole.LINK).first().click();
        amelia.seesPage(SERVICE);
        assertEquals(booking, AppointmentPage.number(ameliasPage), "the booking Amelia opened");
        assertThat(AppointmentPage.status(ameliasPage, "Confirmed")).isVisible();
        assertThat(AppointmentPage.timelineEntry(ameliasPage, "Draft → Confirmed")).containsText(BY_THE_DESK);
        assertThat(ameliasPage.getByRole(AriaRole.NOTE, named("Front desk, acting for a patient"))).hasCount(0);

        // the banner leads to what staff did for her: the booking, under the desk member's name
        banner(page).getByRole(AriaRole.LINK, childNamed("What staff did for this patient")).click();
        desk.seesPage("What staff did for Amelia Hart");
        assertThat(page).hasURL(Pattern.compile("/staff/audit/1$"));
        Locator confirmed = changesTo(page, booking).filter(new Locator.FilterOptions().setHasText("Draft → Confirmed"));
        assertThat(confirmed).hasCount(1);
        assertThat(confirmed.getByRole(AriaRole.CELL, childNamed("desk.harbour"))).isVisible();
        // and the pages of her portal it opened to do it
        assertThat(page.getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText("Opened /staff/acting/1/doctors"))
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.CELL, named("desk.harbour"))))
                .first()).isVisible();

        // from the audit back to the booking, which the desk cancels for her again outside the window
        // (the ordinary cancel, in its own name), so the journey leaves her as it found her
        confirmed.getByRole(AriaRole.LINK, childNamed("#" + booking)).click();
        desk.seesPage(SERVICE);
        assertThat(page).hasURL(Pattern.compile("/staff/acting/1/appointments/" + booking + "$"));
        page.getByLabel("Reason for cancelling (optional)").fill(REASON);
        page.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Cancelled"))
                .containsText(BY_THE_DESK + " · Cancelled: " + REASON);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);
        desk.seesChangedPage("cancelled for Amelia");

        banner(page).getByRole(AriaRole.LINK, childNamed("What staff did for this patient")).click();
        desk.seesPage("What staff did for Amelia Hart");
        Locator cancelled = changesTo(page, booking).filter(new Locator.FilterOptions().setHasText("Confirmed → Cancelled"));
        assertThat(cancelled).hasCount(1);
        assertThat(cancelled).containsText(REASON);
        assertThat(changesTo(page, booking).first()).containsText("Confirmed → Cancelled");

        ameliasPage.reload();
        amelia.seesPage(SERVICE);
        assertThat(AppointmentPage.status(ameliasPage, "Cancelled")).isVisible();
        assertThat(AppointmentPage.timelineEntry(ameliasPage, "Confirmed → Cancelled"))
                .containsText(BY_THE_DESK + " · Cancelled: " + REASON);
    }

    /** From the staff's start page: "Patients", Amelia found by name, and her pages as the desk acting for her. */
    private static void actForAmelia(Visitor desk) {
        actFor(desk, "Amelia", "Amelia Hart", 1);
    }

    /** From the staff's start page: "Patients", the patient found by name, and their pages as Harbour's desk acting for them. */
    static void actFor(Visitor desk, String search, String name, long lead) {
        actFor(desk, "Harbour Health", search, name, lead);
    }

    /**
     * From the staff's start page of a clinic's desk: "Patients", the patient found by name, and their
     * pages as the desk acting for them, under the banner that names the patient and the desk member.
     */
    static void actFor(Visitor desk, String clinic, String search, String name, long lead) {
        Page page = desk.page();
        desk.seesPage("Clinic staff");
        page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK, childNamed("Patients")).click();
        desk.seesPage("Patients of " + clinic);
        page.getByLabel("Name").fill(search);
        page.getByRole(AriaRole.BUTTON, named("Find")).click();
        assertThat(page).hasURL(Pattern.compile("[?&]q=" + search));
        desk.seesPage("Patients of " + clinic);
        page.getByRole(AriaRole.LINK, named("Act for " + name + " (book, move, cancel)")).click();

        desk.seesPage("Hello, " + name);
        assertThat(page).hasURL(Pattern.compile("/staff/acting/" + lead + "/$"));
        assertThat(banner(page)).containsText("You are acting for " + name + ".");
        assertThat(banner(page)).containsText("Every change you make here is recorded under your name (" + desk.user() + ")");
        assertThat(banner(page).getByRole(AriaRole.LINK, childNamed("Leave this patient"))).isVisible();
    }

    /** From anywhere in the patient's pages: the doctor's profile, with the general consultation at London Bridge chosen. */
    static void openGeneralConsultation(Visitor visitor) {
        // he sees patients at London Bridge only
        Booking.openDoctorFor(visitor, DOCTOR, SERVICE + " (20 min, GBP 60.00)", "London Bridge");
    }

    /** The banner over every page the desk opens acting for a patient. */
    static Locator banner(Page page) {
        return page.getByRole(AriaRole.NOTE, named("Front desk, acting for a patient"));
    }

    /** The audit's lines for changes to one booking, each linking to it as "#100123". */
    private static Locator changesTo(Page page, long booking) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, named("#" + booking))));
    }

    /** The timeline's line of what the desk did past the online rules. */
    static Locator override(Page page) {
        return page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("Done by the front desk past the online rules"));
    }

    static String holdLabel(String time, String day) {
        return "Hold " + time + " on " + day;
    }
}
