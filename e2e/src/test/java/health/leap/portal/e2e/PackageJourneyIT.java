package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;

/**
 * A consultation that costs nothing online: Oliver's GP care plan pays for it with a session,
 * while Amelia, whose plan has expired, confirms it straight away.
 * <p>
 * Each booking is cancelled when its journey ends ({@link Tidy}), which gives Oliver's session back
 * to his plan: the next run finds all four sessions left again.
 */
@PortalJourney
@Order(8)
@Tag("packages")
@Tag("booking")
class PackageJourneyIT {

    @Test
    @Needs(patients = "oliver", doctors = "Dr Priya Raman", services = "General consultation",
            demoData = "Oliver's GP care plan, its four sessions unused")
    void oliverPaysForAConsultationWithASessionOfHisCarePlan(Portal portal) {
        Visitor oliver = portal.login("oliver");
        Page page = oliver.page();
        oliver.seesPage("Hello, Oliver Brooks");

        Booking.openDoctor(oliver, "Dr Priya Raman");
        assertThat(page.getByLabel("Service")).containsText("General consultation");
        String day = Booking.pickDay(oliver, 2);
        String time = Booking.holdFirstTime(oliver, day);

        oliver.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        assertThat(page.getByRole(AriaRole.RADIO, named("GP care plan · 4 of 4 sessions left"))).isChecked();
        page.getByRole(AriaRole.BUTTON, named("Confirm with package")).click();

        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        oliver.seesPage("General consultation");
        assertThat(page.getByText("paid with GP care plan")).isVisible();
        assertThat(page.getByText("Status: Confirmed")).isVisible();
    }

    @Test
    @Needs(patients = "amelia", doctors = "Dr Priya Raman", services = "General consultation",
            demoData = "Amelia's GP care plan, run out")
    void ameliaConfirmsAConsultationWithNothingToPay(Portal portal) {
        Visitor amelia = portal.login("amelia");
        Page page = amelia.page();
        amelia.seesPage("Hello, Amelia Hart");

        Booking.openDoctor(amelia, "Dr Priya Raman");
        String day = Booking.pickDay(amelia, 3);
        String time = Booking.holdFirstTime(amelia, day);

        amelia.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        assertThat(page.getByRole(AriaRole.DEFINITION).filter(new Locator.FilterOptions()
                .setHasText("Nothing"))).hasCount(1);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Confirm with package"))).hasCount(0);
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();

        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        amelia.seesPage("General consultation");
        assertThat(page.getByText("paid with")).hasCount(0);
    }
}
