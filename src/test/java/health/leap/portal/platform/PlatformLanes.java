package health.leap.portal.platform;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The locks of {@link PlatformTest}: its own lane for writing; a journey reads every lane. */
public final class PlatformLanes implements ResourceLocksProvider {

    public static final int LANES = 2;

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        PlatformTest test = testClass.getAnnotation(PlatformTest.class);
        if (test == null || test.lane() < 1 || test.lane() > LANES) {
            throw new IllegalStateException(testClass.getName() + " names no lane from 1 to " + LANES);
        }
        return Set.of(new Lock(lane(test.lane()), ResourceAccessMode.READ_WRITE));
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return Set.of();
    }

    /** What a browser journey holds: every lane, for reading, so that no platform test runs beside it. */
    public static Set<Lock> heldByAJourney() {
        Set<Lock> locks = new LinkedHashSet<>();
        for (int lane = 1; lane <= LANES; lane++) {
            locks.add(new Lock(lane(lane), ResourceAccessMode.READ));
        }
        return locks;
    }

    private static String lane(int lane) {
        return "platform-lane-" + lane;
    }
}
