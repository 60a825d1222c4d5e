package health.leap.portal.gateway;

import health.leap.portal.platform.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SANDBOX payment gateway: no money moves. Its pages live under /sandbox-gateway and say so. It
 * answers like a real gateway: the patient returns with the outcome signed (HMAC-SHA256) so the
 * portal can tell a genuine answer from a forged one. Its books ({@code sandbox_gateway_ledger})
 * remember what each checkout and refund became, as a real gateway's would: a checkout nobody
 * answers expires after {@link #CHECKOUT_EXPIRES}, and a refund settles as completed once
 * {@code portal.sandbox-gateway.refund-settles-after} has passed, unless QA settled or failed it
 * first on the sandbox's refunds page. It runs only where chosen ({@code PORTAL_PAYMENT_GATEWAY=sandbox},
 * see {@link Gateways}).
 */
@ApplicationScoped
@Typed(SandboxGateway.class)
public class SandboxGateway implements PaymentGateway {

    /** As a hosted checkout page's session does, an unanswered one lapses. */
    static final Duration CHECKOUT_EXPIRES = Duration.ofMinutes(15);

    private final byte[] secret;
    private final Clock clock;
    private final Duration refundSettlesAfter;

    public SandboxGateway(PortalConfig config, Clock clock) {
        this.secret = config.sandboxGateway().secret()
                .orElseThrow(() -> new IllegalStateException("PORTAL_SANDBOX_GATEWAY_SECRET is not set: the sandbox gateway signs its answers with it"))
                .getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.refundSettlesAfter = config.sandboxGateway().refundSettlesAfter();
    }

    @Override
    public URI checkout(Order order) {
        SandboxLedgerEntry.open(order.reference(), SandboxLedgerEntry.PAYMENT, order.amount(), order.currency(),
                clock.instant());
        String amount = order.amount().toPlainString();
        return URI.create("/sandbox-gateway/pay?reference=" + encode(order.reference()) + "&amount=" + amount
                + "&currency=" + encode(order.currency()) + "&description=" + encode(order.description())
                + "&return=" + encode(order.returnTo().toString())
                + "&signature=" + sign(order.reference(), amount, order.currency(), order.returnTo().toString()));
    }

    /**
     * Records the outcome the patient chose on the sandbox page and returns the signed return address.
     * A checkout already answered, or lapsed, answers with what it became: the first answer stands.
     */
    @Transactional
    URI answer(String returnTo, String reference, Outcome chosen) {
        Instant now = clock.instant();
        SandboxLedgerEntry.decideIfOpenedBy(reference, SandboxLedgerEntry.PAYMENT, Outcome.ABANDONED.name(),
                now.minus(CHECKOUT_EXPIRES), now);
        SandboxLedgerEntry.decide(reference, SandboxLedgerEntry.PAYMENT, chosen.name(), now);
        Outcome outcome = SandboxLedgerEntry.outcomeOf(reference, SandboxLedgerEntry.PAYMENT).flatMap(o -> o)
                .map(Outcome::valueOf).orElse(chosen);
        return URI.create(returnTo + (returnTo.contains("?") ? "&" : "?") + "reference=" + encode(reference)
                + "&outcome=" + outcome + "&signature=" + sign(reference, outcome.name()));
    }

    @Override
    @Transactional
    public Optional<Outcome> paymentOutcome(String paymentReference) {
        Instant now = clock.instant();
        SandboxLedgerEntry.decideIfOpenedBy(paymentReference, SandboxLedgerEntry.PAYMENT, Outcome.ABANDONED.name(),
                now.minus(CHECKOUT_EXPIRES), now);
        return SandboxLedgerEntry.outcomeOf(paymentReference, SandboxLedgerEntry.PAYMENT)
                .map(outcome -> outcome.map(Outcome::valueOf))
                // a reference these books never saw was never paid here
                .orElse(Optional.of(Outcome.ABANDONED));
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
        String reference = "SBX-RF-" + UUID.randomUUID();
        SandboxLedgerEntry.open(reference, SandboxLedgerEntry.REFUND, amount, currency, clock.instant());
        return reference;
    }

    @Override
    @Transactional
    public RefundOutcome refundOutcome(String refundReference) {
        Instant now = clock.instant();
        SandboxLedgerEntry.decideIfOpenedBy(refundReference, SandboxLedgerEntry.REFUND, RefundOutcome.COMPLETED.name(),
                now.minus(refundSettlesAfter), now);
        return SandboxLedgerEntry.outcomeOf(refundReference, SandboxLedgerEntry.REFUND)
                .map(outcome -> outcome.map(RefundOutcome::valueOf).orElse(RefundOutcome.PENDING))
                // a refund these books never saw was never made
                .orElse(RefundOutcome.FAILED);
    }

    /** QA settles a refund now, as completed or failed; false when it was settled already. */
    @Transactional
    public boolean settleRefund(String refundReference, RefundOutcome outcome) {
        if (outcome == RefundOutcome.PENDING) {
            throw new IllegalArgumentException("a refund settles as completed or failed");
        }
        Instant now = clock.instant();
        return SandboxLedgerEntry.decide(refundReference, SandboxLedgerEntry.REFUND, outcome.name(), now);
    }

    /** The refunds of one clinic that the sandbox has not settled yet, oldest first. */
    List<OpenRefund> openRefunds(long tenantId) {
        // a payment's appointment_id is a foreign key: the booking it names exists
        return SandboxLedgerEntry.getEntityManager().createQuery("""
                select g.reference, g.amount, g.currency, g.createdAt, p.appointmentId
                from SandboxLedgerEntry g
                join Refund r on r.reference = g.reference
                join Payment p on p.id = r.paymentId
                where r.tenantId = ?1 and g.kind = ?2 and g.outcome is null
                order by g.createdAt, g.reference""", OpenRefund.class)
                .setParameter(1, tenantId).setParameter(2, SandboxLedgerEntry.REFUND).getResultStream()
                .map(r -> new OpenRefund(r.reference(), r.amount(), r.currency().trim(), r.askedAt(), r.appointmentId()))
                .toList();
    }

    /** A refund waiting at the sandbox, as QA sees it. */
    public record OpenRefund(String reference, BigDecimal amount, String currency, Instant askedAt, long appointmentId) {
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
