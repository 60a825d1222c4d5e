package health.leap.portal.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.AriaRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One person at the portal: their own browser context (cookies, session) and page. Every page
 * they arrive at is checked with axe and photographed at phone and desktop width.
 */
final class Visitor {

    private final String user;
    private final Device device;
    private final BrowserContext context;
    private final Page page;
    private final String journey;
    private final AtomicInteger pagesSeen;
    private boolean tracing;

    /** {@code pagesSeen} counts the pages of the whole journey, so the screenshots sort in the story's order. */
    Visitor(String user, Device device, BrowserContext context, String journey, AtomicInteger pagesSeen) {
        this.user = user;
        this.device = device;
        this.context = context;
        this.journey = journey;
        this.pagesSeen = pagesSeen;
        // DOM snapshots of every step, without the screencast's frames: a failure keeps its own screenshot
        context.tracing().start(new Tracing.StartOptions().setScreenshots(false).setSnapshots(true)
                .setTitle(journey + " as " + user));
        this.tracing = true;
        this.page = context.newPage();
    }

    Page page() {
        return page;
    }

    String user() {
        return user;
    }

    /** The visitor is on the page with this main heading: it passes axe, and is photographed. */
    void seesPage(String heading) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setExact(true).setLevel(1)))
                .isVisible();
        seesChangedPage(heading);
    }

    /** After htmx swapped part of the page, or on a page whose heading is not the story's point. */
    void seesChangedPage(String what) {
        if (device.javaScript) {
            Accessibility.assertNoViolations(page);
        } else {
            checkWithScripts();
        }
        photograph(what);
    }

    /**
     * axe runs as a script in the page, and its promise never settles where scripts are off. The
     * same address, fetched with the visitor's session in a browser that runs scripts, gets the
     * same server-rendered page; every page of a journey without scripts is reached by GET
     * (Post/Redirect/Get), so fetching it again changes nothing.
     */
    private void checkWithScripts() {
        try (BrowserContext twin = Accessibility.prepare(context.browser().newContext(Device.DESKTOP.contextOptions()
                .setStorageState(context.storageState())))) {
            Page samePage = twin.newPage();
            samePage.navigate(page.url());
            Accessibility.assertNoViolations(samePage);
        }
    }

    /**
     * Every page at both widths, for the report; not in the second run, which proves that the journeys
     * leave their patients as they found them on pages the first run photographed.
     */
    private void photograph(String what) {
        if (Pass.current() == Pass.SECOND) {
            return;
        }
        String name = "%02d-%s-%s".formatted(pagesSeen.incrementAndGet(), user, slug(what));
        Path directory = Pass.current().screenshots(journey);
        page.setViewportSize(Device.PHONE.width, Device.PHONE.height);
        page.screenshot(photo().setPath(directory.resolve(name + "-phone.jpg")));
        page.setViewportSize(Device.DESKTOP.width, Device.DESKTOP.height);
        page.screenshot(photo().setPath(directory.resolve(name + "-desktop.jpg")));
        page.setViewportSize(device.width, device.height);
    }

    /**
     * A whole page as JPEG: on two cores the journeys are bound by the processor, and a page's two
     * photographs cost 187 ms as JPEG against 272 ms as PNG (measured with the journeys' Chromium).
     */
    private static Page.ScreenshotOptions photo() {
        return new Page.ScreenshotOptions().setFullPage(true).setType(ScreenshotType.JPEG).setQuality(80);
    }

    /** What a failed journey leaves behind for whoever reads the report. */
    void saveEvidence(Path directory) {
        try {
            Files.createDirectories(directory);
            if (!page.isClosed()) {
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(directory.resolve(user + ".png")));
                Files.writeString(directory.resolve(user + ".html"), page.content(), StandardCharsets.UTF_8);
            }
            context.tracing().stop(new Tracing.StopOptions().setPath(directory.resolve(user + "-trace.zip")));
            tracing = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void leave() {
        if (tracing) {
            context.tracing().stop();
        }
        context.close();
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
