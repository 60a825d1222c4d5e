package health.leap.portal.patient;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;

/**
 * Signing out is a POST carrying the CSRF token (the header's button), so a link or an image on
 * another site cannot sign a patient out. It ends the portal's session (its cookies) and then the
 * identity provider's, which sends the browser back to the home page. A GET shows the button.
 */
@Path("/logout")
public class SignOutResource {

    @CheckedTemplate(basePath = "patient")
    static class Templates {
        static native TemplateInstance signOut();
    }

    @Inject
    OidcSession session;
    @Inject
    OidcConfigurationMetadata provider;
    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.signOut();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@Context UriInfo request, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer) {
        URI home = request.getBaseUriBuilder().replacePath("/").replaceQuery(null).build();
        if (bearer != null) {
            // a script with a bearer token has no session here to end
            return Response.seeOther(home).build();
        }
        JsonWebToken idToken = session.getIdToken();
        String hint = idToken == null ? null : idToken.getRawToken();
        session.logout().await().indefinitely();
        String endSession = provider.getEndSessionUri();
        if (endSession == null || hint == null) {
            // a provider without RP-initiated logout ends at home
            return Response.seeOther(home).build();
        }
        return Response.seeOther(UriBuilder.fromUri(endSession)
                .queryParam("id_token_hint", hint)
                .queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", home)
                .build()).build();
    }
}
