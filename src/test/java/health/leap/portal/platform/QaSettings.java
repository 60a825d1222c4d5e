package health.leap.portal.platform;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The settings the browser journeys run the portal with (holds at Dublin Docklands, centre 3, last
 * 20 seconds) and the SPEC's rate limits, which the other route tests raise. Every test with a
 * profile uses this one and runs last ({@code @Order(Integer.MAX_VALUE)}), so Quarkus restarts once.
 */
public class QaSettings implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.booking.hold-override", "PT20S", "portal.booking.hold-override-centres", "3",
                "portal.rate-limit.requests-per-minute", "120", "portal.rate-limit.writes-per-minute", "20");
    }
}
