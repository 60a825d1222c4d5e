package health.leap.portal.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the portal's OIDC at the real Keycloak of the test JVM, with the realm the portal ships. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakServer.get().issuer(),
                "quarkus.oidc.tenant-enabled", "true");
    }

    @Override
    public void stop() {
        // one Keycloak serves the whole test JVM; KeycloakServer stops it at exit
    }
}
