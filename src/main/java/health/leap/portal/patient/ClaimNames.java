package health.leap.portal.patient;

import health.leap.portal.platform.PortalConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The names of the token claims that carry the patient's tenant and lead ({@code portal.claims.*}).
 * A bean of its own, made at the first request: the caller filter is made while Quarkus starts,
 * before the configuration mapping can be read there (quarkusio/quarkus#53112).
 */
@ApplicationScoped
public class ClaimNames {

    private final PortalConfig.Claims claims;

    ClaimNames(PortalConfig config) {
        this.claims = config.claims();
    }

    public String tenant() {
        return claims.tenant();
    }

    public String lead() {
        return claims.lead();
    }

    /**
     * The tenant the token names, or null when it names none; read as it stands, before
     * {@link CallerFilter} checks it, for what a page may show before then (the help line of a 429).
     */
    public Long tenantOf(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token ? CallerFilter.claimAsId(token, tenant()) : null;
    }
}
