package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Booking for the family: {@code /family/{leadId}/…} is dependant {@code leadId}'s own page at
 * {@code …}, served by the same resource as the patient's, reads and writes alike. The number in the
 * path is only a request: {@link CallerFilter} checks on every request, in the database, that the
 * signed-in patient holds a link to that dependant in force, and otherwise refuses with a 403.
 */
public class FamilyRouting {

    static final String PREFIX = "/family/";
    private static final Pattern FAMILY = Pattern.compile("^" + PREFIX + "([^/]*)(/.*)?$");
    /** The patient pages a guardian uses for a dependant; everything else under a family path does not exist. */
    private static final Pattern PAGES = Pattern.compile("^/$|^/(appointments|packages|doctors|profile|payments)(/.*)?$");

    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;

    @ServerRequestFilter(preMatching = true)
    public void route(ContainerRequestContext request) {
        Matcher family = FAMILY.matcher(request.getUriInfo().getPath());
        if (!family.matches()) {
            return;
        }
        if (identity.isAnonymous()) {
            // the patient pages' own sign-in answers it, as for the dependant's page itself
            return;
        }
        if (!identity.hasRole("patient")) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::familyPatientsOnly);
        }
        PatientPages.serve(request, family, PAGES);
        caller.requestFamily(family.group(1));
    }
}
