package health.leap.portal.patient;

import health.leap.portal.platform.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;

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
}
