package health.leap.portal.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.leap.portal.platform.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal trusts the token's {@code tenant_id} and {@code lead_id} claims, so the realm it ships
 * must never let a patient change the attributes behind them. Keycloak's account API is the door a
 * logged-in patient has to their own profile; this test knocks on it with a real Keycloak.
 */
class RealmProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.get();
    }

    @Test
    void patientTokenCarriesTenantLeadAndRole() {
        JsonNode claims = KeycloakServer.claims(keycloak.passwordToken("amelia", "demo"));

        assertAll(
                () -> assertEquals(keycloak.issuer(), claims.path("iss").asText()),
                () -> assertEquals("1", claims.path("tenant_id").asText()),
                () -> assertEquals("1", claims.path("lead_id").asText()),
                () -> assertTrue(hasRole(claims, "patient"), "realm_access.roles: " + claims.path("realm_access")));
    }

    @Test
    void patientCannotMoveToAnotherTenant() throws Exception {
        assertAccountApiRefuses("tenant_id", "2");
    }

    @Test
    void patientCannotBecomeAnotherPatient() throws Exception {
        assertAccountApiRefuses("lead_id", "11");
    }

    private void assertAccountApiRefuses(String attribute, String forgedValue) throws Exception {
        String token = keycloak.passwordToken("amelia", "demo");
        HttpResponse<String> current = HTTP.send(accountRequest(token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, current.statusCode(), current.body());
        ObjectNode account = (ObjectNode) JSON.readTree(current.body());

        // The unchanged profile is accepted, so the refusal below is about the attribute alone.
        assertEquals(204, post(token, account).statusCode(), "unchanged profile");

        ObjectNode forged = account.deepCopy();
        ObjectNode attributes = forged.has("attributes") ? (ObjectNode) forged.get("attributes") : forged.putObject("attributes");
        attributes.putArray(attribute).add(forgedValue);
        HttpResponse<String> refused = post(token, forged);

        JsonNode claims = KeycloakServer.claims(keycloak.passwordToken("amelia", "demo"));
        assertAll(
                () -> assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500,
                        "changing " + attribute + " answered " + refused.statusCode() + ": " + refused.body()),
                () -> assertTrue(refused.body().contains("error-user-attribute-read-only"), refused.body()),
                () -> assertEquals("1", claims.path("tenant_id").asText(), "tenant_id in a fresh token"),
                () -> assertEquals("1", claims.path("lead_id").asText(), "lead_id in a fresh token"));
    }

    private static HttpResponse<String> post(String token, JsonNode account) throws IOException, InterruptedException {
        HttpRequest request = accountRequest(token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(account)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder accountRequest(String token) {
        return HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/account/"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private static boolean hasRole(JsonNode claims, String role) {
        for (JsonNode granted : claims.path("realm_access").path("roles")) {
            if (role.equals(granted.asText())) {
                return true;
            }
        }
        return false;
    }
}
