package health.leap.portal.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The one place that knows htmx's headers: fragment or full page, redirects and the address bar. A
 * write answers with the one region that shows what it changed (the appointment card, the queue, the
 * day list), so it announces no event: nothing else on those pages shows the booking.
 */
@RequestScoped
public class Htmx {

    enum Header {
        REQUEST("HX-Request"),
        BOOSTED("HX-Boosted"),
        HISTORY_RESTORE("HX-History-Restore-Request"),
        REDIRECT("HX-Redirect"),
        PUSH_URL("HX-Push-Url");

        final String value;

        Header(String value) {
            this.value = value;
        }
    }

    @Inject
    HttpServerRequest request;

    /** True when only a fragment is wanted: an htmx request that is neither boosted nor a history restore. */
    public boolean wantsFragment() {
        return "true".equals(request.getHeader(Header.REQUEST.value))
                && !"true".equals(request.getHeader(Header.BOOSTED.value))
                && !"true".equals(request.getHeader(Header.HISTORY_RESTORE.value));
    }

    public boolean isHtmx() {
        return "true".equals(request.getHeader(Header.REQUEST.value));
    }

    /** Makes htmx load a whole new page instead of swapping a fragment. */
    public void redirect(String location) {
        response().putHeader(Header.REDIRECT.value, location);
    }

    /** Puts the page a fragment belongs to in the address bar and history. */
    public void pushUrl(String location) {
        response().putHeader(Header.PUSH_URL.value, location);
    }

    private HttpServerResponse response() {
        return request.response();
    }

    /**
     * An htmx request whose session has expired must not get Keycloak's login page swapped into a
     * fragment: OIDC answers it with 499 instead, and portal.js then loads the page anew, which logs in.
     */
    @ApplicationScoped
    public static class SessionExpiry implements JavaScriptRequestChecker {
        @Override
        public boolean isJavaScriptRequest(RoutingContext context) {
            return "true".equals(context.request().getHeader(Header.REQUEST.value));
        }
    }

    /** Pages and fragments share URLs, so caches must key on the htmx header. */
    public static class Vary {
        @ServerResponseFilter
        public void addVary(ContainerResponseContext response) {
            response.getHeaders().add("Vary", Header.REQUEST.value);
        }
    }
}
