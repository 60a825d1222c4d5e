package health.leap.portal.mail;

/**
 * Every message the portal sends a patient, and which of the patient's choices can stop it:
 * confirmations, decisions, cancellations, money and changes to the patient's own email address
 * always go; reminders and change notices are the patient's to turn off on their profile.
 */
public enum MailKind {
    CONFIRMED(Choice.ALWAYS, true),
    AWAITING_APPROVAL(Choice.ALWAYS, false),
    APPROVED(Choice.ALWAYS, true),
    DECLINED(Choice.ALWAYS, false),
    CANCELLED(Choice.ALWAYS, false),
    MOVED(Choice.CHANGE_NOTICES, true),
    HOLD_EXPIRED(Choice.CHANGE_NOTICES, false),
    REMINDER(Choice.REMINDERS, true),
    REFUND_COMPLETED(Choice.ALWAYS, false),
    REFUND_FAILED(Choice.ALWAYS, false),
    /** The front desk keeps a held time for the patient until they pay for it through this link. */
    PAYMENT_LINK(Choice.ALWAYS, false),
    /** A link to the new email address the patient asked for, which changes it when opened. */
    EMAIL_CONFIRM(Choice.ALWAYS, false),
    /** To the old address once the email changed: a patient who did not make the change must hear of it. */
    EMAIL_CHANGED(Choice.ALWAYS, false);

    /** Which preference, if any, turns the message off. */
    public enum Choice {
        ALWAYS, REMINDERS, CHANGE_NOTICES
    }

    final Choice choice;
    /** Whether the message carries the visit as an {@code .ics} calendar entry. */
    final boolean calendar;

    MailKind(Choice choice, boolean calendar) {
        this.choice = choice;
        this.calendar = calendar;
    }

    boolean wanted(boolean reminders, boolean changeNotices) {
        return switch (choice) {
            case ALWAYS -> true;
            case REMINDERS -> reminders;
            case CHANGE_NOTICES -> changeNotices;
        };
    }
}
