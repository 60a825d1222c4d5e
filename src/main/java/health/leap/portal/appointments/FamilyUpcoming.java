package health.leap.portal.appointments;

/** A family member's upcoming visit as their guardian's home lists it, with whose it is. */
public record FamilyUpcoming(long leadId, String patientName, Upcoming visit) {
}
