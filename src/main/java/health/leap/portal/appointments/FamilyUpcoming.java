package health.leap.portal.appointments;

/**
 * A family member's upcoming visit as their guardian's home lists it, with whose it is and {@code base},
 * where the guardian opens the member's pages.
 */
public record FamilyUpcoming(long leadId, String patientName, String base, Upcoming visit) {

    FamilyUpcoming withBase(String base) {
        return new FamilyUpcoming(leadId, patientName, base, visit);
    }
}
