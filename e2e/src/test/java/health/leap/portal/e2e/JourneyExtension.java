package health.leap.portal.e2e;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each journey a {@link Portal} on the JVM-wide stack and browser; after a failure keeps a
 * screenshot, the page's HTML and a Playwright trace of every visitor under
 * {@code target/e2e-artifacts/<journey>/}; at the end of every journey, pass or fail, cancels what
 * it left its patients holding or booked ({@link Tidy}); and writes each verdict into the run's
 * report ({@link JourneyReport}).
 */
final class JourneyExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JourneyExtension.class);
    /** When each journey began, by its unique id: a test's own store is closed by the time its verdict is known. */
    private static final Map<String, Instant> STARTED = new ConcurrentHashMap<>();

    static {
        // two cores share the portal, Keycloak, PostgreSQL and Chromium
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        runEnd(context);
        Needs needs = needs(context);
        STARTED.put(context.getUniqueId(), Instant.now());
        context.getStore(NAMESPACE).put(Portal.class, new Portal(Stack.get(), journeyName(context), needs));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Portal portal = context.getStore(NAMESPACE).remove(Portal.class, Portal.class);
        if (portal == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                Path evidence = Pass.current().evidence(journeyName(context));
                portal.visitors().forEach(visitor -> visitor.saveEvidence(evidence));
            }
            List<String> leftBehind = portal.tidyUp();
            if (!leftBehind.isEmpty()) {
                // after a failure JUnit keeps this beside the failure; after a pass it fails the journey
                throw new AssertionError("The journey leaves bookings its patients cannot cancel online, which the"
                        + " next run would find: " + String.join("; ", leftBehind));
            }
        } finally {
            portal.visitors().forEach(Visitor::leave);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Portal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Portal.class, Portal.class);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, JourneyReport.Verdict.PASSED, "");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, JourneyReport.Verdict.FAILED, String.valueOf(cause));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, JourneyReport.Verdict.SKIPPED, cause == null || cause.getMessage() == null ? "" : cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        runEnd(context);
        record(context, JourneyReport.Verdict.SKIPPED, reason.orElse(""));
    }

    private static void record(ExtensionContext context, JourneyReport.Verdict verdict, String reason) {
        String journey = journeyName(context);
        Instant started = STARTED.remove(context.getUniqueId());
        Duration took = started == null ? Duration.ZERO : Duration.between(started, Instant.now());
        Needs needs = findNeeds(context);
        JourneyReport.record(new JourneyReport.Journey(journey, verdict, took, reason,
                needs == null ? "" : DataCheck.describe(needs),
                Pass.current().screenshots(journey), Pass.current().evidence(journey)));
    }

    /** The run's end, kept in JUnit's root store: closed once every journey ran. */
    private static void runEnd(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunEnd.class, key -> new RunEnd(), RunEnd.class);
    }

    private static Needs needs(ExtensionContext context) {
        Needs needs = findNeeds(context);
        if (needs == null) {
            throw new IllegalStateException(journeyName(context) + " names no @Needs: say which logins, doctors and"
                    + " services it relies on");
        }
        return needs;
    }

    private static Needs findNeeds(ExtensionContext context) {
        Needs onMethod = context.getRequiredTestMethod().getAnnotation(Needs.class);
        return onMethod != null ? onMethod : context.getRequiredTestClass().getAnnotation(Needs.class);
    }

    private static String journeyName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    }

    /**
     * Closed by JUnit once every journey ran: writes the report, and stops the stack then, not only
     * when the JVM exits (or, in the first of two runs, leaves it running for the second).
     */
    private static final class RunEnd implements ExtensionContext.Store.CloseableResource {

        RunEnd() {
            JourneyReport.begin(Pass.current());
        }

        @Override
        public void close() {
            try {
                JourneyReport.finish(Pass.current());
            } finally {
                Chromium.close();
                Stack.finish();
            }
        }
    }
}
