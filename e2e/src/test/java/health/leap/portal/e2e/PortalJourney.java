package health.leap.portal.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class of browser journeys through the running portal. Each carries the tag {@code journey}
 * ({@code -Dgroups=journey} runs them and no other test), and its journeys the tags of what they
 * do: {@code smoke}, {@code booking}, {@code manage}, {@code packages}, {@code family} (booking for
 * someone else from one's own login), {@code staff}, {@code accessibility}, {@code slow}, and
 * {@code once} for a journey that changes demo data no patient can change back (src/docs/testing.md).
 * <p>
 * Journeys run side by side, each in a browser of its own thread ({@link Chromium}), except those
 * that share a person or a doctor ({@link NeedsLocks}, for the whole class); {@link JourneySeats} says
 * how many at once. The classes of the people most journeys share (Amelia, Isla, Ethan) and the longest
 * classes carry an {@code @Order} so that they start first: a person's classes then follow one another
 * without a gap, and a long journey whose people were all busy is not left to run alone at the end.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({JourneySeats.class, JourneyExtension.class})
@Tag("journey")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = NeedsLocks.class)
@interface PortalJourney {
}
