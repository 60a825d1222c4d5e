package health.leap.portal.patient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * While the identity provider does not answer ({@link SignInAvailability}), a browser the portal would
 * send there to sign in (a new visitor, a session that ended) is sent to {@code /sign-in-unavailable}
 * instead: a 503 page with {@code Retry-After} saying sign-in is unavailable, rather than the browser's
 * own "cannot connect" page. Signed-in patients are not affected. Once the provider answers, the page
 * sends them on to the home page, and sign-in works as before with no restart.
 */
@Path("/sign-in-unavailable")
public class SignInUnavailable {

    /** This page's route, for the redirect to it. */
    public static final String PATH = "/sign-in-unavailable";
    static final long RETRY_AFTER_SECONDS = 10;

    @CheckedTemplate(basePath = "patient")
    static class Templates {
        static native TemplateInstance signInUnavailable();
    }

    @Inject
    SignInAvailability availability;

    /** Rewrites the redirect to the provider's pages while it does not answer; runs before the sign-in challenge. */
    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (!availability.available()) {
                HttpServerResponse response = rc.response();
                // beside the other handlers the routing context runs as the headers go out, not instead of them
                rc.addHeadersEndHandler(ignored -> {
                    int status = response.getStatusCode();
                    if ((status == 302 || status == 303 || status == 307)
                            && availability.isProviderAddress(response.headers().get(HttpHeaders.LOCATION))) {
                        response.setStatusCode(303);
                        response.headers().set(HttpHeaders.LOCATION, PATH);
                    }
                });
            }
            rc.next();
        }, 300);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        if (availability.available()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(Templates.signInUnavailable()).build();
    }
}
