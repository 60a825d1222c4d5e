package health.leap.portal.platform;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the portal will not start with in production: a secret that is missing, too short or still the
 * throwaway demo value from {@code application.properties}, the sandbox signing key when the sandbox is
 * chosen, an unknown payment gateway, or no database of the clinic's own. The run command, the tests and
 * the benchmark start in the {@code demo} profile, where the demo values stand.
 *
 * <p>It runs in {@link PortalMain} before anything starts (no database, no identity provider, no
 * migration), reading the settings from where Quarkus reads them: system properties, environment
 * variables, {@code config/application.properties} in the working directory and the packaged
 * {@code application.properties}, under the active profiles.
 */
public final class ProductionSafety {

    /** Profiles in which the demo values stand: the run command's, the tests' and Quarkus dev mode's. */
    static final Set<String> DEMO_PROFILES = Set.of("demo", "test", "dev");
    static final int MINIMUM_SECRET_LENGTH = 16;

    /** A secret the portal needs, with the variable an operator sets and what it protects. */
    record Secret(String property, String variable, String protects) {
    }

    static final Secret OIDC_SECRET = new Secret("quarkus.oidc.credentials.secret", "QUARKUS_OIDC_CREDENTIALS_SECRET",
            "the portal's client secret at the identity provider");
    static final Secret CURSOR_SECRET = new Secret("portal.cursor-secret", "PORTAL_CURSOR_SECRET",
            "signs the history's page links, so a patient cannot forge one");
    static final Secret ACCOUNTS_SECRET = new Secret("portal.accounts.client-secret", "PORTAL_ACCOUNTS_CLIENT_SECRET",
            "lets the portal change a patient's email at the identity provider (the realm's portal-accounts client)");
    static final Secret SANDBOX_SECRET = new Secret("portal.sandbox-gateway.secret", "PORTAL_SANDBOX_GATEWAY_SECRET",
            "signs the sandbox gateway's answers (PORTAL_PAYMENT_GATEWAY=sandbox)");
    static final String SANDBOX_OPT_IN = "portal.sandbox-gateway.in-production";

    /** A setting production must give, as the demo gives its own (the demo's mail server is the run command's). */
    record Setting(String property, String variable, String says) {
    }

    static final List<Setting> MAIL_SETTINGS = List.of(
            new Setting("quarkus.mailer.host", "QUARKUS_MAILER_HOST",
                    "the clinic's SMTP server, which sends patients their confirmations and reminders (src/docs/email.md)"),
            new Setting("quarkus.mailer.from", "QUARKUS_MAILER_FROM", "the address the patients' emails come from"),
            new Setting("portal.public-url", "PORTAL_PUBLIC_URL", "where patients reach the portal, for the links in their emails"));

    private ProductionSafety() {
    }

    /** The profiles this start runs under: {@code quarkus.profile}, else {@code QUARKUS_PROFILE}, else prod. */
    public static List<String> activeProfiles() {
        String profiles = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        if (profiles == null || profiles.isBlank()) {
            return List.of("prod");
        }
        return Arrays.stream(profiles.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** Stops the JVM with a sentence per problem when this is a production start that is not safe. */
    public static void checkOrExit(boolean embeddedDatabase) {
        List<String> profiles = activeProfiles();
        if (LaunchMode.current() != LaunchMode.NORMAL || profiles.stream().anyMatch(DEMO_PROFILES::contains)) {
            return;
        }
        List<String> problems = problems(settings(profiles), demoValues(), embeddedDatabase);
        if (!problems.isEmpty()) {
            System.err.println(message(profiles, problems));
            System.exit(1);
        }
    }

    static String message(List<String> profiles, List<String> problems) {
        StringBuilder text = new StringBuilder("The portal will not start in the ")
                .append(String.join(",", profiles)).append(" profile with these settings:\n");
        problems.forEach(problem -> text.append("  - ").append(problem).append('\n'));
        text.append("Give each a value of your own (a secret: at least ").append(MINIMUM_SECRET_LENGTH)
                .append(" characters, for example from `openssl rand -base64 32`), as src/docs/deploying.md says.\n")
                .append("To try the portal with its demo values instead, start it with QUARKUS_PROFILE=demo (the run command does).");
        return text.toString();
    }

    /**
     * The problems of a production start, each a sentence naming the variable to set; empty when it may
     * start. {@code demo} holds the packaged demo values a production secret must not equal.
     */
    static List<String> problems(SmallRyeConfig config, SmallRyeConfig demo, boolean embeddedDatabase) {
        List<String> problems = new ArrayList<>();
        String gateway = config.getOptionalValue("portal.payment-gateway", String.class).orElse("none").trim();
        boolean sandbox = gateway.equals("sandbox");
        if (!sandbox && !gateway.equals("none")) {
            problems.add("PORTAL_PAYMENT_GATEWAY is \"" + gateway + "\", which is no gateway this portal has: "
                    + "choose sandbox (no money moves) or none (no service may ask for payment).");
        }
        List<Secret> secrets = new ArrayList<>(List.of(OIDC_SECRET, CURSOR_SECRET, ACCOUNTS_SECRET));
        if (sandbox) {
            secrets.add(SANDBOX_SECRET);
        }
        for (Secret secret : secrets) {
            Optional<String> value = config.getOptionalValue(secret.property(), String.class).filter(v -> !v.isBlank());
            Optional<String> demoValue = demo.getOptionalValue(secret.property(), String.class);
            if (value.isEmpty()) {
                problems.add(secret.variable() + " is not set: it " + secret.protects() + ".");
            } else if (value.equals(demoValue)) {
                problems.add(secret.variable() + " is still the demo value, which anyone can read in the portal's source: it "
                        + secret.protects() + ".");
            } else if (value.get().length() < MINIMUM_SECRET_LENGTH) {
                problems.add(secret.variable() + " is shorter than " + MINIMUM_SECRET_LENGTH + " characters: it "
                        + secret.protects() + ".");
            }
        }
        if (sandbox && !config.getOptionalValue(SANDBOX_OPT_IN, Boolean.class).orElse(false)) {
            problems.add("PORTAL_PAYMENT_GATEWAY is sandbox, which takes no money: in production it starts only with "
                    + "PORTAL_SANDBOX_GATEWAY_IN_PRODUCTION=true as well (a staging or QA deployment; every page then says so). "
                    + "A clinic taking payments needs a real gateway, or none.");
        }
        for (Setting setting : MAIL_SETTINGS) {
            if (config.getOptionalValue(setting.property(), String.class).filter(v -> !v.isBlank()).isEmpty()) {
                problems.add(setting.variable() + " is not set: " + setting.says() + ".");
            }
        }
        if (config.getOptionalValue("portal.qa.endpoints", Boolean.class).orElse(false)) {
            problems.add("PORTAL_QA_ENDPOINTS is true: the QA routes let clinic staff queue reminders as at any time they choose; "
                    + "unset it outside QA and staging.");
        }
        if (embeddedDatabase) {
            problems.add("QUARKUS_DATASOURCE_JDBC_URL is not set (with QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD): "
                    + "the embedded PostgreSQL is for the demo, a clinic's bookings belong in its own database.");
        }
        return problems;
    }

    /** The settings as Quarkus will see them under these profiles, before Quarkus starts. */
    static SmallRyeConfig settings(List<String> profiles) {
        SmallRyeConfigBuilder builder = packaged(profiles).addSystemSources();
        Path local = Path.of("config", "application.properties");
        if (Files.isRegularFile(local)) {
            try {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + local, e);
            }
        }
        return builder.build();
    }

    /** The demo values as packaged, whatever the environment says. */
    static SmallRyeConfig demoValues() {
        return packaged(List.of("demo")).build();
    }

    private static SmallRyeConfigBuilder packaged(List<String> profiles) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfiles(profiles).addDefaultInterceptors();
        URL packaged = ProductionSafety.class.getClassLoader().getResource("application.properties");
        if (packaged != null) {
            try {
                builder.withSources(new PropertiesConfigSource(packaged, 250));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the packaged application.properties", e);
            }
        }
        return builder;
    }
}
