package health.leap.portal.platform;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which production settings the portal refuses to start with, and the sentence that names each. */
class ProductionSafetyTest {

    static final Map<String, String> MAIL = Map.of(
            "quarkus.mailer.host", "smtp.clinic.example",
            "quarkus.mailer.from", "appointments@clinic.example",
            "portal.public-url", "https://portal.clinic.example");

    static final Map<String, String> OWN = withMail(Map.of(
            "quarkus.oidc.credentials.secret", "a-clinics-own-client-secret",
            "portal.cursor-secret", "a-clinics-own-cursor-secret",
            "portal.accounts.client-secret", "a-clinics-own-accounts-secret"));

    static Map<String, String> withMail(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(MAIL);
        all.putAll(values);
        return all;
    }

    static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    static List<String> problems(Map<String, String> values, boolean embedded) {
        return ProductionSafety.problems(config(values), ProductionSafety.demoValues(), embedded);
    }

    static Map<String, String> own(String key, String value) {
        Map<String, String> values = new HashMap<>(OWN);
        values.put(key, value);
        return values;
    }

    @Test
    void theClinicsOwnSecretsAndDatabaseStart() {
        assertEquals(List.of(), problems(OWN, false));
    }

    @Test
    void theDemoValuesPackagedWithThePortalAreRefusedByVariable() {
        List<String> problems = problems(withMail(Map.of(
                "quarkus.oidc.credentials.secret", "portal-demo-secret",
                "portal.cursor-secret", "cursor-demo-signing-key",
                "portal.accounts.client-secret", "portal-accounts-demo-secret",
                "portal.payment-gateway", "sandbox",
                "portal.sandbox-gateway.in-production", "true",
                "portal.sandbox-gateway.secret", "sandbox-demo-signing-key")), false);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("QUARKUS_OIDC_CREDENTIALS_SECRET is still the demo value"), problems.get(0));
        assertTrue(problems.get(1).startsWith("PORTAL_CURSOR_SECRET is still the demo value"), problems.get(1));
        assertTrue(problems.get(2).startsWith("PORTAL_ACCOUNTS_CLIENT_SECRET is still the demo value"), problems.get(2));
        assertTrue(problems.get(3).startsWith("PORTAL_SANDBOX_GATEWAY_SECRET is still the demo value"), problems.get(3));
    }

    @Test
    void missingBlankAndShortSecretsAreRefused() {
        assertEquals(List.of("PORTAL_CURSOR_SECRET is not set: it signs the history's page links, so a patient cannot forge one."),
                problems(own("portal.cursor-secret", "  "), false));
        assertTrue(problems(own("quarkus.oidc.credentials.secret", "short")).get(0)
                .startsWith("QUARKUS_OIDC_CREDENTIALS_SECRET is shorter than 16 characters"));
    }

    private static List<String> problems(Map<String, String> values) {
        return problems(values, false);
    }

    @Test
    void theSandboxNeedsItsOwnKeyAndAnUnknownGatewayIsNamed() {
        assertTrue(problems(own("portal.payment-gateway", "sandbox")).get(0).startsWith("PORTAL_SANDBOX_GATEWAY_SECRET is not set"));
        assertTrue(problems(own("portal.payment-gateway", "paypal")).get(0)
                .startsWith("PORTAL_PAYMENT_GATEWAY is \"paypal\", which is no gateway this portal has"));
    }

    @Test
    void theSandboxStartsInProductionOnlyWhenChosenOnPurpose() {
        Map<String, String> sandbox = own("portal.payment-gateway", "sandbox");
        sandbox.put("portal.sandbox-gateway.secret", "a-staging-sandbox-signing-key");
        List<String> problems = problems(sandbox);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("PORTAL_PAYMENT_GATEWAY is sandbox, which takes no money: in production it starts "
                + "only with PORTAL_SANDBOX_GATEWAY_IN_PRODUCTION=true"), problems.get(0));
        sandbox.put("portal.sandbox-gateway.in-production", "false");
        assertEquals(problems, problems(sandbox));
        sandbox.put("portal.sandbox-gateway.in-production", "true");
        assertEquals(List.of(), problems(sandbox));
    }

    @Test
    void productionNamesItsMailServerSenderAndAddress() {
        Map<String, String> values = new HashMap<>(OWN);
        values.keySet().removeAll(MAIL.keySet());
        List<String> problems = problems(values);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("QUARKUS_MAILER_HOST is not set"), problems.get(0));
        assertTrue(problems.get(1).startsWith("QUARKUS_MAILER_FROM is not set"), problems.get(1));
        assertTrue(problems.get(2).startsWith("PORTAL_PUBLIC_URL is not set"), problems.get(2));
    }

    @Test
    void theQaRoutesAreRefused() {
        List<String> problems = problems(own("portal.qa.endpoints", "true"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("PORTAL_QA_ENDPOINTS is true"), problems.get(0));
    }

    @Test
    void theEmbeddedDatabaseIsForTheDemo() {
        List<String> problems = problems(OWN, true);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("QUARKUS_DATASOURCE_JDBC_URL is not set"), problems.get(0));
    }

    @Test
    void theMessageListsEachProblemAndSaysHowToRunTheDemoInstead() {
        String message = ProductionSafety.message(List.of("prod"), List.of("PORTAL_CURSOR_SECRET is not set."));
        assertTrue(message.contains("will not start in the prod profile"), message);
        assertTrue(message.contains("QUARKUS_PROFILE=demo"), message);
    }
}
