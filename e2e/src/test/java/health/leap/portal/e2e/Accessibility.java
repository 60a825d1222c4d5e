package health.leap.portal.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/** axe-core on the page as it is now: a serious or critical violation fails the journey. */
final class Accessibility {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {
    }

    static void assertNoSeriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        if (results.getError() != null || results.getErrorMessage() != null) {
            fail("axe could not check " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
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
