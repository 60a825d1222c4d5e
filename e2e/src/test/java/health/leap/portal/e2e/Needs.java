package health.leap.portal.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a journey relies on finding in the portal it runs against: the logins it signs in with, the
 * doctors and services it books, and what else of the demo data it reads. Against a deployment the
 * journeys did not start, a journey that cannot find one of them is skipped with a sentence naming
 * it ({@link DataCheck}); the patients named here, and the people they book for, are the ones
 * {@link Tidy} leaves as the journey found them. On a method it replaces the one on its class.
 * src/docs/testing.md lists what a staging deployment must contain.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface Needs {

    /** Patients' logins: they book as themselves, and what they leave is cancelled. */
    String[] patients() default {};

    /**
     * People the patients book for from their own login, as the header's "Booking for" names them
     * ("Leo Hart"): what they are left holding or booked is cancelled too, through the patient's
     * {@code /family/{lead}/} pages.
     */
    String[] dependants() default {};

    /**
     * Patients whose portal the journey reads without signing in as them (a staff preview of it):
     * no journey that books as them runs beside this one ({@link NeedsLocks}), and nothing of theirs
     * is tidied.
     */
    String[] observes() default {};

    /** Clinic staff's logins. */
    String[] staff() default {};

    /** Logins with no patient record behind them, which the portal must turn away. */
    String[] unlinked() default {};

    /** Doctors as "Find a doctor" lists them for the patients, "Dr Rachel Green". */
    String[] doctors() default {};

    /** Services as "Find a doctor" offers them for the patients, "Primary care visit". */
    String[] services() default {};

    /** What else of the demo data the journey reads, in a sentence. */
    String demoData() default "";
}
