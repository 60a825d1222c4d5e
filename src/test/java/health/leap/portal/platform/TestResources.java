package health.leap.portal.platform;

import io.quarkus.test.common.QuarkusTestResource;

/** Every Quarkus test shares one throwaway embedded PostgreSQL. */
@QuarkusTestResource(PostgresResource.class)
public class TestResources {
}
