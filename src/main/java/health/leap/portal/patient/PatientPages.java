package health.leap.portal.patient;

import health.leap.portal.web.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient's own pages served again under a prefix, {@code /staff/patients/{lead}/…} for a staff
 * preview and {@code /family/{lead}/…} for a guardian: which pages there are, the request turned to
 * the page itself, and the lead number the prefix names.
 */
final class PatientPages {

    private PatientPages() {
    }

    /**
     * The page under the prefix that {@code prefixed} matched (group 2, {@code /} when absent), or a
     * 404 when it is not one of {@code pages}; the request then goes to that page.
     */
    static void serve(ContainerRequestContext request, Matcher prefixed, Pattern pages) {
        String page = prefixed.group(2) == null ? "/" : prefixed.group(2);
        if (!pages.matcher(page).matches()) {
            throw Problem.notFound(PatientMessages.class, PatientMessages::pageNotFound);
        }
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replacePath(page).build());
    }

    /** The lead number a prefix names: a positive whole number, or a 400. */
    static long leadId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Problem.badRequest(PatientMessages.class, PatientMessages::notAPatientNumber);
    }
}
