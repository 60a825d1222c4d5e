package health.leap.portal.faults;

import java.time.Duration;

/** Small shared helpers of the fault suite. */
final class Faults {

    private Faults() {
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How long the load runs around each fault: short in the README's test command, longer with -Dfaults.long=true. */
    static Duration load(Duration standard, Duration longer) {
        return Boolean.getBoolean("faults.long") ? longer : standard;
    }

    static int scale(int standard, int longer) {
        return Boolean.getBoolean("faults.long") ? longer : standard;
    }
}
