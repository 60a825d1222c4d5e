package health.leap.portal.patient;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Tried before the OIDC extension's mechanism: a bearer token it verified moments ago
 * ({@link VerifiedBearers}) is let in as it was then. Any other request, and any token not
 * remembered, goes on to the OIDC extension, which also answers every challenge.
 */
@ApplicationScoped
public class VerifiedBearerMechanism implements HttpAuthenticationMechanism {

    /** Above the OIDC extension's own mechanism (1001), so this one is asked first. */
    static final int PRIORITY = 2000;
    private static final String BEARER = "Bearer ";

    @Inject
    VerifiedBearers bearers;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        return bearers.find(authorization.substring(BEARER.length()).trim())
                .map(identity -> identities.authenticate(
                        HttpSecurityUtils.setRoutingContextAttribute(new KnownBearer(identity), context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(KnownBearer.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    /** A bearer token recently verified, with the identity it was given. */
    static final class KnownBearer extends BaseAuthenticationRequest {
        private final SecurityIdentity identity;

        KnownBearer(SecurityIdentity identity) {
            this.identity = identity;
        }
    }

    /** Hands the remembered identity, tied to this request, to the augmentors like any other. */
    @ApplicationScoped
    public static class KnownBearers implements IdentityProvider<KnownBearer> {
        @Override
        public Class<KnownBearer> getRequestType() {
            return KnownBearer.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(KnownBearer request, AuthenticationRequestContext context) {
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(request.identity);
            if (routing != null) {
                identity.addAttribute(RoutingContext.class.getName(), routing);
            }
            return Uni.createFrom().item(identity.build());
        }
    }
}
