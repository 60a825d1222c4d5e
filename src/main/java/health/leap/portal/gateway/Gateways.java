package health.leap.portal.gateway;

import health.leap.portal.clinic.PaymentMode;
import health.leap.portal.clinic.ServiceRow;
import health.leap.portal.platform.PortalConfig;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which payment gateway runs: the one {@code PORTAL_PAYMENT_GATEWAY} chooses. {@code sandbox} is the
 * {@link SandboxGateway} (no money moves, and every page says so: templates read
 * {@code inject:gateways.sandbox}); {@code none}, the default, is no gateway at all, and then the portal
 * does not start while any service of any clinic asks for payment, so no patient meets a payment step
 * that cannot be paid.
 */
@ApplicationScoped
@Named("gateways")
public class Gateways {

    public static final String SANDBOX = "sandbox";
    public static final String NONE = "none";

    private final String chosen;
    private final Instance<SandboxGateway> sandbox;
    private final boolean sandboxInProduction;

    @Inject
    public Gateways(PortalConfig config, Instance<SandboxGateway> sandbox) {
        this(config.paymentGateway(), sandbox, config.sandboxGateway().inProduction());
    }

    Gateways(String chosen, Instance<SandboxGateway> sandbox, boolean sandboxInProduction) {
        this.chosen = chosen.trim();
        this.sandbox = sandbox;
        this.sandboxInProduction = sandboxInProduction;
    }

    /** True while the sandbox runs: pages show that no money moves. */
    public boolean sandbox() {
        return SANDBOX.equals(chosen);
    }

    /** The sandbox runs in a production start, on purpose ({@code PORTAL_SANDBOX_GATEWAY_IN_PRODUCTION}): the strip says so. */
    public boolean sandboxInProduction() {
        return sandbox() && sandboxInProduction;
    }

    @Produces
    @ApplicationScoped
    PaymentGateway gateway() {
        return sandbox() ? sandbox.get() : new NoGateway();
    }

    /**
     * Refuses to start with an unknown gateway, or with none while a service asks for payment; after the
     * demo data, when that loads.
     */
    @Transactional
    void check(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent start) {
        if (sandbox()) {
            return;
        }
        if (!NONE.equals(chosen)) {
            throw new IllegalStateException("PORTAL_PAYMENT_GATEWAY is \"" + chosen
                    + "\", which is no gateway this portal has: choose sandbox (no money moves) or none.");
        }
        // every such service, named with its clinic in the one sentence
        List<String> asking = ServiceRow.getEntityManager().createQuery("""
                select t.name || ': ' || s.name
                from ServiceRow s join Tenant t on t.id = s.tenantId
                where s.paymentMode <> ?1
                order by t.name, s.name""", String.class).setParameter(1, PaymentMode.NONE).getResultList();
        if (!asking.isEmpty()) {
            throw new IllegalStateException("No payment gateway is chosen (PORTAL_PAYMENT_GATEWAY=none), yet these services ask "
                    + "for payment: " + String.join("; ", asking) + ". Choose a gateway (PORTAL_PAYMENT_GATEWAY=sandbox for a "
                    + "trial where no money moves, or a real provider's adapter, see src/docs/deploying.md), "
                    + "or let these services take no payment.");
        }
    }

    /** No gateway chosen: nothing can be paid or given back through the portal. */
    static final class NoGateway implements PaymentGateway {

        private static Problem unavailable() {
            return new Problem(ErrorCode.PAYMENT_UNAVAILABLE, PaymentMessages.class, PaymentMessages::paymentsUnavailable);
        }

        @Override
        public URI checkout(Order order) {
            throw unavailable();
        }

        @Override
        public Optional<Result> verify(Map<String, String> callback) {
            return Optional.empty();
        }

        @Override
        public Optional<Outcome> paymentOutcome(String paymentReference) {
            return Optional.empty();
        }

        @Override
        public String refund(String paymentReference, BigDecimal amount, String currency) {
            throw unavailable();
        }

        @Override
        public RefundOutcome refundOutcome(String refundReference) {
            return RefundOutcome.PENDING;
        }
    }
}
