package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;

/**
 * The front desk at Manchester Piccadilly checks Isla in for her minor surgery consultation with
 * Dr Marcus Chen (the demo books it in the hour that has begun, whatever the day), then completes
 * the visit; Isla finds it completed, with the clinic named on each step.
 */
@PortalJourney
class FrontDeskJourneyIT {

    @Test
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
        assertThat(isla).containsText("Minor surgery consultation with Dr Marcus Chen");
        assertThat(isla).containsText("Status: Confirmed");
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
    void noahsVisitsNobodyMarkedAreCompletedAndHeBooksAgain(Portal portal) {
        Visitor noah = portal.login("noah");
        Page page = noah.page();
        noah.seesPage("Hello, Noah Williams");
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        noah.seesPage("My appointments");
        Locator visits = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText("General consultation with Dr Aoife Byrne at Dublin Docklands"));
        // the journeys' stack runs the completion job every few seconds: wait for its first run
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
