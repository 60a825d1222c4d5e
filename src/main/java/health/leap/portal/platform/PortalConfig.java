package health.leap.portal.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code portal.*} setting, typed, in one place (environment variables: {@code PORTAL_...}).
 * The settings table in src/docs/configuration.md names each. How often the jobs run is declared
 * here too, so that every key is in one place; their {@code @Scheduled} expressions read those keys,
 * with the defaults.
 */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** Loads the demo clinic into an empty database at start. */
    @WithDefault("false")
    boolean demoData();

    /** Signs the history's cursors, so a patient cannot forge one. */
    String cursorSecret();

    /**
     * The payment gateway: {@code sandbox} (no money moves; every page says so) or {@code none}, where
     * the portal refuses to start while a service asks for payment.
     */
    @WithDefault("none")
    String paymentGateway();

    /**
     * Where patients reach the portal (scheme, host and any port, no trailing slash): links in emails
     * point here. Production must set it.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Mail mail();

    Accounts accounts();

    Qa qa();

    Claims claims();

    Auth auth();

    Booking booking();

    Payments payments();

    SandboxGateway sandboxGateway();

    RateLimit rateLimit();

    Jobs holdExpiry();

    Jobs visitCompletion();

    Jobs refundSettlement();

    Jobs paymentSweep();

    Jobs packageExpiry();

    /** Names of the token claims that carry the patient's tenant and lead. */
    interface Claims {
        String tenant();

        String lead();
    }

    interface Auth {
        /** A bearer token the OIDC extension verified is let in from memory this long (0 turns it off). */
        @WithDefault("PT60S")
        Duration verifiedBearerFor();
    }

    interface Booking {
        /** QA and staging only: hold a slot this long instead of the policy's hold length. */
        Optional<Duration> holdOverride();

        /** The centres the override applies at; all when unset. */
        Optional<List<Long>> holdOverrideCentres();
    }

    interface Payments {
        /** A payment still STARTED this long after it began is asked about at the gateway. */
        @WithDefault("PT20M")
        Duration unfinishedAfter();
    }

    interface SandboxGateway {
        /** Signs the sandbox's answers, so a forged one is refused; needed only where the sandbox is chosen. */
        Optional<String> secret();

        /** A refund the sandbox was asked for completes on its own this long after. */
        @WithDefault("PT1M")
        Duration refundSettlesAfter();

        /**
         * The sandbox chosen on purpose in the production profile (a staging or QA deployment): without
         * it production refuses the sandbox ({@code ProductionSafety}); with it every page says so.
         */
        @WithDefault("false")
        boolean inProduction();
    }

    interface RateLimit {
        @WithDefault("120")
        long requestsPerMinute();

        @WithDefault("20")
        long writesPerMinute();

        @WithDefault("1m")
        String cleanupEvery();
    }

    /**
     * The identity provider's accounts, kept in step with a patient's record when their email changes:
     * Keycloak's admin API, through a client of the realm with a service account that may only view and
     * manage users (client credentials). The realm itself is the OIDC one ({@code quarkus.oidc.auth-server-url}).
     */
    interface Accounts {
        /** The service-account client of the realm. */
        @WithDefault("portal-accounts")
        String clientId();

        /** Its secret; production refuses to start without one of its own. */
        Optional<String> clientSecret();

        /** An admin call that takes longer gives up, and the change is refused with nothing written. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Qa {
        /** QA and staging only: the routes under /qa (the reminder rule's test clock). Production refuses to start with it. */
        @WithDefault("false")
        boolean endpoints();
    }

    interface Mail {
        /** How often the sender sends what is due. */
        @WithDefault("5s")
        String sendEvery();

        /** How often reminders that have come due are queued. */
        @WithDefault("1m")
        String remindersEvery();

        /** A message the mail server refused or could not take is tried this many times in all, then marked failed. */
        @WithDefault("10")
        int maxAttempts();

        /** The wait after a first failed attempt; it doubles with each further one, up to an hour. */
        @WithDefault("PT30S")
        Duration retryAfter();
    }

    /** How often a job runs (a Quarkus Scheduler period such as 30s or 5m). */
    interface Jobs {
        Optional<String> every();
    }
}
