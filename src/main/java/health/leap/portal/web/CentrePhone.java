package health.leap.portal.web;

/**
 * A centre's front desk, which books, moves and cancels for a patient when the portal no longer may:
 * the centre's name and its phone number, or a null number where the clinic gave none (the words
 * then send the patient to the clinic's front desk).
 */
public record CentrePhone(String centre, String phone) {
}
