package health.leap.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;

/** Headers every response carries: no framing, no inline script, no sniffing; HSTS when served over TLS. */
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.response().headers()
                    .set("Content-Security-Policy", CSP)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "same-origin")
                    .set("X-Frame-Options", "DENY");
            // behind a TLS-terminating proxy the scheme comes from its X-Forwarded-Proto (quarkus.http.proxy.*)
            if (rc.request().isSSL() || "https".equals(rc.request().scheme())) {
                rc.response().headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            rc.next();
        }, 100);
    }
}
