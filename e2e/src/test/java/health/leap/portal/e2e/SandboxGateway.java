package health.leap.portal.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.named;

/** The sandbox payment gateway's own page, where "Pay ... and confirm" takes the patient. */
final class SandboxGateway {

    private static final Pattern REFERENCE = Pattern.compile("reference (SBX-[0-9a-f-]+)");

    /** What the gateway asked for ("GBP 20.00") and the reference it paid under. */
    record Payment(String amountAsked, String reference) {
    }

    private SandboxGateway() {
    }

    /**
     * Answers "pay" on the gateway's page. The amount it asks for is returned rather than
     * asserted here, so that a journey can finish its booking first and compare it at the end.
     */
    static Payment pay(Visitor visitor) {
        Page page = visitor.page();
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("SANDBOX payment gateway");
        visitor.seesChangedPage("sandbox payment gateway");
        String heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent().trim();
        Matcher reference = REFERENCE.matcher(page.getByText(REFERENCE).textContent());
        if (!reference.find()) {
            throw new AssertionError("The sandbox gateway names no payment reference");
        }
        page.getByRole(AriaRole.BUTTON, named(Pattern.compile("^Pay "))).click();
        return new Payment(heading.replaceFirst("^Pay ", ""), reference.group(1));
    }
}
