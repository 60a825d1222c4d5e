package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;

/**
 * The front desk at Manchester Piccadilly checks Isla in for her minor surgery consultation with
 * Dr Marcus Chen (the demo books it in the hour that has begun, whatever the day), then completes
 * the visit; Isla finds it completed, with the clinic named on each step. Neither mark can be undone,
 * and the demo books one such visit when it loads: that journey runs once per data load (tag
 * {@code once}), and against a portal where an earlier run marked the visit it is skipped, saying so.
 */
@PortalJourney
class FrontDeskJourneyIT {

    @Test
    @Tag("staff")
    @Tag("once")
    @Needs(staff = "staff.harbour", patients = "isla", doctors = "Dr Marcus Chen", services = "Minor surgery consultation",
            demoData = "Isla's minor surgery consultation with Dr Marcus Chen at Manchester Piccadilly, confirmed,"
                    + " in the hour the demo data loaded")
    void theFrontDeskChecksIslaInAndCompletesHerVisitAndIslaSeesIt(Portal portal) {
        Visitor frontDesk = portal.login("staff.harbour");
        Page desk = frontDesk.page();
        frontDesk.seesPage("Clinic staff");
        desk.getByRole(AriaRole.LINK, named("Day list")).click();
        // centres come in order of name
        frontDesk.seesPage("Day list: Dublin Docklands");
        desk.getByLabel("Centre").selectOption("Manchester Piccadilly");
        desk.getByRole(AriaRole.BUTTON, named("Show the day")).click();
        frontDesk.seesPage("Day list: Manchester Piccadilly");

        Locator isla = visit(desk, "Isla Patel");
        DataCheck.require(isla.filter(new Locator.FilterOptions().setHasText("Minor surgery consultation with Dr Marcus Chen"))
                .count() == 1, "This journey needs Isla Patel's minor surgery consultation of today, which the demo data books"
                + " in the hour it loads, and which the Manchester Piccadilly day list at " + portal.url("/staff/day")
                + " does not show.");
        DataCheck.require(isla.filter(new Locator.FilterOptions().setHasText("Status: Confirmed")).count() == 1,
                "Isla Patel's visit of today no longer waits at the front desk of " + portal.url("/staff/day")
                        + ": an earlier run marked it. The demo data gives the desk one such visit when it loads.");
        isla.getByRole(AriaRole.BUTTON, childNamed("Check in Isla Patel")).click();
        assertThat(visit(desk, "Isla Patel")).containsText("Status: Checked in");
        frontDesk.seesChangedPage("Isla checked in");
        visit(desk, "Isla Patel").getByRole(AriaRole.BUTTON, childNamed("Complete Isla Patel's visit")).click();
        assertThat(visit(desk, "Isla Patel")).containsText("Status: Completed");
        assertThat(visit(desk, "Isla Patel").getByRole(AriaRole.BUTTON)).hasCount(0);
        frontDesk.seesChangedPage("Isla's visit completed");

        Visitor patient = portal.login("isla");
        Page page = patient.page();
        patient.seesPage("Hello, Isla Patel");
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        patient.seesPage("My appointments");
        page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                        .setHasText("Minor surgery consultation with Dr Marcus Chen at Manchester Piccadilly"))
                .getByRole(AriaRole.LINK).first().click();
        patient.seesPage("Minor surgery consultation");
        assertThat(AppointmentPage.status(page, "Completed")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Checked in")).containsText("by the clinic");
        assertThat(AppointmentPage.timelineEntry(page, "Checked in → Completed")).containsText("by the clinic · Visit completed");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);
    }

    @Test
    @Tag("manage")
    @Tag("slow")
    @Needs(patients = "noah", doctors = {"Dr Aoife Byrne", "Dr Priya Raman"}, services = "General consultation",
            demoData = "Noah's three visits with Dr Aoife Byrne last week, which nobody marked at the front desk")
    void noahsVisitsNobodyMarkedAreCompletedAndHeBooksAgain(Portal portal) {
        Visitor noah = portal.login("noah");
        Page page = noah.page();
        noah.seesPage("Hello, Noah Williams");
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        noah.seesPage("My appointments");
        // what other journeys booked for him and cancelled comes first: the completed visits are enough
        page.getByRole(AriaRole.CHECKBOX, named("Completed")).check();
        assertThat(page).hasURL(Pattern.compile("[?&]status=COMPLETED"));
        Locator visits = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("General consultation with Dr Aoife Byrne at Dublin Docklands"));
        // the journeys' stack runs the completion job every few seconds: wait for its first run (the
        // reload keeps the filter, which is in the address)
        Pages.reloadUntilVisible(page, visits.filter(new Locator.FilterOptions().setHasText("Completed")).nth(2),
                Duration.ofMinutes(1));
        assertThat(visits.filter(new Locator.FilterOptions().setHasText("Completed"))).hasCount(3);
        noah.seesChangedPage("three visits completed by the job");
        visits.filter(new Locator.FilterOptions().setHasText("Completed")).first().getByRole(AriaRole.LINK).first().click();
        noah.seesPage("General consultation");
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Completed"))
                .containsText("by the system · Visit completed: nobody marked it at the front desk");

        // three past visits no longer fill his limit of three
        Booking.openDoctor(noah, "Dr Priya Raman");
        String day = Booking.pickDay(noah, 3);
        String time = Booking.holdFirstTime(noah, day);
        noah.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        page.getByRole(AriaRole.BUTTON, named("Release this time")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        noah.seesChangedPage("hold released");
    }

    /** One booking of the day list, by the patient's name. */
    private static Locator visit(Page desk, String patient) {
        return desk.locator("#day-visits").getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(patient));
    }
}
