package health.leap.portal.appointments;

/** Who changed an appointment, as recorded in its timeline. */
public enum ActorType {
    PATIENT, STAFF, SYSTEM
}
