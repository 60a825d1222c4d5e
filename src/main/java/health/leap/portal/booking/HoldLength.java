package health.leap.portal.booking;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.platform.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How long a new hold keeps its slot: the centre's booking policy decides, unless the deployment
 * sets {@code portal.booking.hold-override} for QA or staging, so that a browser journey can watch
 * a hold run out in seconds instead of ten minutes. {@code portal.booking.hold-override-centres}
 * limits the override to some centres; without it, every centre holds for the override.
 */
@ApplicationScoped
public class HoldLength {

    private final Optional<Duration> override;
    private final Optional<Set<Long>> centres;

    @Inject
    public HoldLength(PortalConfig config) {
        this(config.booking().holdOverride(), config.booking().holdOverrideCentres());
    }

    HoldLength(Optional<Duration> override, Optional<List<Long>> centres) {
        override.filter(length -> length.isZero() || length.isNegative()).ifPresent(length -> {
            throw new IllegalArgumentException("portal.booking.hold-override must be a positive duration, not " + length);
        });
        this.override = override;
        this.centres = centres.map(Set::copyOf);
    }

    /** The hold length at a centre whose effective policy is {@code policy}. */
    public Duration at(long centreId, BookingPolicy policy) {
        return override.filter(length -> centres.map(ids -> ids.contains(centreId)).orElse(true))
                .orElse(policy.hold());
    }
}
