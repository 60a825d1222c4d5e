package health.leap.portal.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * Quarkus' CSRF filter refuses a write without a matching token with a bare 400. This gives that
 * refusal the portal's page (or fragment) with a sentence and a code, so the patient knows to reload.
 */
public class CsrfRefusal {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    // set by the CSRF filter when the token matched
    private static final String VERIFIED = "csrf_token_verified";

    @Inject
    ErrorPages errorPages;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (response.getStatus() != 400 || response.hasEntity() || SAFE.contains(request.getMethod())
                || routing.get(VERIFIED) != null) {
            return;
        }
        String page = errorPages.page(400, ErrorCode.CSRF_TOKEN_INVALID, PageMessages::csrfExpired).render();
        response.setEntity(page, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
