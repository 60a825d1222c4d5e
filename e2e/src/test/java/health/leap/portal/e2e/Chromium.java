package health.leap.portal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A headless Chromium for each thread that runs journeys: Playwright for Java is used from the one
 * thread that created it, and the journeys run side by side ({@link PortalJourney}). Where
 * Playwright cannot download its own browser the distribution's Chromium is used; elsewhere
 * Playwright's.
 */
final class Chromium {

    private static final Path DISTRIBUTION_CHROMIUM = Path.of("/usr/bin/chromium");
    // quiet and offline: no updates, sync or first-run pages that would race the journeys
    private static final List<String> DISTRIBUTION_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private static final ThreadLocal<Chromium> THIS_THREADS = new ThreadLocal<>();
    private static final List<Chromium> RUNNING = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close, "e2e-chromium-close"));
    }

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** This thread's browser, launched on its first journey. */
    static Browser browser() {
        Chromium mine = THIS_THREADS.get();
        if (mine == null || !mine.browser.isConnected()) {
            mine = launch();
            THIS_THREADS.set(mine);
            RUNNING.add(mine);
        }
        return mine.browser;
    }

    private static Chromium launch() {
        Playwright playwright = Playwright.create();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        if (Files.isExecutable(DISTRIBUTION_CHROMIUM)) {
            options.setExecutablePath(DISTRIBUTION_CHROMIUM).setArgs(DISTRIBUTION_ARGS);
        }
        return new Chromium(playwright, playwright.chromium().launch(options));
    }

    /** Once every journey ran: no thread uses a browser any more. */
    static void close() {
        for (Chromium each : RUNNING) {
            RUNNING.remove(each);
            try {
                each.browser.close();
            } finally {
                each.playwright.close();
            }
        }
    }
}
