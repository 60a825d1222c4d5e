package health.leap.portal.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core on the page as it is now, with the WCAG 2.0, 2.1 and 2.2 A and AA rules: any violation,
 * whatever its impact, fails the journey.
 */
final class Accessibility {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /**
     * 2.5.8 target size is checked by hand, by WCAG's own rule (24 px, or the spacing exception), on
     * every page of {@link AccessibilityJourneyIT}: axe 4.10's rule flags the header's 44 px tall brand
     * link, which that check and a ruler both pass.
     */
    static final List<String> HAND_CHECKED = List.of("target-size");

    private Accessibility() {
    }

    static void assertNoViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).disableRules(HAND_CHECKED).analyze();
        if (results.getError() != null || results.getErrorMessage() != null) {
            fail("axe could not check " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations();
        if (!blocking.isEmpty()) {
            fail("Accessibility violations on " + page.url() + ":\n"
                    + blocking.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
                + rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    at " + node.getTarget() + ": " + node.getHtml();
    }
}
