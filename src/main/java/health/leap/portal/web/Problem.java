package health.leap.portal.web;

import java.util.Locale;
import java.util.function.Function;

/**
 * A refusal the patient should read: its code (which carries the HTTP status, and which tests and QA
 * read in {@code data-error-code}) and a sentence that says what to do. The sentence is a message of a
 * bundle, written in the reader's language when the page is: {@code new Problem(SLOT_TAKEN,
 * BookingMessages.class, BookingMessages::slotTaken)}. There is no constructor that takes words.
 */
public class Problem extends RuntimeException {

    private final ErrorCode code;
    private final Function<Locale, String> sentence;

    public <B> Problem(ErrorCode code, Class<B> bundle, Function<B, String> sentence) {
        super(null, null, false, false);
        this.code = code;
        this.sentence = locale -> sentence.apply(Language.bundle(bundle, locale));
    }

    /** For a sentence that also words something in the reader's language itself (a length, a date). */
    protected Problem(ErrorCode code, Function<Locale, String> sentence) {
        super(null, null, false, false);
        this.code = code;
        this.sentence = sentence;
    }

    /** A refusal whose sentence is a bundle's message with parts worded in the same language: {@code locale -> ...}. */
    public static Problem worded(ErrorCode code, Function<Locale, String> sentence) {
        return new Problem(code, sentence);
    }

    public static <B> Problem badRequest(Class<B> bundle, Function<B, String> sentence) {
        return new Problem(ErrorCode.BAD_REQUEST, bundle, sentence);
    }

    public static <B> Problem notFound(Class<B> bundle, Function<B, String> sentence) {
        return new Problem(ErrorCode.NOT_FOUND, bundle, sentence);
    }

    public static <B> Problem forbidden(Class<B> bundle, Function<B, String> sentence) {
        return new Problem(ErrorCode.FORBIDDEN, bundle, sentence);
    }

    /** The sentence in a language. */
    public String sentence(Locale locale) {
        return sentence.apply(locale);
    }

    /** The sentence in the current request's language. */
    public String sentence() {
        return sentence(Language.current());
    }

    /** The sentence in English, for logs and tests. */
    @Override
    public String getMessage() {
        return sentence(Language.ENGLISH);
    }

    public int status() {
        return code.status();
    }

    public ErrorCode code() {
        return code;
    }
}
