package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.fail;

/** What any page of the portal needs in a journey. */
final class Pages {

    private Pages() {
    }

    /**
     * A status the server changes by itself (a sweep, a job) shows only on a fresh page: reload every
     * two seconds until it does, within {@code limit}.
     */
    static void reloadUntilVisible(Page page, Locator locator, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            page.reload();
            try {
                locator.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(2_000));
                return;
            } catch (TimeoutError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    fail("Not shown within " + limit.toSeconds() + " s of reloading " + page.url() + ": " + locator);
                }
            }
        }
    }
}
