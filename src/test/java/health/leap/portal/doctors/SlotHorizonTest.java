package health.leap.portal.doctors;

import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slots are laid out as far ahead as the longest maximum advance a clinic allows, up to a year. */
@QuarkusTest
class SlotHorizonTest {

    @Inject
    SlotGenerator generator;
    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    @Test
    void aClinicThatTakesBookingsAYearAheadHasSlotsAYearAhead() {
        clock.reset();
        assertEquals(SlotGenerator.DAYS_AHEAD, generator.daysAhead());
        sql.update("update centre_booking_policy set max_advance_days = 366 where centre_id = 3");
        try {
            assertEquals(366 + SlotGenerator.DAYS_PAST_LONGEST_ADVANCE, generator.daysAhead());
            generator.fillHorizon();
            // Dr Aoife Byrne (205) works in Dublin on weekdays: her last week within 366 days is laid out
            assertTrue(sql.one("select count(*) from slot where doctor_id = 205 and starts_at between ? and ?",
                    rs -> rs.getInt(1), clock.instant().plus(Duration.ofDays(359)), clock.instant().plus(Duration.ofDays(366)))
                    .orElseThrow() >= 5 * 13, "a week of Dr Byrne's slots a year ahead");
        } finally {
            sql.update("update centre_booking_policy set max_advance_days = null where centre_id = 3");
        }
    }
}
