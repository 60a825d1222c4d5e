package health.leap.portal.patient;

/**
 * A patient page served again for a dependant, at {@code /family/{lead}/…}: the signed-in patient
 * acts for dependant {@code lead}, reads and writes alike, once {@link CallerFilter} has found a link
 * in force between them. Each such route is a resource's nested {@code ForFamily} class.
 */
public interface FamilyPage {
}
