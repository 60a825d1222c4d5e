package health.leap.portal.patient;

import java.util.Locale;

/** A signed-in patient chose a language with the switcher: their emails follow it from then on. */
public record LanguageChosen(long tenantId, long leadId, Locale language) {
}
