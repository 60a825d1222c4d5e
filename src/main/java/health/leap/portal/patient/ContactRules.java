package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a phone number and an email address must be for the clinic to keep them, and how long an
 * email-change link works: plain rules, tested without a server. A value is refused with a sentence
 * before anything is written.
 */
public final class ContactRules {

    /** An email-change link works this long after it was asked for. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(24);
    static final int PHONE_MAX_LENGTH = 32;
    static final int PHONE_MIN_DIGITS = 7;
    /** E.164: a full international number has at most 15 digits. */
    static final int PHONE_MAX_DIGITS = 15;
    /** RFC 5321's longest forward path, less its angle brackets. */
    static final int EMAIL_MAX_LENGTH = 254;
    static final int LOCAL_PART_MAX_LENGTH = 64;

    /** Digits with the separators people write: spaces, dots, dashes, brackets; a + only in front. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 .()\\-]*[0-9]");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\-]+");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9\\-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private ContactRules() {
    }

    /** The phone number as the clinic keeps it (spaces collapsed), or a refusal (400 {@code PHONE_INVALID}). */
    public static String phone(String typed) {
        String phone = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        long digits = phone.chars().filter(Character::isDigit).count();
        if (phone.length() > PHONE_MAX_LENGTH || !PHONE.matcher(phone).matches()
                || digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) {
            throw new Problem(ErrorCode.PHONE_INVALID, PatientMessages.class, PatientMessages::phoneInvalid);
        }
        return phone;
    }

    /**
     * The email address as the clinic and the identity provider keep it (trimmed, in lower case, as
     * Keycloak stores it), or a refusal (400 {@code EMAIL_INVALID}).
     */
    public static String email(String typed) {
        String email = typed == null ? "" : typed.strip();
        int at = email.lastIndexOf('@');
        if (email.length() > EMAIL_MAX_LENGTH || at <= 0 || at > LOCAL_PART_MAX_LENGTH
                || !LOCAL_PART.matcher(email.substring(0, at)).matches()
                || email.startsWith(".") || email.substring(0, at).endsWith(".") || email.substring(0, at).contains("..")
                || !DOMAIN.matcher(email.substring(at + 1)).matches()) {
            throw new Problem(ErrorCode.EMAIL_INVALID, PatientMessages.class, PatientMessages::emailInvalid);
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** When a link asked for at {@code requestedAt} stops working. */
    public static Instant linkExpiry(Instant requestedAt) {
        return requestedAt.plus(LINK_LIFETIME);
    }

    /**
     * Why a link can no longer change the address at {@code now}, or nothing: used once already, a
     * newer one asked for since, or past its time (the expiry itself no longer works).
     */
    public static Optional<Problem> linkRefusal(Instant usedAt, Instant supersededAt, Instant expiresAt, Instant now) {
        if (usedAt != null) {
            return Optional.of(new Problem(ErrorCode.EMAIL_LINK_USED, PatientMessages.class, PatientMessages::emailLinkUsed));
        }
        if (supersededAt != null) {
            return Optional.of(new Problem(ErrorCode.EMAIL_LINK_SUPERSEDED, PatientMessages.class,
                    PatientMessages::emailLinkSuperseded));
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(new Problem(ErrorCode.EMAIL_LINK_EXPIRED, PatientMessages.class, PatientMessages::emailLinkExpired));
        }
        return Optional.empty();
    }

    /** An address shown to its former owner: the first letter of its name and its domain (j•••@example.com). */
    public static String masked(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.charAt(0) + "•••" + email.substring(at);
    }
}
