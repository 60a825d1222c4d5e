package health.leap.portal.web;

import io.quarkus.qute.TemplateExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence a page writes once per row (a doctor's card, a free time's button, a line of the history),
 * filled with that row's values: {@code {doctors:speaks.fill(card.languages)}}, where the bundle has
 * {@code speaks=speaks %1$s} in English and {@code habla %1$s} in Spanish. A message with parameters
 * renders a template of its own at every call (about 5 microseconds, a sixth of the doctors list's
 * rendering with two such messages a card); its words are a constant, so here they are split once at
 * their {@code %n$s} and joined with the values. Each language keeps its own words and their order; the
 * result is escaped by the page like any other value. {@code BundlesTest} checks that every language has
 * the same placeholders.
 */
public final class Sentences {

    private Sentences() {
    }

    /** A sentence's pieces: its words, and between them the index of the value that goes there. */
    private static final Map<String, Object[]> PIECES = new ConcurrentHashMap<>();

    /** The sentence with {@code %1$s} … {@code %n$s} replaced by the values, in a template. */
    @TemplateExtension
    static String fill(String sentence, Object... values) {
        return join(sentence, values);
    }

    /** The sentence with {@code %1$s} … {@code %n$s} replaced by the values. */
    public static String join(String sentence, Object... values) {
        Object[] pieces = PIECES.computeIfAbsent(sentence, Sentences::split);
        StringBuilder out = new StringBuilder(sentence.length() + 16 * values.length);
        for (Object piece : pieces) {
            if (piece instanceof Integer index) {
                Object value = index < values.length ? values[index] : null;
                out.append(value == null ? "" : value);
            } else {
                out.append((String) piece);
            }
        }
        return out.toString();
    }

    /** "at %1$s" → ["at ", 0]; a sentence without placeholders is one piece. */
    private static Object[] split(String sentence) {
        List<Object> pieces = new ArrayList<>();
        int from = 0;
        int at = sentence.indexOf('%');
        while (at >= 0) {
            int dollar = sentence.indexOf("$s", at);
            Integer index = dollar > at + 1 ? number(sentence.substring(at + 1, dollar)) : null;
            if (index == null) {
                at = sentence.indexOf('%', at + 1);
                continue;
            }
            if (at > from) {
                pieces.add(sentence.substring(from, at));
            }
            pieces.add(index - 1);
            from = dollar + 2;
            at = sentence.indexOf('%', from);
        }
        if (from < sentence.length()) {
            pieces.add(sentence.substring(from));
        }
        return pieces.toArray();
    }

    private static Integer number(String digits) {
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int n = Integer.parseInt(digits);
        return n >= 1 ? n : null;
    }
}
