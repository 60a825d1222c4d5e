package health.leap.portal.appointments;

import io.quarkus.qute.i18n.MessageBundle;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What the appointment pages (home, history, one booking, moving it, the staff's start page), their
 * refusals, the calendar file and the booking's timeline say. The words are in
 * {@code messages/appts_en.properties} and {@code appts_es.properties}.
 */
@MessageBundle(value = "appts", locale = "en")
public interface AppointmentMessages {

    // refusals
    String appointmentNotFound();

    String appointmentNotYours();

    String slotNotFound();

    String slotNotYours();

    String changedMeanwhile();

    String slotTakenNotMoved();

    String calendarOnlyConfirmed();

    /** {@code window}: a {@link #span}; {@code centre} and its {@code phone}, null when it gave none: whom to call. */
    String cancelWindowClosed(String window, String centre, String phone);

    /** {@code status}: a {@link #statusWord}. */
    String notCancellable(String status);

    String moveWindowClosed(String window, String centre, String phone);

    String notMovable(String status);

    String moveLimit(int count);

    String serviceNotOffered();

    String serviceDoesNotFit();

    String sameSlot();

    String packageNotValidThere(String packageName, String centre);

    String packageEndsBefore(String packageName, Instant until, ZoneId zone);

    String overlaps(String doctor, Instant at, ZoneId zone);

    String notAStatus(String value, String choices);

    String rangeBackwards();

    String notEpoch(String name);

    /** A length of time: {@link Span}'s amount and unit (day, hour, minute, second). */
    String span(long amount, String unit);

    /** A booking's status in the middle of a sentence: "checked in", "pending approval". */
    String statusWord(String status);

    // the calendar file
    String calendarSummary(String service, String doctor);

    String calendarDescription(long id, String centre);

    // the timeline ({@link TimelineDetail} words its lines)
    /** {@code actor}: PATIENT, STAFF or SYSTEM. */
    String eventBy(String actor);

    String eventHeldFor(String length);

    String eventHoldExtended(String length);

    String holdWarn2();

    String holdWarn1();

    String holdKeep(String length);

    String eventReleasedForAnother();

    String eventAwaitingApproval();

    String eventPaidWithPackage();

    String eventApproved();

    String eventDeclined();

    String eventCheckedIn();

    String eventCompleted();

    String eventCompletedUnmarked();

    String eventNoShow();

    String eventNoShowUnmarked();

    String eventMovedTo(long id);

    String eventMovedFrom(long id);

    String eventHoldExpired();

    String eventHoldReleased();

    String eventCancelled();

    String eventNotDecided();

    /** On the timeline and in the booking's refund note: "Refund of GBP 240.00 completed". */
    String refundCompleted(String amount);

    String eventRefundFailed(String amount);

    String eventPaidTooLate();

    String flagAwaitingApproval();

    String flagPaidWithPackage();

    String flagRefunding();

    String flagSessionBack();

    String flagPayAtDesk();

    String deskRefundChoiceRequired();

    // the front desk acting for the patient
    String deskReasonLabel();

    String deskMoveReasonHint();

    String deskMove();

    String deskCancelReasonLabel();

    String deskRefundLegend();

    String deskRefundFull();

    String deskRefundNone();

    String deskCancel();

    String bookToPayAtDesk(String amount);

    String owedAtDesk(String amount);

    String paidAtDesk(String amount, String when, String reference);

    String slotHasBegun();

    /** The front desk tried to move or cancel a visit whose time has come. */
    String visitHasBegun();

    String flagNoRefund();

    /** The front desk went past the patient's online rules, named by {@link #deskRule}. */
    String eventDeskOverride(String rules);

    /** One online rule the front desk may go past, by its error code. */
    String deskRule(String code);

    String eventPaidAtDesk();

    /** The front desk emailed a payment link and keeps the time that long. */
    String eventPaymentLink(String kept);

    String deskPaymentLinkLegend();

    String deskPaymentLinkKeep();

    String deskPaymentLinkHours(int hours);

    String deskSendPaymentLink();

    String paymentLinkSent(String until);

    String paymentLinkTooLong(int limit);

    /** A line and the words a person typed: "Cancelled: Feeling better". */
    String eventReason(String line, String reason);

    /** A line and what adds to it: "Hold expired; the payment is being refunded". */
    String eventAnd(String line, String more);

    // one booking
    String detailTitle();

    String heldHeading();

    String statusLine();

    String when();

    String ends();

    String endsAt(String time, long minutes);

    /** Filled per row ({@code Sentences}): %1$s the time. */
    String untilTime();

    String doctor();

    String where();

    String service();

    String toPayOnline();

    String nothingToPay();

    String payment(String status, String reference);

    String paidWith(String name);

    String refundOnItsWay(String amount);

    String completedOn();

    String refundFailed(String amount);

    String declined(String reason);

    String notApprovedInTime();

    String noShowNote();

    String holdUntil();

    String holdLeft();

    String holdRanOut();

    String chooseAgain();

    String payWithPackage();

    String sessionsLeft(int left, int total);

    String confirmWithPackage();

    String asksForPayment(String amount);

    String lastPaymentFailed();

    String payAndConfirm(String amount);

    String confirmBooking();

    // what the held page says before the patient commits: the online deadlines, what comes back, whom to call
    String termsHeading();

    /** {@code until}: a time written by {@code Formats.local}, the zone named. */
    String termsCancelAndMoveUntil(String until);

    String termsCancelUntil(String until);

    /** {@code window}: a {@link #span}. */
    String termsNoCancel(String window);

    String termsMoveUntil(String until);

    String termsNoMove(String window);

    String termsRefund(String amount);

    /** A package may pay for it instead of the amount. */
    String termsRefundOrSession(String amount);

    String termsSessionBack();

    String termsNothingToRefund();

    String termsAfter();

    String termsCall(String centre, String phone);

    String holdOnThisTimeRanOut();

    String confirmed();

    String awaitingApproval();

    String addToMyCalendar();

    String replaces();

    String bookingNumber(Long id);

    String wasMoved();

    String moveToAnotherTime();

    String releaseThisTime();

    String cancelReasonLabel();

    String cancelBooking();

    String historyHeading();

    // the history
    String historyTitle();

    String historyTitleOf(String name);

    String filterLabel();

    String status();

    String centre();

    String anyDoctor();

    String anyCentre();

    String dateFrom();

    String dateTo();

    String show();

    String appointmentsLabel();

    String noMatch();

    /** Filled per row ({@code Sentences}): %1$s the service, %2$s the doctor, %3$s the centre. */
    String visitLine();

    String loadOlder();

    // home
    String homeTitle();

    String hello(String name);

    String bookAppointment();

    String upcomingHeading();

    String noUpcoming();

    String heldForYou();

    String finishBooking();

    String viewMoveCancel();

    String addToCalendar();

    String allMyAppointments();

    // moving a booking
    String moveTitle();

    String moveNow(String service, String doctor, String centre);

    String keepIt();

    String showTimes();

    String timesAreIn(String zone);

    String days();

    String freeTimesOn(String day);

    String noFreeTimes();

    String moveToTime(String time, String day);

    String currentTime();

    // the staff's start page
    String staffTitle();

    String staffOf(String clinic);

    String staffDay();

    String staffApprovals();

    String staffPatients();

    String staffSandboxRefunds();

    /** The line a printed booking starts with. */
    String printReference(long id);

    // booking for the family: who acted, on the timeline
    String eventByGuardian(String guardian, String patient);

    /** A staff member's change: the clinic, and which of its staff. */
    String eventByStaff(String staff);

    String eventByPatient(String patient);

    // booking for the family: a dependant's home page
    String helloFor(String name);

    String noUpcomingFor(String name);

    String allAppointmentsOf(String name);

    String familyUpcomingHeading();

    String familyUpcomingHint();

    String heldNotFinished();
}
