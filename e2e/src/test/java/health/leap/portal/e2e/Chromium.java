package health.leap.portal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A headless Chromium for each journey class that runs: a class takes one with its seat
 * ({@link JourneySeats}) and gives it back after its last journey, so there are as many browsers as
 * seats, however many threads JUnit has. Playwright for Java is used by one thread at a time: the
 * seat's. Where Playwright cannot download its own browser the distribution's is used: its
 * headless shell (Debian's {@code chromium-headless-shell}, the same Blink without the full
 * browser's machinery: the first run's journeys took 257 s of processor time in Chromium against
 * 342 s with {@code chromium --headless}), else its Chromium; elsewhere Playwright's.
 */
final class Chromium {

    private static final Path DISTRIBUTION_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DISTRIBUTION_HEADLESS_SHELL = Path.of("/usr/bin/chromium-headless-shell");
    // quiet and offline: no updates, sync or first-run pages that would race the journeys
    private static final List<String> DISTRIBUTION_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private static final ThreadLocal<Chromium> THIS_THREADS = new ThreadLocal<>();
    private static final List<Chromium> RUNNING = new CopyOnWriteArrayList<>();
    /** Browsers no class holds; the seats' semaphore hands them on, one thread after another. */
    private static final Deque<Chromium> IDLE = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close, "e2e-chromium-close"));
    }

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Gives this thread an idle browser for the class it runs, if one is left; else {@link #browser} launches one. */
    static void claim() {
        THIS_THREADS.set(IDLE.poll());
    }

    /** The class has run: its browser goes back for the next class, whichever thread runs it. */
    static void giveBack() {
        Chromium mine = THIS_THREADS.get();
        THIS_THREADS.remove();
        if (mine != null && mine.browser.isConnected()) {
            IDLE.push(mine);
        }
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
        if (Files.isExecutable(DISTRIBUTION_HEADLESS_SHELL)) {
            options.setExecutablePath(DISTRIBUTION_HEADLESS_SHELL).setArgs(DISTRIBUTION_ARGS);
        } else if (Files.isExecutable(DISTRIBUTION_CHROMIUM)) {
            options.setExecutablePath(DISTRIBUTION_CHROMIUM).setArgs(DISTRIBUTION_ARGS);
        }
        return new Chromium(playwright, playwright.chromium().launch(options));
    }

    /** Once every journey ran: no thread uses a browser any more. */
    static void close() {
        IDLE.clear();
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
