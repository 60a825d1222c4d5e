package health.leap.portal.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;

/**
 * Money settles: Maya cancels two paid physical therapy sessions at Sunrise Clinics, three days
 * ahead or more (cancellations close 48 hours before), one after the other, so that her two demo
 * bookings and one more stay within her limit of three. QA, signed in as Sunrise's staff, makes the
 * sandbox fail the first refund and complete the second; Maya reads what became of each. The
 * journeys' stack lets the sandbox settle refunds on its own only after an hour, so QA decides.
 */
@PortalJourney
@Tag("manage")
@Tag("staff")
@Needs(patients = "maya", staff = "staff.sunrise", doctors = "Dr Luis Ortega", services = "Physical therapy")
class RefundJourneyIT {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");

    @Test
    void mayaSeesOneRefundFailAndAnotherComplete(Portal portal) {
        Visitor maya = portal.login("maya");
        Visitor qa = portal.login("staff.sunrise");

        long failing = paidAndCancelled(maya, 3);
        settleAtTheSandbox(qa, failing, "Make the refund fail");
        Page page = maya.page();
        page.reload();
        maya.seesPage("Physical therapy");
        assertThat(page.getByText("Refund failed: the clinic will contact you about the USD 25.00 you paid.")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Refund of USD 25.00 failed")).containsText("the clinic will contact you");

        long completing = paidAndCancelled(maya, 4);
        settleAtTheSandbox(qa, completing, "Complete the refund");
        page.reload();
        maya.seesPage("Physical therapy");
        assertThat(page.getByText(java.util.regex.Pattern.compile("Refund of USD 25\\.00 completed on .+ (EST|EDT) \\(America/New_York\\)\\."))).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Refund of USD 25.00 completed")).isVisible();
        maya.seesChangedPage("refund completed");
    }

    /** A session with Dr Luis Ortega, its USD 25.00 token paid in the sandbox, then cancelled; returns the booking's number. */
    private static long paidAndCancelled(Visitor maya, int nthDay) {
        Page page = maya.page();
        Booking.openDoctor(maya, "Dr Luis Ortega");
        String day = Booking.pickDayFrom(maya, LocalDate.now(BOSTON).plusDays(3), nthDay);
        String time = Booking.holdFirstTime(maya, day);
        maya.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        page.getByRole(AriaRole.BUTTON, named("Pay USD 25.00 and confirm")).click();
        SandboxGateway.pay(maya);
        maya.seesPage("Physical therapy");
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        long number = AppointmentPage.number(page);
        page.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(page.getByText("Refund of USD 25.00 on its way")).isVisible();
        maya.seesChangedPage("cancelled, refund on its way");
        return number;
    }

    /** QA opens the sandbox's refunds page and settles the booking's refund as the button says. */
    private static void settleAtTheSandbox(Visitor qa, long booking, String button) {
        Page desk = qa.page();
        desk.navigate(desk.url().replaceAll("(https?://[^/]+).*", "$1") + "/sandbox-gateway/refunds");
        qa.seesPage("Refunds waiting at the sandbox");
        String action = button.equals("Make the refund fail") ? "Make the refund for booking #" + booking + " fail"
                : "Complete the refund for booking #" + booking;
        desk.getByRole(AriaRole.BUTTON, named(action)).click();
        qa.seesPage("Refunds waiting at the sandbox");
        assertThat(desk.getByRole(AriaRole.BUTTON, named(action))).hasCount(0);
    }
}
