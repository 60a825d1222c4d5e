package health.leap.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An address the portal cannot read ({@code ?cursor=%%%garbage}, a lone {@code %}, a character no URI
 * may hold) gets the portal's 400 page, in full or as an htmx fragment, like any other bad parameter.
 * Quarkus would answer such a request with a bare 400 before any route sees it; that check is turned
 * off (system property {@code vertx.disableURIValidation}, set by {@code PortalMain} and the tests' pom
 * configuration) and done here instead, first of all filters, before sign-in builds anything from the
 * address. The request goes on without what cannot be read, marked, and is refused once routed,
 * first of the request filters, where every error page is rendered and the refusal is counted under
 * its route.
 */
public class UnreadableAddresses {

    private static final String UNREADABLE = "portal.unreadable-address";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.get(UNREADABLE) == null && !readable(rc)) {
                rc.put(UNREADABLE, Boolean.TRUE);
                String path = rc.request().path();
                // without the query, and without a path nothing downstream could parse either
                rc.reroute(rc.request().method(), path != null && parses(path) ? path : "/");
                return;
            }
            rc.next();
        }, 1000);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void refuse(RoutingContext rc) {
        if (rc.get(UNREADABLE) != null) {
            throw Problem.badRequest(PageMessages.class, PageMessages::garbled);
        }
    }

    private static boolean readable(RoutingContext rc) {
        if (!parses(rc.request().uri())) {
            return false;
        }
        if (rc.request().query() == null) {
            return true;
        }
        try {
            // decoded once here and kept by the routing context for whoever reads the parameters next
            rc.queryParams();
            return true;
        } catch (HttpException undecodable) {
            return false;
        }
    }

    private static boolean parses(String address) {
        try {
            new URI(address);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
