package health.leap.portal.booking.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The port to a payment gateway. One adapter ships: {@link SandboxGateway}. */
public interface PaymentGateway {

    /** What to charge, and where the gateway sends the patient back. */
    record Order(String reference, BigDecimal amount, String currency, String description, URI returnTo) {
    }

    enum Outcome {
        SUCCEEDED, FAILED, ABANDONED
    }

    /** A gateway's verified answer about one payment. */
    record Result(String reference, Outcome outcome) {
    }

    /** Where to send the patient to pay. */
    URI checkout(Order order);

    /** The verified outcome carried by a callback, or empty when its signature does not verify. */
    Optional<Result> verify(Map<String, String> callback);

    /** Asks the gateway to return money; the answer is the gateway's refund reference. */
    String refund(String paymentReference, BigDecimal amount, String currency);
}
