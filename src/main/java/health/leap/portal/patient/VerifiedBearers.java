package health.leap.portal.patient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import health.leap.portal.platform.PortalConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens the OIDC extension verified in the last {@code portal.auth.verified-bearer-for}
 * (default 60 s), with the identity it made of each. A script or app sends the same token with
 * every call; checking its signature and claims again each time costs more than the page itself.
 * <p>
 * A token is remembered only after the OIDC extension accepted it, and only as it came from the
 * provider, before any augmentor (so a staff preview's extra role is never remembered). It is
 * served from here only while the token is unexpired by the portal's clock. Browser sessions are
 * not remembered: their cookies go through the OIDC extension every time, which also refreshes them.
 */
@Singleton
public class VerifiedBearers implements SecurityIdentityAugmentor {

    /** Attributes that belong to the request that verified the token, not to the token. */
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    record Verified(SecurityIdentity identity, Instant until) {
    }

    @Inject
    Clock clock;

    private final Duration remembered;
    private final Cache<String, Verified> verified;

    @Inject
    VerifiedBearers(PortalConfig config) {
        Duration remembered = config.auth().verifiedBearerFor();
        this.remembered = remembered;
        this.verified = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(remembered.isZero() ? Duration.ofNanos(1) : remembered).build();
    }

    /** The identity the token was given when it was verified, if that was recently and it has not expired. */
    Optional<SecurityIdentity> find(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(known.until())) {
            verified.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(known.identity());
    }

    /** Runs first, on the identity exactly as the provider made it. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!remembered.isZero() && identity.getPrincipal() instanceof JsonWebToken token
                && identity.getCredential(IdTokenCredential.class) == null) {
            AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
            if (bearer != null && bearer.getToken() != null && token.getExpirationTime() > 0) {
                Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
                Instant until = clock.instant().plus(remembered);
                verified.asMap().putIfAbsent(bearer.getToken(),
                        new Verified(withoutRequest(identity), expires.isBefore(until) ? expires : until));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** The identity without what tied it to the request that verified it. */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!attribute.getKey().equals(REQUEST_CONTEXT) && !attribute.getKey().equals(ROUTING_CONTEXT)) {
                copy.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return copy.build();
    }
}
