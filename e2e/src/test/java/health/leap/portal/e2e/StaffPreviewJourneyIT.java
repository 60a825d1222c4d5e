package health.leap.portal.e2e;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clinic staff see a patient's portal exactly as the patient does, and cannot change anything in it. */
@PortalJourney
@Order(9)
@Tag("staff")
class StaffPreviewJourneyIT {

    @Test
    @Needs(staff = "staff.harbour", observes = "amelia",
            demoData = "Amelia Hart, patient 1 of Harbour Health, with an upcoming booking, her history and packages")
    void staffFindAPatientAndBrowseTheirPortalReadOnly(Portal portal) {
        Visitor staff = portal.login("staff.harbour");
        Page page = staff.page();
        staff.seesPage("Clinic staff");

        page.getByRole(AriaRole.LINK, named("Find a patient and preview their portal")).click();
        staff.seesPage("Patients of Harbour Health");
        page.getByLabel("Name").fill("Amelia");
        page.getByRole(AriaRole.BUTTON, named("Find")).click();
        page.getByRole(AriaRole.LINK, named("Preview Amelia Hart's portal")).click();

        staff.seesPage("Hello, Amelia Hart");
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("Preview of Amelia Hart's portal");
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("nothing can be changed here");

        // her upcoming booking, with no way to cancel or confirm it
        page.getByRole(AriaRole.LINK, named("View, move or cancel")).first().click();
        staff.seesChangedPage("Amelia's booking in preview");
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("Preview of Amelia Hart's portal");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Cancel booking"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Confirm booking"))).hasCount(0);
        assertThat(page.getByLabel("Reason for cancelling (optional)")).hasCount(0);
        String booking = page.url();
        assertTrue(booking.contains("/staff/patients/1/appointments/"), "links stay in the preview: " + booking);

        // a cancel crafted by hand, with the page's own CSRF token, is refused
        String token = page.locator("meta[name=csrf-token]").getAttribute("content");
        APIResponse crafted = page.request().post(booking + "/cancel", RequestOptions.create()
                .setHeader("X-CSRF-TOKEN", token).setForm(FormData.create().set("reason", "staff tried")));
        assertEquals(403, crafted.status());
        assertTrue(crafted.text().contains("data-error-code=\"PREVIEW_READ_ONLY\""), crafted.text());
        page.reload();
        assertThat(page.getByText("Confirmed").first()).isVisible();

        // her history and her packages, as she sees them
        page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK, childNamed("My appointments")).click();
        staff.seesPage("My appointments");
        page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK, childNamed("My packages")).click();
        staff.seesChangedPage("Amelia's packages in preview");
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("Preview of Amelia Hart's portal");

        // the doctors and their free times, which cannot be held from here
        page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK, childNamed("Find a doctor")).click();
        staff.seesPage("Find a doctor");
        page.getByRole(AriaRole.LINK, named(Pattern.compile("^Dr "))).first().click();
        staff.seesChangedPage("a doctor's times in preview");
        assertThat(page.getByRole(AriaRole.BUTTON, named(Pattern.compile("^Hold ")))).hasCount(0);

        page.getByRole(AriaRole.LINK, named("Leave the preview")).click();
        staff.seesPage("Patients of Harbour Health");
    }

    @Test
    @Needs(staff = "staff.sunrise", demoData = "Amelia Hart, patient 1 of Harbour Health")
    void staffOfAnotherClinicCannotPreviewThisClinicsPatient(Portal portal) {
        Visitor staff = portal.login("staff.sunrise");
        Page page = staff.page();
        staff.seesPage("Clinic staff");

        Response answer = page.navigate(portal.url("/staff/patients/1/"));

        assertEquals(403, answer.status());
        staff.seesPage("Not allowed");
        assertThat(page.getByText("Amelia Hart")).hasCount(0);
    }
}
