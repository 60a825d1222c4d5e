package health.leap.portal.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check every journey makes on every page ({@link Accessibility}) finds what axe finds: a page
 * with an image without a text alternative and a field without a label fails it, naming both rules,
 * in a context prepared with axe and in one without; the same page mended passes, and so does a page
 * whose text is still fading in, judged once the fade has ended, and one whose link waits for an htmx
 * request, judged once the request has answered.
 */
class AccessibilityCheckTest {

    private static final String SITE = "http://pages.test/";
    private static final String BROKEN = """
            <!doctype html><html lang="en"><head><title>Broken</title></head><body><main>
            <h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">
            </main></body></html>""";
    private static final String MENDED = """
            <!doctype html><html lang="en"><head><title>Mended</title></head><body><main>
            <h1>Mended</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot">
            <label>Name <input type="text"></label>
            </main></body></html>""";

    /** Grey text (7:1 on white) fading in from a fifth of its opacity, as htmx's .htmx-request fades back. */
    private static final String FADING = """
            <!doctype html><html lang="en"><head><title>Fading</title>
            <style>@keyframes in { from { opacity: .2 } to { opacity: 1 } } p { color: #595959; animation: in .6s }</style>
            </head><body><main><h1>Fading</h1><p>Grey text that fades in</p></main></body></html>""";

    /** A day link whose htmx request is still in flight (.htmx-request, faded to .6) and ends after half a second. */
    private static final String WAITING = """
            <!doctype html><html lang="en"><head><title>Waiting</title>
            <style>a { color: #595959 } .htmx-request { opacity: .6; transition: opacity .2s }</style>
            </head><body><main><h1>Waiting</h1><p><a class="htmx-request" href="#today">Mon 7 Dec</a></p>
            <script>setTimeout(() => document.querySelector('a').classList.remove('htmx-request'), 500)</script>
            </main></body></html>""";

    @AfterAll
    static void closeBrowser() {
        Chromium.close();
    }

    @Test
    void aPageWithoutTextAlternativesOrLabelsFailsAndTheMendedPagePasses() {
        try (BrowserContext prepared = Accessibility.prepare(Chromium.browser().newContext())) {
            // pages at an address, as the portal's are, so that axe comes with each page's init script
            prepared.route(SITE + "**", route -> route.fulfill(new Route.FulfillOptions().setContentType("text/html")
                    .setBody(route.request().url().endsWith("/broken") ? BROKEN
                            : route.request().url().endsWith("/fading") ? FADING
                            : route.request().url().endsWith("/waiting") ? WAITING : MENDED)));
            Page page = prepared.newPage();
            page.navigate(SITE + "broken");
            assertEquals(Boolean.TRUE, page.evaluate("() => typeof window.axe === 'object'"), "axe came with the page");
            AssertionError failure = assertThrows(AssertionError.class, () -> Accessibility.assertNoViolations(page));
            assertTrue(failure.getMessage().contains("image-alt"), failure.getMessage());
            assertTrue(failure.getMessage().contains("label"), failure.getMessage());
            page.navigate(SITE + "mended");
            assertDoesNotThrow(() -> Accessibility.assertNoViolations(page));
            // judged at rest: the fade ends first, as a person would read it
            page.navigate(SITE + "fading");
            assertDoesNotThrow(() -> Accessibility.assertNoViolations(page));
            // and once the request a person is waiting for has answered, not while its link is still faded
            page.navigate(SITE + "waiting");
            assertDoesNotThrow(() -> Accessibility.assertNoViolations(page));
        }
    }

    @Test
    void aContextWithoutAxeGetsItInjected() {
        try (BrowserContext plain = Chromium.browser().newContext()) {
            Page page = plain.newPage();
            page.setContent(BROKEN);
            AssertionError failure = assertThrows(AssertionError.class, () -> Accessibility.assertNoViolations(page));
            assertTrue(failure.getMessage().contains("image-alt"), failure.getMessage());
        }
    }
}
