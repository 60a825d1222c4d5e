package health.leap.portal.booking.payment;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SANDBOX payment gateway: no money moves. Its pages live under /sandbox-gateway and say so. It
 * answers like a real gateway: the patient returns with the outcome signed (HMAC-SHA256) so the
 * portal can tell a genuine answer from a forged one.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

    private final byte[] secret;

    public SandboxGateway(@ConfigProperty(name = "portal.sandbox-gateway.secret") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public URI checkout(Order order) {
        String amount = order.amount().toPlainString();
        return URI.create("/sandbox-gateway/pay?reference=" + encode(order.reference()) + "&amount=" + amount
                + "&currency=" + encode(order.currency()) + "&description=" + encode(order.description())
                + "&return=" + encode(order.returnTo().toString())
                + "&signature=" + sign(order.reference(), amount, order.currency(), order.returnTo().toString()));
    }

    /** The signed return address for an outcome the patient chose on the sandbox page. */
    URI answer(String returnTo, String reference, Outcome outcome) {
        return URI.create(returnTo + (returnTo.contains("?") ? "&" : "?") + "reference=" + encode(reference)
                + "&outcome=" + outcome + "&signature=" + sign(reference, outcome.name()));
    }

    /** Whether an order's parameters are the ones the portal signed. */
    boolean isGenuineOrder(String reference, String amount, String currency, String returnTo, String signature) {
        return matches(sign(reference, amount, currency, returnTo), signature);
    }

    @Override
    public Optional<Result> verify(Map<String, String> callback) {
        String reference = callback.get("reference");
        String outcome = callback.get("outcome");
        String signature = callback.get("signature");
        if (reference == null || outcome == null || signature == null || !matches(sign(reference, outcome), signature)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Result(reference, Outcome.valueOf(outcome)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String refund(String paymentReference, BigDecimal amount, String currency) {
        return "SBX-RF-" + UUID.randomUUID();
    }

    private String sign(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
