package health.leap.portal.faults;

import health.leap.portal.platform.PlatformTest;
import health.leap.portal.platform.EmbeddedDatabase;
import health.leap.portal.platform.KeycloakServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identity provider stops. A patient already signed in keeps booking (the session is in the
 * cookie, its tokens are checked with keys the portal holds); a new visitor gets the portal's page
 * saying sign-in is unavailable, not a browser error; when the provider is back, sign-in works again
 * without restarting the portal. A Keycloak of this case's own, so the shared one is never stopped.
 */
@PlatformTest(lane = 1)
class IdentityProviderOutageFaultIT {

    static final int KEYCLOAK_PORT = 8184;
    static final int KEYCLOAK_MANAGEMENT_PORT = 9184;
    static final int PORTAL_PORT = 8096;
    /** The portal asks the provider every second here (5 s by default). */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    static final Duration NOTICE_LIMIT = Duration.ofSeconds(10);

    @Test
    void signedInPatientsCarryOnNewOnesAreToldAndSignInReturnsWithoutARestart() throws Exception {
        FaultReport report = new FaultReport("identity provider stopped");
        KeycloakServer keycloak = KeycloakServer.dedicated(KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT);
        try (EmbeddedDatabase database = EmbeddedDatabase.startThrowaway()) {
            Map<String, String> settings = new HashMap<>(PackagedPortal.database(database.jdbcUrl(), EmbeddedDatabase.USER));
            settings.put("PORTAL_DEMO_DATA", "true");
            settings.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
            settings.put("PORTAL_SIGN_IN_PROBE_EVERY", PROBE_EVERY.toSeconds() + "s");
            try (PackagedPortal portal = PackagedPortal.on("fault-identity-provider", PORTAL_PORT, settings).start()) {
                String base = portal.baseUrl();
                SignedInBrowser amelia = new SignedInBrowser();
                SignedInBrowser.Page signedIn = amelia.signIn(base, "/appointments", "amelia", "demo");
                assertEquals(200, signedIn.status(), "signed in before the fault: " + signedIn.failure() + signedIn.body());
                assertTrue(amelia.hasSession());
                long slot;
                try (Connection db = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER)) {
                    slot = Clinic.freeConsultations(db, 1).get(0);
                }

                Instant stopped = Instant.now();
                keycloak.stop();
                // a new visitor, until the portal has noticed
                SignedInBrowser.Page newcomer = null;
                Instant told = null;
                while (Duration.between(stopped, Instant.now()).compareTo(NOTICE_LIMIT) < 0) {
                    newcomer = new SignedInBrowser().get(base + "/");
                    if (newcomer.status() == 503) {
                        told = Instant.now();
                        break;
                    }
                    Faults.pause(Duration.ofMillis(250));
                }
                SignedInBrowser.Page newcomerPage = newcomer;
                Instant noticed = told;
                // the signed-in patient, meanwhile: pages, and a booking held and confirmed
                SignedInBrowser.Page home = amelia.get(base + "/");
                SignedInBrowser.Page doctors = amelia.get(base + "/doctors");
                SignedInBrowser.Page held = amelia.post(base + "/appointments",
                        "slot=" + slot + "&service=" + Clinic.CONSULTATION);
                String appointment = held.location() == null ? "" : java.net.URI.create(base).resolve(held.location()).getPath();
                SignedInBrowser.Page confirmed = amelia.post(base + appointment + "/confirm", "");
                SignedInBrowser.Page page = amelia.get(base + appointment);

                keycloak.startAgain();
                Instant back = Instant.now();
                SignedInBrowser.Page again = null;
                Instant signedInAgain = null;
                while (Duration.between(back, Instant.now()).compareTo(NOTICE_LIMIT) < 0) {
                    SignedInBrowser newcomerAgain = new SignedInBrowser();
                    again = newcomerAgain.signIn(base, "/appointments", "isla", "demo");
                    if (again.status() == 200 && newcomerAgain.hasSession()) {
                        signedInAgain = Instant.now();
                        break;
                    }
                    Faults.pause(Duration.ofMillis(250));
                }
                SignedInBrowser.Page afterReturn = again;
                Instant recovered = signedInAgain;
                report.put("seconds until a new visitor was told", noticed == null ? "never" : secondsBetween(stopped, noticed))
                        .put("signed-in requests failed during the outage", List.of(home, doctors, page).stream()
                                .filter(p -> p.status() != 200).count() + (held.status() == 303 ? 0 : 1) + (confirmed.status() == 303 ? 0 : 1))
                        .put("seconds from the provider's return to a new sign-in", recovered == null ? "never" : secondsBetween(back, recovered))
                        .put("portal restarts", 0);
                boolean passed = false;
                try {
                    assertAll(
                            () -> assertNotNull(noticed, "a new visitor was told within " + NOTICE_LIMIT + ": " + newcomerPage),
                            () -> assertTrue(newcomerPage.body().contains("Sign-in is unavailable right now"), newcomerPage.body()),
                            () -> assertTrue(newcomerPage.body().contains("data-error-code=\"SIGN_IN_UNAVAILABLE\"")),
                            () -> assertEquals(200, home.status(), "the signed-in home page"),
                            () -> assertTrue(home.body().contains("Hello, Amelia"), home.body()),
                            () -> assertEquals(200, doctors.status(), "the signed-in doctors page"),
                            () -> assertEquals(303, held.status(), "a hold: " + held.body()),
                            () -> assertEquals(303, confirmed.status(), "its confirmation: " + confirmed.body()),
                            () -> assertTrue(page.body().contains("Confirmed"), page.body()),
                            () -> assertNotNull(recovered, "a new sign-in after the provider returned: " + afterReturn),
                            () -> assertTrue(afterReturn.body().contains("My appointments"), afterReturn.body()),
                            () -> assertTrue(portal.alive(), "the same portal process"));
                    passed = true;
                } finally {
                    report.write(passed);
                }
            }
        } finally {
            keycloak.stop();
        }
    }

    static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
