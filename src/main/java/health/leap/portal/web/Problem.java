package health.leap.portal.web;

/**
 * A refusal the patient should read: its code (which carries the HTTP status, and which tests and QA
 * read in {@code data-error-code}) and a sentence that says what to do.
 */
public class Problem extends RuntimeException {

    private final ErrorCode code;

    public Problem(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static Problem badRequest(String message) {
        return new Problem(ErrorCode.BAD_REQUEST, message);
    }

    public static Problem notFound(String what) {
        return new Problem(ErrorCode.NOT_FOUND, "We could not find that " + what + ".");
    }

    public static Problem forbidden(String what) {
        return new Problem(ErrorCode.FORBIDDEN, "This " + what + " is not yours to see.");
    }

    public int status() {
        return code.status();
    }

    public ErrorCode code() {
        return code;
    }
}
