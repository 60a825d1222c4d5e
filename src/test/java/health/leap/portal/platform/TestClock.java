package health.leap.portal.platform;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The clock every test moves instead of sleeping. Replaces the system clock in tests. */
@Singleton
public class TestClock extends Clock {

    /** A Monday morning in winter: London is on GMT, New York on EST. */
    public static final Instant DEFAULT = Instant.parse("2026-03-02T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(DEFAULT);

    public void set(Instant instant) {
        now.set(instant);
    }

    public void reset() {
        now.set(DEFAULT);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the portal reads instants; zones come from centres");
    }
}
