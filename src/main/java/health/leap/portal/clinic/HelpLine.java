package health.leap.portal.clinic;

import health.leap.portal.patient.ClaimNames;
import health.leap.portal.web.CentrePhone;
import health.leap.portal.web.DatabaseOutages;
import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Whom the help line that ends every page tells the reader to call: the centres of their clinic that
 * gave a phone number. The same words on every page of one clinic (WCAG 3.2.6), so the clinic is the
 * token's, not the resolved caller's: a refusal given before the caller is known (429, a stale form)
 * names the same numbers. Before sign-in, while the database cannot be reached, and on a refusal
 * rendered on the event loop before the clinic's numbers were read, none: the words then send the
 * reader to their clinic's front desk.
 */
@ApplicationScoped
@Unremovable // read by the layout, through site.PageFrame, not injected
public class HelpLine {

    private final SecurityIdentity identity;
    private final ClaimNames claims;
    private final ClinicCatalog catalog;

    public HelpLine(SecurityIdentity identity, ClaimNames claims, ClinicCatalog catalog) {
        this.identity = identity;
        this.claims = claims;
        this.catalog = catalog;
    }

    /** Read from {@link ClinicCatalog#phones}, so a page adds no statement. */
    public List<CentrePhone> getCentres() {
        Long tenantId = identity.isAnonymous() ? null : claims.tenantOf(identity);
        if (tenantId == null) {
            return List.of();
        }
        if (Context.isOnEventLoopThread()) {
            // a refusal rendered before the request reached a worker (a 403 of @RolesAllowed): no statement here
            return catalog.phonesIfRead(tenantId);
        }
        try {
            return catalog.phones(tenantId);
        } catch (RuntimeException e) {
            if (DatabaseOutages.isOutage(e)) {
                return List.of();
            }
            throw e;
        }
    }
}
