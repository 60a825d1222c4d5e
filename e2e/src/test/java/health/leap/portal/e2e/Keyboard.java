package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Moving through a page as a keyboard user does: Tab until the control has focus. */
final class Keyboard {

    // more than any portal page has controls: a control never reached is a finding, not a slow page
    private static final int MOST_TABS = 120;

    private Keyboard() {
    }

    /** Presses Tab until {@code control} has focus, and checks that the focus can be seen. */
    static void tabTo(Page page, Locator control) {
        control.waitFor();
        for (int tabs = 0; tabs < MOST_TABS; tabs++) {
            page.keyboard().press("Tab");
            if (hasFocus(control)) {
                assertTrue(focusIsVisible(control), "the keyboard focus on " + describe(control) + " cannot be seen");
                return;
            }
        }
        fail(describe(control) + " was not reached with " + MOST_TABS + " presses of Tab");
    }

    private static boolean hasFocus(Locator control) {
        return (Boolean) control.evaluate("element => element === document.activeElement");
    }

    /** An outline or a ring drawn with a shadow, as :focus-visible styles do. */
    private static boolean focusIsVisible(Locator control) {
        return (Boolean) control.evaluate("""
                element => {
                  const style = getComputedStyle(element);
                  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                  return outlined || style.boxShadow !== 'none';
                }""");
    }

    private static String describe(Locator control) {
        return (String) control.evaluate("element => element.outerHTML.slice(0, 200)");
    }
}
