package health.leap.portal.patient;

/** Staff linked, extended or ended a link of this guardian's. */
public record FamilyChanged(long tenantId, long guardianLeadId) {
}
