package health.leap.portal.mail;

import java.util.List;

/**
 * One message as both its HTML and its plain-text templates show it: a heading, sentences, the
 * visit's facts, one link to act on, and why the patient gets it, all in the patient's language
 * ({@code language}, a tag: en, es), which the templates' own words follow too.
 */
public record MailContent(String subject, String heading, List<String> paragraphs, List<Fact> facts, String linkLabel,
                          String linkUrl, String clinicName, String preferencesUrl, String language) {

    /** A labelled line: "When", "Tue 3 Mar 2026, 09:30 GMT (Europe/London)". */
    public record Fact(String label, String value) {
    }
}
