package health.leap.portal.gateway;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the sandbox gateway's pages and the payment refusals say; the words are in
 * {@code messages/sandbox_en.properties} and {@code sandbox_es.properties}.
 */
@MessageBundle(value = "sandbox", locale = "en")
public interface PaymentMessages {

    String payTitle();

    String banner();

    String payExplain();

    String pay(String currency, String amount);

    String reference(String reference);

    String makeFail();

    String cancelBack();

    String refundsTitle();

    String refundsExplain();

    String refundsHeading();

    String noRefunds(String clinic);

    String refundFor(String amount, long booking);

    String refundReference(String reference);

    String askedFor();

    String completeFor(long booking);

    String complete();

    String failFor(long booking);

    String fail();

    // refusals
    String chooseOutcome();

    String chooseRefundOutcome();

    String noSuchRefund();

    String notSigned();

    String noSandbox();

    String paymentsUnavailable();
}
