package health.leap.portal.patient;

/**
 * A patient page served again for the front desk acting for a patient on the phone or at the
 * counter, at {@code /staff/acting/{lead}/…}: the patient's own page, reads and writes alike, with the
 * same rules and races, every change recorded under the staff member's name. Only staff of the
 * patient's own clinic get through ({@link Previews}). Each such route is a resource's nested
 * {@code AtDesk} class.
 */
public interface DeskPage {
}
