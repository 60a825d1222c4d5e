package health.leap.portal.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core on the page as it is now, with the WCAG 2.0, 2.1 and 2.2 A and AA rules: any violation,
 * whatever its impact, fails the journey.
 * <p>
 * The axe-core that Deque's Playwright integration bundles, run as its own API documents it
 * ({@code axe.run} on the document, asking for the violations only). Every browser context of a
 * journey gets axe as an init script, so it is in each page before the page's own scripts run and
 * is parsed once per renderer, instead of half a megabyte crossing from the test to the browser two
 * or three times per check, each time in a page of its own (as {@link AxeBuilder#analyze()} does to
 * support iframes, which the portal has none of). Where a page has no axe (a context made without
 * {@link #prepare}) it is injected there.
 */
final class Accessibility {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /**
     * 2.5.8 target size is checked by hand, by WCAG's own rule (24 px, or the spacing exception), on
     * every page of {@link AccessibilityJourneyIT}: axe 4.10's rule flags the header's 44 px tall brand
     * link, which that check and a ruler both pass.
     */
    static final List<String> HAND_CHECKED = List.of("target-size");

    /** The axe-core of com.deque.html.axe-core:playwright, the version its integration is built and tested with. */
    private static final String AXE_SOURCE = axeSource();

    private static final String RUN = """
            async ([tags, off]) => {
              // the page at rest, as a person reads it: an htmx request in flight (its element faded by
              // .htmx-request) first answers, for up to ten seconds, and a fade that is ending then ends
              for (const until = Date.now() + 10000; document.querySelector('.htmx-request') && Date.now() < until;) {
                await new Promise(done => setTimeout(done, 25));
              }
              const ending = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
              await Promise.all(ending.map(a => a.finished.catch(() => null)));
              const rules = Object.fromEntries(off.map(rule => [rule, { enabled: false }]));
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
              return JSON.stringify(results.violations.map(rule => ({
                id: rule.id, impact: rule.impact, help: rule.help, helpUrl: rule.helpUrl,
                nodes: rule.nodes.map(node => ({ target: JSON.stringify(node.target), html: node.html }))
              })));
            }""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Accessibility() {
    }

    /** Gives every page of the context axe, before the page's own scripts run. */
    static BrowserContext prepare(BrowserContext context) {
        context.addInitScript(AXE_SOURCE);
        return context;
    }

    static void assertNoViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE_SOURCE);
        }
        List<Violation> blocking;
        try {
            blocking = JSON.readValue((String) page.evaluate(RUN, List.of(WCAG_22_AA, HAND_CHECKED)), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("axe could not check " + page.url(), e);
        }
        if (!blocking.isEmpty()) {
            fail("Accessibility violations on " + page.url() + ":\n"
                    + blocking.stream().map(Violation::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String axeSource() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the class path (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rule broken on the page, as axe reports it. */
    private record Violation(String id, String impact, String help, String helpUrl, List<Map<String, String>> nodes) {

        String describe() {
            return "- " + impact + " " + id + ": " + help + " (" + helpUrl + ")\n"
                    + nodes.stream().map(node -> "    at " + node.get("target") + ": " + node.get("html"))
                    .collect(Collectors.joining("\n"));
        }
    }
}
