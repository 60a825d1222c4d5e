package health.leap.portal.patient;

import health.leap.portal.platform.PortalConfig;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link Accounts} at Keycloak, through its admin REST API as the realm's {@code portal-accounts}
 * client (client credentials; its service account may view and manage users, nothing else). A plain
 * HTTP client: no admin-client library of this Quarkus version resolves here, and four calls need none.
 * The token is kept until shortly before it expires.
 */
@ApplicationScoped
public class KeycloakAccounts implements Accounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    /** A token is taken again this long before Keycloak says it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String tokenUrl;
    private final String usersUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Duration timeout;
    private final Clock clock;
    private volatile Token token;

    private record Token(String value, Instant renewAt) {
    }

    public KeycloakAccounts(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl, PortalConfig config,
                            Clock clock) {
        String realm = realmUrl.replaceAll("/+$", "");
        this.tokenUrl = realm + "/protocol/openid-connect/token";
        this.usersUrl = realm.replaceFirst("/realms/([^/]+)$", "/admin/realms/$1") + "/users";
        this.clientId = config.accounts().clientId();
        this.clientSecret = config.accounts().clientSecret();
        this.timeout = config.accounts().timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<Account> of(long tenantId, long leadId, String recordEmail) {
        List<Account> linked = users("q=" + encode("tenant_id:" + tenantId + " lead_id:" + leadId) + "&exact=true");
        if (linked.size() <= 1) {
            return linked.stream().findFirst();
        }
        return linked.stream().filter(a -> a.email() != null && a.email().equalsIgnoreCase(recordEmail)).findFirst();
    }

    @Override
    public boolean takenByAnother(String email, Optional<Account> own) {
        return users("email=" + encode(email) + "&exact=true").stream()
                .anyMatch(a -> email.equalsIgnoreCase(a.email()) && own.map(o -> !o.id().equals(a.id())).orElse(true));
    }

    @Override
    public void changeEmail(Account account, String email) {
        String url = usersUrl + "/" + encode(account.id());
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(url)).GET());
        if (read.statusCode() != 200) {
            throw unavailable("reading account " + account.id(), read);
        }
        // the whole representation back, so nothing else of the account (its tenant and lead above all) changes
        JsonObject user = Json.createObjectBuilder(json(read.body()).asJsonObject())
                .add("email", email).add("emailVerified", true).build();
        HttpResponse<String> written = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(user.toString())));
        if (written.statusCode() == 409) {
            throw new Problem(ErrorCode.EMAIL_IN_USE, PatientMessages.class, PatientMessages::emailInUse);
        }
        if (written.statusCode() != 204 && written.statusCode() != 200) {
            throw unavailable("changing the email of account " + account.id(), written);
        }
    }

    private List<Account> users(String query) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(usersUrl + "?briefRepresentation=true&" + query)).GET());
        if (found.statusCode() != 200) {
            throw unavailable("finding accounts", found);
        }
        JsonArray users = json(found.body()).asJsonArray();
        return users.stream().map(JsonValue::asJsonObject)
                .map(u -> new Account(u.getString("id"), u.containsKey("email") ? u.getString("email") : null)).toList();
    }

    /** An admin call with the service account's token; a token Keycloak no longer takes is renewed once. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = call(request.copy().header("Authorization", "Bearer " + token(false)));
        if (response.statusCode() == 401) {
            response = call(request.copy().header("Authorization", "Bearer " + token(true)));
        }
        return response;
    }

    private synchronized String token(boolean renew) {
        Token held = token;
        if (!renew && held != null && clock.instant().isBefore(held.renewAt())) {
            return held.value();
        }
        String secret = clientSecret.orElseThrow(() -> {
            LOG.error("portal.accounts.client-secret (PORTAL_ACCOUNTS_CLIENT_SECRET) is not set: no account can change");
            return problem();
        });
        HttpResponse<String> answer = call(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + encode(clientId)
                        + "&client_secret=" + encode(secret))));
        if (answer.statusCode() != 200) {
            throw unavailable("the service account's token", answer);
        }
        JsonObject body = json(answer.body()).asJsonObject();
        Instant renewAt = clock.instant().plusSeconds(body.getJsonNumber("expires_in").longValue()).minus(TOKEN_MARGIN);
        token = new Token(body.getString("access_token"), renewAt);
        return token.value();
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("Keycloak's admin API did not answer: %s", e.toString());
            throw problem();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problem();
        }
    }

    private static Problem unavailable(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        LOG.warnf("Keycloak's admin API refused %s: %d %s", what, response.statusCode(), body.substring(0, Math.min(200, body.length())));
        return problem();
    }

    private static Problem problem() {
        return new Problem(ErrorCode.ACCOUNTS_UNAVAILABLE, PatientMessages.class, PatientMessages::accountsUnavailable);
    }

    private static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
