package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
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
 * the visit; Isla finds it completed, with the clinic named on each step. The desk at Dublin Docklands
 * marks that Oliver did not come to his general consultation with Dr Aoife Byrne, booked the same way,
 * and Oliver finds it a no-show. No mark can be undone, and the demo books each visit once when it
 * loads: those journeys run once per data load (tag {@code once}), and against a portal where an
 * earlier run marked the visit they are skipped, saying so.
 */
@PortalJourney
@Order(7)
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
        assertThat(AppointmentPage.timelineEntry(page, "Checked in → Completed")).containsText("by the clinic (staff.harbour) · Visit completed");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);
    }

    @Test
    @Tag("staff")
    @Tag("once")
    @Needs(staff = "staff.harbour", patients = "oliver", doctors = "Dr Aoife Byrne", services = "General consultation",
            demoData = "Oliver's general consultation with Dr Aoife Byrne at Dublin Docklands, confirmed,"
                    + " in the hour the demo data loaded")
    void theFrontDeskMarksThatOliverDidNotComeAndOliverSeesIt(Portal portal) {
        Visitor frontDesk = portal.login("staff.harbour");
        Page desk = frontDesk.page();
        frontDesk.seesPage("Clinic staff");
        desk.getByRole(AriaRole.LINK, named("Day list")).click();
        frontDesk.seesPage("Day list: Dublin Docklands");
        desk.getByLabel("Centre").selectOption("Dublin Docklands");
        desk.getByRole(AriaRole.BUTTON, named("Show the day")).click();
        assertThat(desk).hasURL(Pattern.compile("/staff/day\\?centre=3(&|$)"));
        frontDesk.seesPage("Day list: Dublin Docklands");

        Locator olivers = visit(desk, "Oliver Brooks")
                .filter(new Locator.FilterOptions().setHasText("General consultation with Dr Aoife Byrne"));
        DataCheck.require(olivers.count() > 0, "This journey needs Oliver Brooks's general consultation of today, which the"
                + " demo data books in the hour it loads, and which the Dublin Docklands day list at " + portal.url("/staff/day?centre=3")
                + " does not show.");
        Locator waiting = olivers.filter(new Locator.FilterOptions().setHasText("Status: Confirmed"));
        DataCheck.require(waiting.count() == 1, "Oliver Brooks's visit of today no longer waits at the front desk of "
                + portal.url("/staff/day?centre=3") + ": an earlier run marked it. The demo data gives the desk one such visit"
                + " when it loads.");
        // the same visit after htmx swaps the list, by its heading
        String heading = waiting.getByRole(AriaRole.HEADING).getAttribute("id");
        Locator oliver = desk.locator("#day-visits li").filter(new Locator.FilterOptions().setHas(desk.locator("#" + heading)));
        // its start has passed: a late patient may still be checked in, or the desk says he did not come
        assertThat(oliver.getByRole(AriaRole.BUTTON, childNamed("Check in Oliver Brooks"))).isVisible();
        Locator didNotCome = oliver.getByRole(AriaRole.BUTTON, childNamed("Mark that Oliver Brooks did not come"));
        assertThat(didNotCome).hasText("Did not come");
        didNotCome.click();
        assertThat(oliver).containsText("Status: No-show");
        assertThat(oliver.getByRole(AriaRole.BUTTON)).hasCount(0);
        frontDesk.seesChangedPage("Oliver marked as a no-show");

        Visitor patient = portal.login("oliver");
        Page page = patient.page();
        patient.seesPage("Hello, Oliver Brooks");
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        patient.seesPage("My appointments");
        page.getByRole(AriaRole.CHECKBOX, named("No-show")).check();
        assertThat(page).hasURL(Pattern.compile("[?&]status=NO_SHOW"));
        Locator noShow = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("General consultation with Dr Aoife Byrne at Dublin Docklands"));
        assertThat(noShow).hasCount(1);
        assertThat(noShow).containsText("No-show");
        patient.seesChangedPage("his no-shows");
        noShow.getByRole(AriaRole.LINK).first().click();
        patient.seesPage("General consultation");
        assertThat(AppointmentPage.status(page, "No-show")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → No-show")).containsText("by the clinic (staff.harbour) · Did not come to the visit");
        assertThat(page.getByText("The clinic recorded that nobody came to this visit.")).isVisible();
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
