package health.leap.portal.clinic;

/** What a service asks the patient to pay online before the appointment is confirmed. */
public enum PaymentMode {
    NONE, TOKEN, ADVANCE, FULL
}
