package health.leap.portal.patient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads the tenant and lead from the token's claims and checks them against the database once per
 * request. A token without them, or naming a lead that does not exist in that tenant, gets a 403
 * page rather than a half-working portal.
 */
@Singleton
public class CallerFilter {


    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;
    @Inject
    Previews previews;

    @Inject
    ClaimNames claims;
    @Inject
    Clock clock;

    /** What the header shows; the dependants only offer a switch, which is checked again when it is used. */
    record Names(String tenant, String zone, String lead, List<Family.Dependant> dependants) {
    }

    /**
     * Callers found linked in the last {@link #REMEMBERED}: their pages skip the lookup. A record
     * unlinked meanwhile is refused at the latest that long after; an unlinked one is never remembered.
     */
    static final Duration REMEMBERED = Duration.ofSeconds(30);
    private final Cache<String, Names> known = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(REMEMBERED).build();

    @ServerRequestFilter
    public void resolveCaller() {
        if (identity.isAnonymous()) {
            return;
        }
        Principal principal = identity.getPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            throw notLinked();
        }
        Long tenantId = claimAsId(token, claims.tenant());
        Long leadId = claimAsId(token, claims.lead());
        boolean staff = identity.hasRole("staff");
        if (tenantId == null || (!staff && leadId == null)) {
            throw notLinked();
        }
        if (caller.requestedPreview() != null) {
            previews.resolve(caller, tenantId, identity.getPrincipal().getName());
            return;
        }
        if (caller.requestedDesk() != null) {
            previews.resolveDesk(caller, tenantId, identity.getPrincipal().getName());
            return;
        }
        Long lead = staff ? null : leadId;
        Names names = known.getIfPresent(tenantId + "/" + lead);
        if (names == null) {
            names = Tenant.getEntityManager().createQuery("""
                    select t.name, t.timezone, l.name
                    from Tenant t left join Lead l on l.id = ?1 and l.tenantId = t.id
                    where t.id = ?2""", Object[].class)
                    .setParameter(1, lead == null ? 0L : lead).setParameter(2, tenantId).getResultStream().findFirst()
                    .map(row -> new Names((String) row[0], (String) row[1], (String) row[2], List.of()))
                    .orElseThrow(CallerFilter::notLinked);
            if (lead != null && names.lead() != null) {
                names = new Names(names.tenant(), names.zone(), names.lead(),
                        Family.dependantsOf(tenantId, lead, clock.instant()));
            }
            if (staff || names.lead() != null) {
                known.put(tenantId + "/" + lead, names);
            }
        }
        if (!staff && names.lead() == null) {
            throw notLinked();
        }
        String displayName = names.lead() != null ? names.lead() : displayName(token);
        caller.resolve(tenantId, names.tenant(), ZoneId.of(names.zone()), lead, displayName, staff,
                identity.getPrincipal().getName());
        caller.family(names.dependants());
        if (caller.requestedFamily() != null) {
            if (lead == null) {
                throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::familyPatientsOnly);
            }
            // never from the cache: a link staff ended is refused on the very next request
            try {
                Family.Dependant dependant = Family.actingFor(tenantId, lead, caller.requestedFamily(), clock.instant());
                caller.actFor(dependant.leadId(), dependant.name());
            } catch (Problem refused) {
                // answered by the page's first read of the caller, after the CSRF filter: the refusal
                // page's own header forms (sign out, language) then carry the token they need
                caller.refuse(refused);
            }
        }
    }

    /** Staff changed a guardian's links: their switcher is read again on their next page. */
    void familyChanged(@Observes FamilyChanged changed) {
        known.invalidate(changed.tenantId() + "/" + changed.guardianLeadId());
    }

    private static String displayName(JsonWebToken token) {
        Object name = token.getClaim("name");
        if (name instanceof JsonString s) {
            return s.getString();
        }
        return name != null ? name.toString() : token.getName();
    }

    static Long claimAsId(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        try {
            if (value instanceof JsonNumber n) {
                return n.longValueExact();
            }
            if (value instanceof Number n) {
                return n.longValue();
            }
            if (value instanceof JsonString s) {
                return Long.parseLong(s.getString().trim());
            }
            if (value instanceof String s) {
                return Long.parseLong(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Problem notLinked() {
        return new Problem(ErrorCode.ACCOUNT_NOT_LINKED, PatientMessages.class, PatientMessages::notLinked);
    }
}
