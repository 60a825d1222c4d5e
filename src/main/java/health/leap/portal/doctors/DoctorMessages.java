package health.leap.portal.doctors;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the doctor pages, the slot picker and their refusals say; the words are in
 * {@code messages/doctors_en.properties} and {@code doctors_es.properties}.
 */
@MessageBundle(value = "doctors", locale = "en")
public interface DoctorMessages {

    String findTitle();

    String filterLabel();

    String centre();

    String anyCentre();

    String service();

    String anyService();

    String specialty();

    String anySpecialty();

    String doctorsName();

    String search();

    String doctorsLabel();

    String found(int count);

    String noMatch();

    /** Filled per card ({@code Sentences}): %1$s the languages. */
    String speaks();

    String byHand();

    String byHandWaits();

    String nextFree();

    /** Filled per card ({@code Sentences}): %1$s the centre. */
    String atCentre();

    String noFreeTime();

    String bookATime();

    String serviceOption(String name, int minutes, String fee);

    String showTimes();

    String timesAreIn(String zone);

    String days();

    String freeTimesOn(String day);

    String noFreeTimes();

    String timesIn(String zone);

    String nothingBookable();

    String freeCount(int count);

    String noneFree();

    /** Filled per free time ({@code Sentences}): %1$s the time, %2$s the day. */
    String holdLabel();

    // refusals
    String centreNotFound();

    String serviceNotFound();

    String doctorNotFound();

    String doctorNotYours();

    String timeNotFound();

    String doesNotOffer(String doctor);

    String notAtCentre(String doctor);

    String doesNotOfferThere(String doctor, String centre);

    String pickADay(String first, String last);

    // the front desk acting for a patient
    String deskReasonLabel();

    String deskReasonHint();
}
