package health.leap.portal.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.Set;

/**
 * Every signed-in request spends from its caller's budget before anything else runs; a write also
 * spends from the write budget. Over budget: 429 with {@code Retry-After}, as a page or under htmx
 * a fragment. When the limiter cannot decide, a write is refused (fails closed) and a read goes on.
 */
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SecurityIdentity identity;
    @Inject
    RateLimits limits;
    @Inject
    HttpServerResponse response;
    @Inject
    PortalMetrics metrics;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public void spend(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return;
        }
        String caller = identity.getPrincipal().getName();
        if (!READS.contains(request.getMethod())) {
            RateLimits.Decision write;
            try {
                write = limits.write(caller);
            } catch (RuntimeException e) {
                if (DatabaseOutages.isOutage(e)) {
                    // the write could not be taken anyway; the page says why (ErrorPages)
                    throw e;
                }
                LOG.warn("The rate limiter could not decide; refusing the write", e);
                throw refusal(ErrorCode.RATE_LIMIT_UNAVAILABLE, Duration.ofSeconds(5), PageMessages::rateLimiterUnavailable);
            }
            if (!write.allowed()) {
                metrics.rateLimited("write");
                throw tooFast(write.retryAfter());
            }
        }
        RateLimits.Decision read;
        try {
            read = limits.request(caller);
        } catch (RuntimeException e) {
            if (!DatabaseOutages.isOutage(e)) {
                LOG.warn("The rate limiter could not decide; letting a read through", e);
            }
            return;
        }
        if (!read.allowed()) {
            metrics.rateLimited("request");
            throw tooFast(read.retryAfter());
        }
    }

    private Problem tooFast(Duration wait) {
        long seconds = seconds(wait);
        return refusal(ErrorCode.RATE_LIMITED, wait, m -> m.rateLimited(seconds));
    }

    private Problem refusal(ErrorCode code, Duration wait, java.util.function.Function<PageMessages, String> sentence) {
        response.putHeader("Retry-After", Long.toString(seconds(wait)));
        return new Problem(code, PageMessages.class, sentence);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
