package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Set;

/**
 * A patient's own pages served again under a prefix, as routes of their own: {@code /family/{lead}/…}
 * ({@link FamilyPage}) for a guardian acting for a dependant, {@code /staff/patients/{lead}/…}
 * ({@link PreviewPage}) for a staff preview. After routing, this asks for the lead the path names,
 * which {@link CallerFilter} then checks in the database; and it refuses what the prefix does not allow
 * once the rate limit and the CSRF check have run, so each refusal is counted under its route.
 */
public class PatientPages {

    public static final String FAMILY_PREFIX = "/family/";
    public static final String PREVIEW_PREFIX = "/staff/patients/";
    public static final String DESK_PREFIX = "/staff/acting/";
    private static final Set<String> READS = Set.of("GET", "HEAD");

    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;

    /** Before {@link CallerFilter}: which lead the caller asks to act as. */
    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void ask(ContainerRequestContext request, SimpleResourceInfo page) {
        Class<?> resource = page.getResourceClass();
        String lead = request.getUriInfo().getPathParameters().getFirst("lead");
        if (FamilyPage.class.isAssignableFrom(resource) && identity.hasRole("patient")) {
            caller.requestFamily(lead);
        } else if (PreviewPage.class.isAssignableFrom(resource) && identity.hasRole("staff")
                && READS.contains(request.getMethod())) {
            caller.requestPreview(lead);
        } else if (DeskPage.class.isAssignableFrom(resource) && identity.hasRole("staff")) {
            caller.requestDesk(lead);
        }
    }

    /** After the CSRF check and {@link CallerFilter}: a family page is for patients, a preview for staff and read-only. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void refuse(ContainerRequestContext request, SimpleResourceInfo page) {
        Class<?> resource = page.getResourceClass();
        if (FamilyPage.class.isAssignableFrom(resource) && !identity.hasRole("patient")) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::familyPatientsOnly);
        }
        if (DeskPage.class.isAssignableFrom(resource) && !identity.hasRole("staff")) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::deskStaffOnly);
        }
        if (PreviewPage.class.isAssignableFrom(resource)) {
            if (!identity.hasRole("staff")) {
                throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::previewStaffOnly);
            }
            if (!READS.contains(request.getMethod())) {
                throw new Problem(ErrorCode.PREVIEW_READ_ONLY, PatientMessages.class, PatientMessages::previewReadOnly);
            }
        }
    }

    /**
     * True for a path under the preview prefix, asked while the caller signs in, before routing: a
     * path that names no preview route still finds none, and a write on one is refused once routed.
     */
    static boolean isPreviewPath(String path) {
        return path.startsWith(PREVIEW_PREFIX) || path.startsWith(DESK_PREFIX);
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
