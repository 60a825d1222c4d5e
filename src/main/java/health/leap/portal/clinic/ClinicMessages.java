package health.leap.portal.clinic;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The booking window's refusals and the lengths of the clinic's rules; the words are in
 * {@code messages/clinic_en.properties} and {@code clinic_es.properties}.
 */
@MessageBundle(value = "clinic", locale = "en")
public interface ClinicMessages {

    String sameDayNotAllowed();

    String sameDayCutoff(String cutoff, String zone);

    String tooSoon(String length);

    String tooFarAhead(int days);

    /** The front desk met a rule it may go past only with a reason, and gave none. */
    String deskReasonNeeded(String rule);

    String days(int count);

    String hours(int count);

    String minutes(int count);
}
