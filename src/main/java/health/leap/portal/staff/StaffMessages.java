package health.leap.portal.staff;

import io.quarkus.qute.i18n.MessageBundle;

import java.math.BigDecimal;

/**
 * What the staff pages (approvals, day list, patient finder) and their refusals say; the words are in
 * {@code messages/staff_en.properties} and {@code staff_es.properties}.
 */
@MessageBundle(value = "staff", locale = "en")
public interface StaffMessages {

    // refusals
    String appointmentNotFound();

    String appointmentNotYours();

    String patientNotFound();

    String patientNotYours();

    String centreNotFound();

    String centreNotYours();

    String reasonRequired();

    String alreadyDecided();

    String notTheVisitDay();

    String noShowNotTheDay();

    String noShowTooEarly();

    /**
     * A visit in another status than the mark needs: {@code status} is its code (CONFIRMED, CANCELLED),
     * {@code mark} the status the desk meant to give it (CHECKED_IN, COMPLETED, NO_SHOW).
     */
    String visitCannot(String status, String mark);

    // the approval queue
    String approvalsTitle();

    String approvalsQueueLabel();

    String noneWaiting();

    String serviceWithAt(String service, String doctor, String centre);

    String paidIfDeclined(BigDecimal amount, String currency);

    String approveLabel(String patient);

    String approve();

    String declineReason();

    String declineLabel(String patient);

    String decline();

    // the day list
    String dayTitle(String centre);

    String dayHeading(String centre);

    String dayFilters();

    String centre();

    String doctor();

    String allDoctors();

    String day();

    String showDay();

    String otherDays();

    String previousDay();

    String today();

    String nextDay();

    String todayMark();

    String zoneNote(String address, String zone);

    String noVisits();

    String serviceWith(String service, String doctor);

    String statusLabel();

    /**
     * What the patient has paid, or still owes: {@code kind} PACKAGE, FREE, PAID or DUE; {@code refund}
     * the refund's status code (INITIATED, COMPLETED, FAILED), or null.
     */
    String payment(String kind, String packageName, BigDecimal amount, String currency, String refund);

    String checkInLabel(String patient);

    String checkIn();

    String completeLabel(String patient);

    String complete();

    String noShowLabel(String patient);

    String noShow();

    // the patient finder
    String patientsTitle();

    String patientsOf(String clinic);

    String findPatient();

    String name();

    String find();

    String noPatientMatches();

    String previewPortal(String patient);

    String actFor(String patient);

    String auditOf(String patient);

    String audit();

    // the audit of what staff did for a patient
    String auditTitle(String patient);

    String auditIntro();

    String auditWhen();

    String auditWho();

    String auditBooking();

    String auditWhat();

    String auditNothing();

    String auditViewed(String page);

    String showingFirst(int shown);

    // the family links page
    String familyTitle(String name);

    String patientNumber(long id);

    String bornOn(String date);

    String familySaved(String saved);

    String familyExplain();

    String actsFor(String name);

    String noDependants(String name);

    String linkDependantLabel(String name);

    String dependantNumber();

    String dependantNumberHint();

    String relationshipLabel(String name);

    String relationship(String r);

    String linkEnds();

    String linkEndsHint();

    String linkDependant();

    String actingFor(String name);

    String noGuardians(String name);

    String linkChanges();

    String noLinkChanges();

    String linkChange(String action, String staff, String guardian, String dependant);

    String endsOn(String date);

    String noEnd();

    String linkSummary(String relationship, String guardian, String dependant);

    String endedBy(String at, String staff);

    String endedOn(String date);

    String inForceUntil(String date);

    String inForceNoEnd();

    String linkedBy(String at, String staff);

    String extendLabel(String dependant);

    String newEnd();

    String newEndHint();

    String noEndChoice();

    String extend();

    String endLabel(String guardian, String dependant);

    String endLink();

    String unknownRelationship();

    String familyLinks();

    String familyLinksOf(String patient);

    // paying at the desk, and booking for a patient
    String paidByUnknown();

    String nothingOwedAtDesk();

    String paidAtDeskLegend(String amount);

    String paidByNotYet();

    String paidByCard();

    String paidByCash();

    String paymentReference();

    String recordPaid(String patient);

    String bookForAPatient();

    String bookDoctorForAPatient();

    String findWhomToBookFor();
}
