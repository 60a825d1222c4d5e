package health.leap.portal.patient;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether the identity provider answers, asked every few seconds ({@code portal.sign-in.probe-every},
 * 5 s) for its discovery document. Signed-in patients do not need it (their session is in the cookie and
 * its tokens are checked with keys the portal already holds); a new sign-in does, and while it does not
 * answer the portal sends the browser to its own "sign-in is unavailable" page instead of to a provider
 * that would not load ({@link SignInUnavailable}). It turns back on by itself when the provider answers.
 */
@ApplicationScoped
public class SignInAvailability {

    private static final Logger LOG = Logger.getLogger(SignInAvailability.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final String provider;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile boolean available = true;

    SignInAvailability(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.provider = authServerUrl.replaceAll("/+$", "");
    }

    /** False from the first probe the provider did not answer until one it answers. */
    public boolean available() {
        return available;
    }

    /** Whether {@code location} is an address of the provider (its login or logout page). */
    public boolean isProviderAddress(String location) {
        return location != null && location.startsWith(provider + "/");
    }

    @Scheduled(every = "${portal.sign-in.probe-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        record(answers());
    }

    /** Records what a probe found, logging each change once. */
    void record(boolean answers) {
        if (answers != available) {
            if (answers) {
                LOG.infof("The identity provider answers again at %s; sign-in is available", provider);
            } else {
                LOG.warnf("The identity provider does not answer at %s; new sign-ins see the sign-in unavailable page", provider);
            }
        }
        available = answers;
    }

    private boolean answers() {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(provider + "/.well-known/openid-configuration"))
                .timeout(PROBE_TIMEOUT).GET().build();
        try {
            return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return available;
        }
    }
}
