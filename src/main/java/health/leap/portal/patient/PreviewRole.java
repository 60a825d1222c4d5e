package health.leap.portal.patient;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Lets staff through the patient pages' {@code @RolesAllowed("patient")} under a preview path, so a
 * preview is the patient's page itself, not a copy that could drift from it. Staff act as the
 * patient on reads only: {@link PatientPages} refuses every other method with {@code
 * PREVIEW_READ_ONLY} once routed, and asks {@link CallerFilter} for the patient on reads, which
 * decides whether this staff member may see them.
 */
@ApplicationScoped
public class PreviewRole implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (identity.isAnonymous() || !identity.hasRole("staff") || routing == null
                || !PatientPages.isPreviewPath(routing.normalizedPath())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole("patient").build());
    }
}
