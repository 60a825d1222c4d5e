package health.leap.portal.appointments;

/** Who changed an appointment, as recorded in its timeline: GUARDIAN is a family member acting for the patient. */
public enum ActorType {
    PATIENT, GUARDIAN, STAFF, SYSTEM
}
