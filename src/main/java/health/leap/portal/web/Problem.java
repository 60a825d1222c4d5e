package health.leap.portal.web;

/**
 * A refusal the patient should read: an HTTP status, a stable code for tests and QA
 * ({@code data-error-code}) and a sentence that says what to do.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String code;

    public Problem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static Problem badRequest(String message) {
        return new Problem(400, "BAD_REQUEST", message);
    }

    public static Problem notFound(String what) {
        return new Problem(404, "NOT_FOUND", "We could not find that " + what + ".");
    }

    public static Problem forbidden(String what) {
        return new Problem(403, "FORBIDDEN", "This " + what + " is not yours to see.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
