package health.leap.portal.patient;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What signing in and out, the staff preview's refusals, the profile and the patient's data say; the
 * words are in {@code messages/patient_en.properties} and {@code patient_es.properties}.
 */
@MessageBundle(value = "patient", locale = "en")
public interface PatientMessages {

    // refusals
    String notLinked();

    String previewStaffOnly();

    String previewReadOnly();

    String deskStaffOnly();

    String pageNotFound();

    String patientNotFound();

    String notYourPatient();

    String notAPatientNumber();

    // the sign-in unavailable page
    String signInUnavailableTitle();

    String signInUnavailableHeading();

    String signInNotAnswering();

    String signInTryLater();

    String tryAgain();

    // the sign-out page
    String logOut();

    String logOutQuestion();

    // booking for the family
    String notYourDependant();

    String familyLinkEnded(String name, String date);

    String familyPatientsOnly();

    String familySelf();

    String familyChildNeedsEnd();

    String familyLinkExists();

    String familyExtendLater();

    String familyExtendChoose();

    String familyLinkNotFound();

    String familyLinkAlreadyEnded();

    String familyEndInPast();

    // the profile: the patient's details and their email choices
    String alsoEmailMe();

    String alwaysEmail();

    String changesChoice();

    String changesFact();

    String choiceOff();

    String choiceOn();

    String detailsHeld(String clinic);

    String emailLanguage();

    String emailsHeading();

    String labelEmail();

    String labelName();

    String labelPhone();

    String languageNotChosen();

    String noEmail();

    String noEmailFamily();

    String noPhone();

    String profileTitle();

    String profileTitleOf(String name);

    String reminderChoice();

    String remindersFact();

    String saveChoices();

    String saved();

    String yourDetails();

    // the profile's way to the patient's data
    String myDataHeading();

    String myDataHeadingOf(String name);

    String myDataOffer();

    String myDataOfferOf(String name);

    String myDataLinkText();

    String myDataLinkTextOf(String name);

    // my data: everything the portal holds about the patient, as a page and a file
    String myDataPatientsOnly();

    String myDataTitle();

    String myDataTitleOf(String name);

    String myDataIntro(String clinic, String name, String time);

    String myDataDownload();

    String myDataBackToProfile();

    String myDataNone();

    String myDataDetails();

    String myDataBorn();

    String myDataPatientNumber();

    String myDataAppointments();

    String myDataBooking(long id, String service);

    String myDataStatus();

    String myDataStarts();

    String myDataEnds();

    String myDataDoctor();

    String myDataCentre();

    String myDataAmountDue();

    String myDataPaymentStatus();

    String myDataNoPayment();

    String myDataMade();

    String myDataCancelReason();

    String myDataNoTimeline();

    String myDataTimeline(long id);

    String myDataWhen();

    String myDataChange();

    String myDataBy();

    String myDataDetail();

    String myDataActor(String actor, String name);

    String myDataPayments();

    String myDataPaymentsCaption(String name);

    String myDataBookingNumber();

    String myDataAmount();

    String myDataReference();

    String myDataStarted();

    String myDataCompleted();

    String myDataNotYet();

    String myDataRefunds();

    String myDataRefundsCaption(String name);

    String myDataAsked();

    String myDataSettled();

    String myDataPackages();

    String myDataSessions();

    String myDataSessionsOf(int used, int total);

    String myDataBought();

    String myDataValidFrom();

    String myDataValidUntil();

    String myDataNoSessions();

    String myDataSessionsCaption(String packageName);

    String myDataTaken();

    String myDataGivenBack();

    String myDataNotGivenBack();

    String myDataFamily();

    String myDataFamilyCaption(String name);

    String myDataPerson();

    String myDataLink();

    String myDataLinkWords(String role, String relationship, String patient);

    String myDataLinked();

    String myDataEndsOn();

    String myDataNoEnd();

    String myDataEnded();

    String myDataNotEnded();

    String myDataMailChoices();

    String myDataLanguage(String tag);

    String myDataChosen();

    String myDataNeverChosen();

    String myDataMails();

    String myDataMailsExplain();

    String myDataMailsCaption(String name);

    String myDataWritten();

    String myDataAbout();

    String myDataMailKind(String kind, Long appointmentId);

    String myDataMailStatus(String status);

    String myDataTo();

    String myDataSubject();

    String myDataSent();

    String myDataNotSent();

    // contact details: the refusals
    String phoneInvalid();

    String emailInvalid();

    String emailInUse();

    String emailUnchanged();

    String emailLinkUnknown();

    String emailLinkUsed();

    String emailLinkSuperseded();

    String emailLinkExpired();

    String emailLinkNotYours();

    String emailChangeNotAtDesk();

    String accountsUnavailable();

    // contact details: the profile's forms, the link's page and the trail
    String phoneLabel();

    String phoneHint();

    String savePhone();

    String newEmailLabel();

    String newEmailHint();

    String sendEmailLink();

    String emailAtDesk();

    String emailPending(String email, String until);

    String contactSaved(String saved);

    String contactTrailHeading();

    String contactTrailNone();

    String contactTrailCaption();

    String trailWhen();

    String trailWhat();

    String trailFrom();

    String trailTo();

    String trailBy();

    String trailField(String field);

    String trailActor(String actor, String by);

    String trailNone();

    String confirmEmailTitle();

    String confirmEmailSays(String clinic, String name, String email);

    String confirmEmailUntil(String until);

    String confirmEmailButton();
}
