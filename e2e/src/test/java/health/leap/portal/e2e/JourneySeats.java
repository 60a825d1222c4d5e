package health.leap.portal.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.Semaphore;

/**
 * How many journey classes run at once ({@code e2e.parallel}, 4 by default): a class takes a seat
 * before its first journey and gives it back after its last.
 * <p>
 * JUnit's pool has more threads than seats ({@code e2e.threads}, pom.xml) because a thread whose
 * class waits for a person or a doctor another journey holds ({@link NeedsLocks}) blocks until it is
 * free: with as many threads as seats, the classes next in line behind the accessibility sweep all
 * waited for Amelia while nothing else ran (measured: the first two minutes of a run, one journey
 * at a time). A class waiting for its locks holds no seat, so the others fill the seats meanwhile.
 * Seats are handed out in the order they were asked for, each with a browser ({@link Chromium}).
 */
final class JourneySeats implements BeforeAllCallback, AfterAllCallback {

    private static final Semaphore SEATS = new Semaphore(Integer.getInteger("e2e.parallel", 4), true);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JourneySeats.class);

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        SEATS.acquire();
        context.getStore(NAMESPACE).put(JourneySeats.class, Boolean.TRUE);
        Chromium.claim();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).remove(JourneySeats.class, Boolean.class) != null) {
            Chromium.giveBack();
            SEATS.release();
        }
    }
}
