package health.leap.portal.platform;

import io.quarkus.test.common.QuarkusTestResource;

/** Every Quarkus test shares one throwaway embedded PostgreSQL and one real Keycloak. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
public class TestResources {
}
