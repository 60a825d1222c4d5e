package health.leap.portal.e2e;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Gives each journey a {@link Portal} on the JVM-wide stack and browser; after a failure keeps a
 * screenshot, the page's HTML and a Playwright trace of every visitor under
 * {@code target/e2e-artifacts/<journey>/}.
 */
final class JourneyExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JourneyExtension.class);

    static {
        // two cores share the portal, Keycloak, PostgreSQL and Chromium
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunEnd.class, key -> new RunEnd(), RunEnd.class);
        context.getStore(NAMESPACE).put(Portal.class, new Portal(Stack.get(), journeyName(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Portal portal = context.getStore(NAMESPACE).remove(Portal.class, Portal.class);
        if (portal == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            Path evidence = Stack.buildDirectory().resolve("e2e-artifacts").resolve(journeyName(context));
            portal.visitors().forEach(visitor -> visitor.saveEvidence(evidence));
        }
        portal.visitors().forEach(Visitor::leave);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Portal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Portal.class, Portal.class);
    }

    private static String journeyName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    }

    /** Closed by JUnit once every journey ran: the stack stops then, not only when the JVM exits. */
    private static final class RunEnd implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            Chromium.close();
            Stack.stop();
        }
    }
}
