package health.leap.portal.web;

import io.quarkus.qute.TemplateEnum;

/**
 * Every refusal the portal gives, with its HTTP status. The name is what pages carry in
 * {@code data-error-code} and what QA and tests match: it never changes with the wording.
 */
@TemplateEnum
public enum ErrorCode {
    BAD_REQUEST(400),
    CSRF_TOKEN_INVALID(400),
    PAYMENT_UNVERIFIED(400),
    REASON_REQUIRED(400),
    /** A phone number the clinic could not dial: letters, too few or too many digits. */
    PHONE_INVALID(400),
    /** Not an email address: no @, spaces, no domain, too long. */
    EMAIL_INVALID(400),
    FORBIDDEN(403),
    ACCOUNT_NOT_LINKED(403),
    PREVIEW_READ_ONLY(403),
    /** A patient asked to act for someone the clinic has not linked to them. */
    NOT_YOUR_DEPENDANT(403),
    /** The clinic's link that let a guardian act for this dependant has ended (at 18, or by staff). */
    FAMILY_LINK_ENDED(403),
    /** An email-change link opened by someone other than who asked for it (another patient's link). */
    EMAIL_LINK_NOT_YOURS(403),
    /** The front desk may change a patient's phone, not their email: only the patient can confirm a new address. */
    EMAIL_CHANGE_NOT_AT_DESK(403),
    NOT_FOUND(404),
    /** An email-change link that the portal never sent (mistyped, cut short). */
    EMAIL_LINK_UNKNOWN(404),
    METHOD_NOT_ALLOWED(405),
    SLOT_TAKEN(409),
    DRAFT_OPEN(409),
    OVERLAPPING_BOOKING(409),
    HOLD_EXPIRED(409),
    /** The hold was already kept longer as often as the clinic allows. */
    HOLD_EXTENSION_USED(409),
    /** Keeping a hold longer is offered in its last two minutes, with the warning: asked earlier, it is refused. */
    HOLD_EXTENSION_NOT_YET(409),
    INVALID_STATE(409),
    /** The two patients are already linked. */
    FAMILY_LINK_EXISTS(409),
    PAYMENT_REQUIRED(409),
    NOTHING_TO_PAY(409),
    ALREADY_PAID(409),
    NOT_THE_VISIT_DAY(409),
    /** The new email address is another account's or another patient's of the clinic. */
    EMAIL_IN_USE(409),
    /** The email-change link was used already. */
    EMAIL_LINK_USED(409),
    /** A newer email change was asked for since this link was sent: only the newest link works. */
    EMAIL_LINK_SUPERSEDED(409),
    /** The email-change link is older than its lifetime (24 hours). */
    EMAIL_LINK_EXPIRED(410),
    ACTIVE_LIMIT_REACHED(422),
    TOO_SOON(422),
    TOO_FAR_AHEAD(422),
    SAME_DAY_NOT_ALLOWED(422),
    SAME_DAY_CUTOFF_PASSED(422),
    CANCELLATION_WINDOW_CLOSED(422),
    RESCHEDULE_WINDOW_CLOSED(422),
    RESCHEDULE_LIMIT_REACHED(422),
    SERVICE_NOT_OFFERED(422),
    /** The service is longer than the doctor's schedule block lasts from that start time. */
    SERVICE_DOES_NOT_FIT(422),
    SAME_SLOT(422),
    /** The new email address is the one the clinic already has. */
    EMAIL_UNCHANGED(422),
    PACKAGE_NOT_APPLICABLE(422),
    PACKAGE_NOT_VALID_THERE(422),
    /** The package's validity ends before the visit begins (at confirm, or after a move). */
    PACKAGE_EXPIRES_BEFORE_VISIT(422),
    /**
     * The front desk, acting for a patient, asked for something a patient's online rule refuses and that
     * the desk may do only with a reason (a walk-in, the active limit, a late cancel or move): none was given.
     */
    DESK_REASON_REQUIRED(422),
    /** The front desk chose no refund or a full one for a cancellation inside the window: it must say which. */
    DESK_REFUND_CHOICE_REQUIRED(422),
    RATE_LIMITED(429),
    INTERNAL(500),
    RATE_LIMIT_UNAVAILABLE(503),
    PAYMENT_UNAVAILABLE(503),
    /** The database cannot be reached (stopped, restarting, failing over): try again in a few seconds. */
    DATABASE_UNAVAILABLE(503),
    /** The identity provider does not answer, so nobody can sign in until it does. */
    SIGN_IN_UNAVAILABLE(503),
    /** The identity provider's account service does not answer, so an email cannot change in step there: nothing changed. */
    ACCOUNTS_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
