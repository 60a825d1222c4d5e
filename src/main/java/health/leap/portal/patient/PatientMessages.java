package health.leap.portal.patient;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What signing in and out, and the staff preview's refusals, say; the words are in
 * {@code messages/patient_en.properties} and {@code patient_es.properties}.
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
}
