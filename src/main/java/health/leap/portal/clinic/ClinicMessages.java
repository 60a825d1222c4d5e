package health.leap.portal.clinic;

import io.quarkus.qute.i18n.MessageBundle;

import java.util.List;

/**
 * The booking window's refusals, the lengths of the clinic's rules and the help line naming its
 * centres' phone numbers; the words are in {@code messages/clinic_en.properties} and {@code clinic_es.properties}.
 */
@MessageBundle(value = "clinic", locale = "en")
public interface ClinicMessages {

    String sameDayNotAllowed();

    String sameDayCutoff(String cutoff, String zone);

    String tooSoon(String length);

    String tooFarAhead(int days);

    String days(int count);

    String hours(int count);

    String minutes(int count);

    /**
     * The same help, word for word, on every page of one clinic (WCAG 3.2.6), a refusal given before the
     * caller is known included: the {@link HelpLine#getCentres centres} to call, or the clinic's front
     * desk when there are none (before sign-in, or no centre gave a number).
     */
    String help(List<CentrePhone> centres);
}
