package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff preview: {@code /staff/patients/{leadId}/…} is the patient's own page at {@code …}, served
 * by the same resource as the patient's, for staff only and read-only. Writes are refused here,
 * before any resource runs, whatever a hand-made request asks for; {@link CallerFilter} then makes
 * the caller that patient and records the view.
 */
public class PreviewRouting {

    static final String PREFIX = "/staff/patients/";
    private static final Pattern PREVIEW = Pattern.compile("^" + PREFIX + "([^/]*)(/.*)?$");
    /** The patient pages a preview shows; everything else under a preview path does not exist. */
    private static final Pattern PAGES = Pattern.compile("^/$|^/(appointments|packages|doctors|profile)(/.*)?$");
    private static final Set<String> READS = Set.of("GET", "HEAD");

    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;

    @ServerRequestFilter(preMatching = true)
    public void route(ContainerRequestContext request) {
        Matcher preview = PREVIEW.matcher(request.getUriInfo().getPath());
        if (!preview.matches()) {
            return;
        }
        if (!identity.hasRole("staff")) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::previewStaffOnly);
        }
        if (!READS.contains(request.getMethod())) {
            throw new Problem(ErrorCode.PREVIEW_READ_ONLY, PatientMessages.class, PatientMessages::previewReadOnly);
        }
        PatientPages.serve(request, preview, PAGES);
        caller.requestPreview(preview.group(1));
    }

    /** True for a read of a preview page, the only requests on which staff act as the patient. */
    static boolean isPreviewRead(String method, String path) {
        return READS.contains(method) && path.startsWith(PREFIX);
    }
}
