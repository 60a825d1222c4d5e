package health.leap.portal.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Patients see only their own records, and a login without a patient record says so plainly. */
@PortalJourney
@Tag("manage")
class IsolationJourneyIT {

    /** One of Amelia's appointments at Harbour Health (the demo gives her 501 to 512). */
    private static final String AMELIAS_APPOINTMENT = "/appointments/501";

    @Test
    @Tag("smoke")
    @Needs(patients = "maya", demoData = "Amelia's appointment 501 at Harbour Health")
    void mayaCannotOpenAnotherClinicsPatientsAppointment(Portal portal) {
        Visitor maya = portal.login("maya");
        Page page = maya.page();
        maya.seesPage("Hello, Maya Johnson");

        Response answer = page.navigate(portal.url(AMELIAS_APPOINTMENT));

        assertEquals(403, answer.status());
        maya.seesPage("Not allowed");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not yours to see");
        assertThat(page.getByText("Amelia Hart")).hasCount(0);
        page.getByRole(AriaRole.LINK, named("Back to the home page")).click();
        maya.seesPage("Hello, Maya Johnson");
    }

    @Test
    @Needs(unlinked = "ghost")
    void aLoginWhosePatientRecordDoesNotExistIsToldWhy(Portal portal) {
        Visitor ghost = portal.login("ghost");
        Page page = ghost.page();

        assertEquals(403, page.reload().status());
        ghost.seesPage("Not allowed");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not linked to a patient record");
        assertThat(page.getByRole(AriaRole.LINK, named("Find a doctor"))).hasCount(0);
    }

    @Test
    @Needs(unlinked = "nolead")
    void aLoginWithNoPatientRecordIsToldWhy(Portal portal) {
        Visitor nolead = portal.login("nolead");
        Page page = nolead.page();

        assertEquals(403, page.reload().status());
        nolead.seesPage("Not allowed");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not linked to a patient record");
    }
}
