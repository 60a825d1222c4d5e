package health.leap.portal.gateway;

import io.quarkus.qute.TemplateEnum;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The port to a payment gateway. One adapter ships, {@link SandboxGateway}, where no money moves;
 * {@link Gateways} gives the one chosen ({@code PORTAL_PAYMENT_GATEWAY}). src/docs/deploying.md
 * says how a real provider's adapter joins it.
 */
public interface PaymentGateway {

    /** What to charge, and where the gateway sends the patient back. */
    record Order(String reference, BigDecimal amount, String currency, String description, URI returnTo) {
    }

    /** What the patient did at the gateway; templates compare with {@code Outcome:SUCCEEDED}. */
    @TemplateEnum
    enum Outcome {
        SUCCEEDED, FAILED, ABANDONED
    }

    /** A gateway's verified answer about one payment. */
    record Result(String reference, Outcome outcome) {
    }

    /** Where a refund stands at the gateway: money on its way, back with the patient, or not returned. */
    enum RefundOutcome {
        PENDING, COMPLETED, FAILED
    }

    /** Where to send the patient to pay. */
    URI checkout(Order order);

    /** The verified outcome carried by a callback, or empty when its signature does not verify. */
    Optional<Result> verify(Map<String, String> callback);

    /**
     * What became of a checkout, asked when the patient never came back with an answer (closed the
     * tab, lost the connection): empty while the patient may still finish paying.
     */
    Optional<Outcome> paymentOutcome(String paymentReference);

    /** Asks the gateway to return money; the answer is the gateway's refund reference. */
    String refund(String paymentReference, BigDecimal amount, String currency);

    /** Where the refund with this gateway reference stands; gateways settle refunds some time after they are asked. */
    RefundOutcome refundOutcome(String refundReference);

    /**
     * The gateway's notice that it has settled a refund (the sandbox sends it when QA settles one):
     * whoever follows refunds asks about it at once instead of at the next poll.
     */
    record RefundAnswered(String reference) {
    }
}
