package health.leap.portal.platform;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/** The portal's Prometheus page, as the cluster scrapes it: on the management port, never the patients' port. */
public final class Metrics {

    private Metrics() {
    }

    public static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    public static String scrape() {
        return RestAssured.given().port(managementPort()).when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }
}
