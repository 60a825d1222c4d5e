package health.leap.portal.mail;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the emails and the QA reminder clock say; the words are in
 * {@code messages/mail_en.properties} and {@code mail_es.properties}. An email is worded in its
 * recipient's language ({@link Notices#render}), not in the language of whoever is sending it; the
 * calendar entry it carries is worded by {@code appointments/CalendarExport}, in the same language.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    // a message about a booking: its subject, heading and sentences, by kind
    String subjectConfirmed(String service, String when);

    String headingConfirmed();

    String saysConfirmed(String patient);

    String ifCannotCome();

    String subjectAwaiting(String service, String when);

    String headingAwaiting();

    String saysAwaiting(String patient, String clinic);

    String subjectApproved(String service, String when);

    String headingApproved();

    String saysApproved(String patient, String clinic);

    String subjectDeclined(String service, String when);

    String headingDeclined();

    String saysDeclined(String patient, String clinic, String reason);

    String subjectCancelled(String service, String when);

    String headingCancelled();

    /** {@code actor}: PATIENT, GUARDIAN, STAFF or SYSTEM; {@code reason} null when none is to be shown. */
    String saysCancelled(String patient, String actor, String clinic, String reason);

    String subjectMoved(String service, String when);

    String headingMoved();

    /** {@code from} null when the earlier time is not known; {@code pending} when the new time waits for approval. */
    String saysMoved(String patient, String from, String when, boolean pending);

    String subjectHoldExpired(String service, String when);

    String headingHoldExpired();

    String saysHoldExpired(String patient, boolean refunded);

    String subjectReminder(String service, String when);

    String headingReminder();

    String saysReminder(String patient);

    String subjectRefundCompleted(String amount);

    String headingRefundCompleted();

    String saysRefundCompleted(String patient, String amount);

    String subjectRefundFailed(String amount);

    String headingRefundFailed();

    String saysRefundFailed(String patient, String amount, String clinic);

    String refundOnItsWay(String amount);

    String sessionBack();

    /** Cancelled by the clinic inside its cancellation window, keeping what was paid. */
    String nothingRefunded();

    /** Booked by the front desk, the amount due to be paid at the clinic. */
    String payAtDesk(String amount);

    // the link to act on
    String viewBooking();

    String chooseAnotherTime();

    String seeFreeTimes(String doctor);

    // a payment link the front desk sent
    String subjectPaymentLink(String service, String when);

    String headingPaymentLink();

    String saysPaymentLink(String patient, String amount, String until);

    String payAndConfirm(String amount);

    // a patient's email address changing: the link to the new one, the notice to the old one
    String subjectEmailConfirm(String clinic);

    String headingEmailConfirm();

    String saysEmailConfirm(String patient, String clinic);

    String saysEmailConfirmGuardian(String guardian, String patient, String clinic);

    String saysLinkWorksOnce();

    String confirmAddress();

    String factNewAddress();

    String factLinkWorksUntil();

    String subjectEmailChanged(String clinic);

    String headingEmailChanged();

    String saysEmailChanged(String patient, String clinic, String address);

    String saysEmailChangedNotYou();

    String factChangedOn();

    // the visit's facts
    String factWhen();

    String factEnds();

    String endsAt(String time, long minutes);

    String factNewTime();

    String factWas();

    String factVisit();

    String factWhere();

    String factRefund();

    String factReference();

    String visit(String service, String doctor);

    String bookingReference(long id);

    // the frame of every message
    String portalLine(String clinic);

    String whyYouGetThis(String clinic);

    String turnOffOn();

    String yourProfile();

    String turnOffAt(String url);

    // the QA reminder clock
    String pageNotFound();

    String qaQueued(long id, String at);

    String qaNotDue(long id, String at);

    String qaNoTime();

    String qaBadTime(String value);

    // to a guardian, for a patient with no address of their own
    String toGuardian(String guardian, String patient);

    String subjectFor(String subject, String patient);

    String factPatient();
}
