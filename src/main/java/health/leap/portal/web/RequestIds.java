package health.leap.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the one a proxy in front sent in {@code X-Request-Id} when it looks like an
 * id, else a new one. It is on every log line of the request ({@code requestId} in the log's MDC, which
 * Quarkus keeps with the request across threads) and in the response's {@code X-Request-Id}, so a
 * patient's "something went wrong" can be found in the logs.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = rc.request().getHeader(HEADER);
            if (id == null || !ACCEPTED.matcher(id).matches()) {
                id = next();
            }
            MDC.put(MDC_KEY, id);
            rc.response().headers().set(HEADER, id);
            rc.next();
        }, 200);
    }

    /** 96 random bits: an id to find lines by, not a secret, so the fast per-thread generator will do. */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextInt());
    }
}
