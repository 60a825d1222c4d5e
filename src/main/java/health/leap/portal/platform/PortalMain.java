package health.leap.portal.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the portal. In production it first refuses demo secrets and a missing database
 * ({@link ProductionSafety}). With no datasource configured (the demo) it starts the embedded
 * PostgreSQL the portal owns (data kept between runs) and turns demo data on, so a fresh machine
 * needs nothing else.
 */
@QuarkusMain
public class PortalMain {

    public static void main(String... args) {
        // an address Quarkus would refuse with a bare 400 gets the portal's own page (web.UnreadableAddresses)
        System.setProperty("vertx.disableURIValidation", "true");
        boolean embedded = !EmbeddedDatabase.externalDatasourceConfigured();
        ProductionSafety.checkOrExit(embedded);
        EmbeddedDatabase database = null;
        if (embedded) {
            database = EmbeddedDatabase.start(EmbeddedDatabase.defaultDataDirectory());
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            System.setProperty("quarkus.datasource.password", EmbeddedDatabase.USER);
            if (System.getProperty("portal.demo-data") == null && System.getenv("PORTAL_DEMO_DATA") == null) {
                System.setProperty("portal.demo-data", "true");
            }
        }
        try {
            Quarkus.run(args);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
