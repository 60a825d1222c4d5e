package health.leap.portal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One headless Chromium for the whole run. Where Playwright cannot download its own browser the
 * distribution's Chromium is used; elsewhere Playwright's.
 */
final class Chromium {

    private static final Path DISTRIBUTION_CHROMIUM = Path.of("/usr/bin/chromium");
    // quiet and offline: no updates, sync or first-run pages that would race the journeys
    private static final List<String> DISTRIBUTION_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private static Chromium running;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static synchronized Browser browser() {
        if (running == null) {
            running = launch();
            Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close, "e2e-chromium-close"));
        }
        return running.browser;
    }

    private static Chromium launch() {
        Playwright playwright = Playwright.create();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        if (Files.isExecutable(DISTRIBUTION_CHROMIUM)) {
            options.setExecutablePath(DISTRIBUTION_CHROMIUM).setArgs(DISTRIBUTION_ARGS);
        }
        return new Chromium(playwright, playwright.chromium().launch(options));
    }

    static synchronized void close() {
        if (running != null) {
            running.browser.close();
            running.playwright.close();
            running = null;
        }
    }
}
