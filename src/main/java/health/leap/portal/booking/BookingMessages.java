package health.leap.portal.booking;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What holding, paying and confirming say, and their refusals; the words are in
 * {@code messages/booking_en.properties} and {@code booking_es.properties}.
 */
@MessageBundle(value = "booking", locale = "en")
public interface BookingMessages {

    String holdingAnother();

    String continueHeld();

    String releaseAndHold();

    String chooseAnother();

    String freeTimesOn(String day);

    String noneLeft();

    String seeOtherDays();

    // refusals
    String draftOpen();

    String timeNotFound();

    String timeHasBegun();

    String nothingToPayByLink();

    String paymentLinkDeskOnly();

    String timeNotYours();

    String serviceNotOfferedAt(String centre);

    String activeLimit(int count);

    String slotTaken();

    String serviceDoesNotFit(String service, int minutes);

    String payFirst(String amount);

    String holdExpired();

    String invalidState(String status);

    String notWaitingForPayment();

    String nothingToPay();

    String alreadyPaid();

    String paymentUnverified();

    String paymentNotFound();

    String paymentNotYours();

    String holdExtensionUsed();

    String holdExtensionNotYet();
}
