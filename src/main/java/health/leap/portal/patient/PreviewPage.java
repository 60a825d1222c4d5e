package health.leap.portal.patient;

/**
 * A patient page served again for staff, at {@code /staff/patients/{lead}/…}: the page as patient
 * {@code lead} sees it, read-only. Each such route is a resource's nested {@code InPreview} class.
 */
public interface PreviewPage {
}
