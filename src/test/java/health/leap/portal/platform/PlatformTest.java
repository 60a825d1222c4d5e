package health.leap.portal.platform;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the packaged portal on a platform of its own: the production start, two instances, a
 * fault case. It carries the tag {@code platform}, and it runs in one of {@link PlatformLanes#LANES}
 * lanes: two platform tests of different lanes run side by side, two of one lane one after the other,
 * and none beside a browser journey (the journeys hold every lane for reading; these tests time how
 * their own portals start and recover, and two cores with four browsers beside them made a 43 s case
 * take 127 to 147 s). The test command runs them in an execution of their own, between the journeys'
 * two runs (pom.xml, profile journeys-twice).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("platform")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = PlatformLanes.class)
public @interface PlatformTest {

    /** The lane, 1 or 2: the lanes are balanced by the cases' measured times (src/docs/testing.md). */
    int lane();
}
