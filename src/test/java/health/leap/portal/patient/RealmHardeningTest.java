package health.leap.portal.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.leap.portal.platform.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm a clinic imports ({@code src/main/keycloak/leaphealth-realm.json}), served by a real
 * Keycloak: no client hands out tokens for a username and password, an account locks after repeated
 * wrong passwords while one patient may still sign in from several devices at once, a weak password is
 * refused, and the portal's tokens carry the portal's audience.
 * The password-grant client the tests use is added by the test stack, never shipped.
 */
class RealmHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRONG = "correct horse battery staple";

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.get();
    }

    @Test
    void theShippedRealmHasNoPasswordGrantClientAndNoTestClient() throws IOException {
        JsonNode realm = JSON.readTree(Path.of("src/main/keycloak/leaphealth-realm.json").toFile());
        Set<String> shipped = new HashSet<>();
        realm.path("clients").forEach(client -> {
            shipped.add(client.path("clientId").asText());
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false),
                    client.path("clientId").asText() + " allows the password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(false), client.path("clientId").asText() + " allows the implicit flow");
        });
        assertAll(
                () -> assertFalse(shipped.contains(KeycloakServer.TEST_CLIENT), "the test client is shipped"),
                () -> assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection"),
                () -> assertTrue(realm.path("passwordPolicy").asText().contains("length(12)"), realm.path("passwordPolicy").asText()),
                () -> assertEquals(List.of("service-account-portal-accounts"), usernames(realm.path("users")),
                        "demo logins live in src/main/keycloak/demo; the realm holds only the portal's service account"));

        // as served: the portal's own client refuses the grant, even with its secret
        HttpResponse<String> portal = keycloak.passwordGrantWithSecret("portal", "portal-demo-secret", "amelia", "demo");
        assertEquals(400, portal.statusCode(), portal.body());
        assertTrue(portal.body().contains("unauthorized_client"), portal.body());
        // and every client but the test stack's own refuses it
        JsonNode clients = JSON.readTree(keycloak.admin("GET", "/clients", null).body());
        for (JsonNode client : clients) {
            String id = client.path("clientId").asText();
            if (!id.equals(KeycloakServer.TEST_CLIENT) && !id.equals(KeycloakServer.OTHER_CLIENT)) {
                assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + " allows the password grant");
            }
        }
    }

    /**
     * The portal keeps a patient's email in step through its own client's service account, which may
     * view and manage users and administer nothing else of the realm, is neither patient nor staff, and
     * signs in no person.
     */
    @Test
    void thePortalsAccountsClientMayOnlyViewAndManageUsers() throws IOException {
        HttpResponse<String> token = keycloak.clientCredentials("portal-accounts", "portal-accounts-demo-secret");
        assertEquals(200, token.statusCode(), token.body());
        JsonNode claims = KeycloakServer.claims(JSON.readTree(token.body()).path("access_token").asText());
        Set<String> management = new HashSet<>();
        claims.path("resource_access").path("realm-management").path("roles").forEach(role -> management.add(role.asText()));
        Set<String> realmRoles = new HashSet<>();
        claims.path("realm_access").path("roles").forEach(role -> realmRoles.add(role.asText()));
        assertAll(
                // view-users is Keycloak's composite of query-users and query-groups
                () -> assertEquals(Set.of("view-users", "manage-users", "query-users", "query-groups"), management,
                        claims.toString()),
                () -> assertFalse(realmRoles.contains("patient") || realmRoles.contains("staff"), claims.toString()));
        // it signs in no person
        HttpResponse<String> password = keycloak.passwordGrantWithSecret("portal-accounts", "portal-accounts-demo-secret",
                "amelia", "demo");
        assertTrue(password.body().contains("unauthorized_client"), password.body());
    }

    private static List<String> usernames(JsonNode users) {
        List<String> names = new ArrayList<>();
        users.forEach(user -> names.add(user.path("username").asText()));
        return names;
    }

    @Test
    void anAccountLocksAfterRepeatedWrongPasswords() throws IOException {
        String user = newLogin();
        // one slip does not lock anyone out
        HttpResponse<String> slip = keycloak.passwordGrant(KeycloakServer.TEST_CLIENT, user, "not it");
        assertTrue(slip.body().contains("invalid_grant"), slip.statusCode() + ": " + slip.body());
        assertEquals(200, keycloak.passwordGrant(KeycloakServer.TEST_CLIENT, user, STRONG).statusCode());

        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = keycloak.passwordGrant(KeycloakServer.TEST_CLIENT, user, "guess " + attempt);
            assertTrue(wrong.body().contains("invalid_grant"), wrong.statusCode() + ": " + wrong.body());
        }
        HttpResponse<String> right = keycloak.passwordGrant(KeycloakServer.TEST_CLIENT, user, STRONG);
        JsonNode lock = JSON.readTree(keycloak.admin("GET", "/attack-detection/brute-force/users/" + userId(user), null).body());
        assertAll(
                () -> assertTrue(right.statusCode() >= 400, "the right password after five wrong ones: " + right.statusCode()),
                () -> assertFalse(right.body().contains("access_token"), right.body()),
                () -> assertTrue(lock.path("disabled").asBoolean(), "locked: " + lock));

        // the clinic's administrator lifts it
        keycloak.admin("DELETE", "/attack-detection/brute-force/users/" + userId(user), null);
        assertEquals(200, keycloak.passwordGrant(KeycloakServer.TEST_CLIENT, user, STRONG).statusCode());
    }

    @Test
    void onePatientSignsInFromThreeDevicesAtOnceWithTheLockStillOn() throws Exception {
        String user = newLogin();
        // three browsers open Keycloak's login form, then all press "Sign in" at the same moment
        List<LoginForm> devices = List.of(LoginForm.open(), LoginForm.open(), LoginForm.open());
        CyclicBarrier together = new CyclicBarrier(devices.size());
        List<CompletableFuture<HttpResponse<String>>> answers = devices.stream()
                .map(device -> CompletableFuture.supplyAsync(() -> device.signIn(user, STRONG, together)))
                .toList();
        List<String> refused = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> signedIn = answer.get(60, TimeUnit.SECONDS);
            if (!signedIn.headers().firstValue("Location").orElse("").contains("code=")) {
                refused.add(signedIn.statusCode() + (signedIn.body().contains("Invalid username or password")
                        ? " Invalid username or password" : ""));
            }
        }
        assertEquals(List.of(), refused, "each device is signed in");
        // and brute-force protection is still on for the same login (anAccountLocksAfterRepeatedWrongPasswords)
        assertFalse(JSON.readTree(keycloak.admin("GET", "/attack-detection/brute-force/users/" + userId(user), null).body())
                .path("disabled").asBoolean());
    }

    /**
     * Keycloak's own login form for the portal, opened as a browser opens it: its cookies kept by hand,
     * since Keycloak marks them {@code Secure}, which a browser sends to localhost and Java's cookie
     * store does not; no redirect followed.
     */
    private record LoginForm(HttpClient browser, URI action, String cookies) {

        private static final Pattern ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

        static LoginForm open() throws IOException, InterruptedException {
            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI authorize = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?client_id=portal&response_type=code"
                    + "&scope=openid&state=devices&redirect_uri=" + URLEncoder.encode("http://localhost:8082/", StandardCharsets.UTF_8));
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher action = ACTION.matcher(page.body());
            assertTrue(action.find(), "the login form: " + page.statusCode() + " " + page.body());
            String cookies = page.headers().allValues("Set-Cookie").stream()
                    .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                    .collect(Collectors.joining("; "));
            return new LoginForm(browser, URI.create(action.group(1).replace("&amp;", "&")), cookies);
        }

        HttpResponse<String> signIn(String user, String password, CyclicBarrier together) {
            HttpRequest post = HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId="))
                    .build();
            try {
                together.await(30, TimeUnit.SECONDS);
                return browser.send(post, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException("signing in " + user, e);
            }
        }
    }

    @Test
    void aWeakPasswordIsRefused() throws IOException {
        String user = newLogin();
        HttpResponse<String> weak = keycloak.admin("PUT", "/users/" + userId(user) + "/reset-password",
                "{\"type\": \"password\", \"value\": \"demo\", \"temporary\": false}");
        assertEquals(400, weak.statusCode(), weak.body());
        HttpResponse<String> sameAsName = keycloak.admin("PUT", "/users/" + userId(user) + "/reset-password",
                "{\"type\": \"password\", \"value\": \"" + user + "\", \"temporary\": false}");
        assertEquals(400, sameAsName.statusCode(), sameAsName.body());
    }

    @Test
    void thePortalsTokensNameThePortalAsTheirAudience() {
        JsonNode ours = KeycloakServer.claims(keycloak.passwordToken("amelia", "demo"));
        assertTrue(ours.path("aud").toString().contains("\"portal\""), ours.path("aud").toString());
        String other = keycloak.passwordGrant(KeycloakServer.OTHER_CLIENT, "amelia", "demo").body();
        JsonNode theirs = KeycloakServer.claims(readJson(other).path("access_token").asText());
        assertFalse(theirs.path("aud").toString().contains("\"portal\""), theirs.path("aud").toString());
    }

    /** A throwaway login of the realm with a strong password, so locking it troubles no other test. */
    private static String newLogin() {
        String user = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = keycloak.admin("POST", "/users", """
                {"username": "%s", "enabled": true, "email": "%s@example.com", "emailVerified": true,
                 "firstName": "Lock", "lastName": "Test",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}""".formatted(user, user, STRONG));
        assertEquals(201, created.statusCode(), created.body());
        return user;
    }

    private static String userId(String user) throws IOException {
        return JSON.readTree(keycloak.admin("GET", "/users?exact=true&username=" + user, null).body()).path(0).path("id").asText();
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(text, e);
        }
    }
}
