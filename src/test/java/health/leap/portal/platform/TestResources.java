package health.leap.portal.platform;

import io.quarkus.test.common.QuarkusTestResource;

/** Every Quarkus test shares one throwaway embedded PostgreSQL, one real Keycloak and one real SMTP server. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(MailServer.class)
public class TestResources {
}
