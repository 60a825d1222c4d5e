package health.leap.portal.booking;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static health.leap.portal.clinic.BookingPolicy.DEFAULTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The policy's hold length, and the QA override that replaces it at every centre or at the centres listed. */
class HoldLengthTest {

    private static final Duration TWENTY_SECONDS = Duration.ofSeconds(20);

    @Test
    void withoutAnOverrideThePolicyDecides() {
        assertEquals(Duration.ofMinutes(10), new HoldLength(Optional.empty(), Optional.empty()).at(1, DEFAULTS));
        assertEquals(Duration.ofMinutes(10), new HoldLength(Optional.empty(), Optional.of(List.of(1L))).at(1, DEFAULTS));
    }

    @Test
    void anOverrideWithoutCentresAppliesEverywhere() {
        HoldLength everywhere = new HoldLength(Optional.of(TWENTY_SECONDS), Optional.empty());
        assertEquals(TWENTY_SECONDS, everywhere.at(1, DEFAULTS));
        assertEquals(TWENTY_SECONDS, everywhere.at(12, DEFAULTS));
    }

    @Test
    void anOverrideWithCentresAppliesOnlyThere() {
        HoldLength dublinOnly = new HoldLength(Optional.of(TWENTY_SECONDS), Optional.of(List.of(3L)));
        assertEquals(TWENTY_SECONDS, dublinOnly.at(3, DEFAULTS));
        assertEquals(Duration.ofMinutes(10), dublinOnly.at(1, DEFAULTS));
    }

    @Test
    void anOverrideMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new HoldLength(Optional.of(Duration.ZERO), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new HoldLength(Optional.of(Duration.ofSeconds(-5)), Optional.empty()));
    }
}
