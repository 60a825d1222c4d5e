package health.leap.portal.gateway;

import health.leap.portal.web.Problem;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway runs only where chosen. The tests run with the sandbox (the demo profile's choice); with
 * none chosen the portal refuses to start while the demo clinics' services ask for payment, naming them,
 * and an unknown gateway is refused by name.
 */
@QuarkusTest
class GatewaysTest {

    @Inject
    Gateways gateways;
    @Inject
    PaymentGateway gateway;

    @Test
    void theSandboxRunsWhereChosen() {
        assertTrue(gateways.sandbox());
        assertInstanceOf(SandboxGateway.class, unproxied());
    }

    @Test
    void withNoGatewayTheStartIsRefusedWhileServicesAskForPayment() {
        Gateways none = new Gateways("none", null, false);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> none.check(null)));
        assertAll(
                () -> assertFalse(none.sandbox()),
                () -> assertTrue(refused.getMessage().contains("PORTAL_PAYMENT_GATEWAY=none"), refused.getMessage()),
                // a demo service that takes an advance, named with its clinic
                () -> assertTrue(refused.getMessage().contains("Harbour Health: "), refused.getMessage()));
    }

    @Test
    void anUnknownGatewayIsRefusedByName() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new Gateways("stripe", null, false).check(null));
        assertTrue(refused.getMessage().contains("PORTAL_PAYMENT_GATEWAY is \"stripe\""), refused.getMessage());
    }

    @Test
    void noGatewayRefusesToTakeMoneyWithASentence() {
        Gateways.NoGateway none = new Gateways.NoGateway();
        Problem refused = assertThrows(Problem.class, () -> none.checkout(null));
        assertTrue(refused.getMessage().contains("Payments are not available"), refused.getMessage());
    }

    private Object unproxied() {
        return ClientProxy.unwrap(gateway);
    }
}
