package health.leap.portal.booking;

import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two sweepers at once, as two portal instances would run them, on 60 passed holds. */
@QuarkusTest
class HoldExpiryTest {

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    HoldService holds;
    @Inject
    HoldExpiry expiry;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @Test
    void concurrentSweepsExpireEachHoldExactlyOnce() throws Exception {
        // Dr Priya Raman's (201) slots at London Bridge in the last week of the horizon, one patient each
        List<Long> slots = sql.list("""
                select id from slot where doctor_id = 201 and centre_id = 1
                  and starts_at >= '2026-03-25T00:00:00Z' and starts_at < '2026-04-01T08:00:00Z'
                order by starts_at limit 60""", rs -> rs.getLong(1));
        assertEquals(60, slots.size());
        for (int i = 0; i < slots.size(); i++) {
            long lead = 7000 + i;
            sql.update("insert into lead (id, tenant_id, name) values (?, 1, 'Sweep patient') on conflict (id) do nothing", lead);
            holds.hold(1, lead, slots.get(i), 101, true);
        }
        clock.advance(Duration.ofMinutes(11));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Integer> sweeper = () -> {
            int total = 0;
            for (int n = expiry.expireBatch(25); n > 0; n = expiry.expireBatch(25)) {
                total += n;
            }
            return total;
        };
        List<Future<Integer>> runs = pool.invokeAll(List.of(sweeper, sweeper));
        int expired = runs.get(0).get() + runs.get(1).get();
        pool.shutdown();

        // other tests' passed holds may be swept too; ours must each be swept once
        assertTrue(expired >= 60, "expired " + expired);
        assertEquals(0, sql.one("select count(*) from appointment where lead_id between 7000 and 7059 and status = 'DRAFT'",
                rs -> rs.getInt(1)).orElseThrow());
        assertEquals(60, sql.one("""
                select count(*) from appointment_event e join appointment a on a.id = e.appointment_id
                where a.lead_id between 7000 and 7059 and e.to_status = 'EXPIRED' and e.actor_type = 'SYSTEM'""",
                rs -> rs.getInt(1)).orElseThrow());
    }

    @Test
    void aCentreCanOverrideItsTenantsRules() {
        // Dublin Docklands (centre 3) asks for 4 hours ahead instead of Harbour Health's 2.
        sql.update("insert into lead (id, tenant_id, name) values (7200, 1, 'Dublin patient') on conflict (id) do nothing");
        long in3h = sql.one("select id from slot where doctor_id = 205 and starts_at = ?", rs -> rs.getLong(1),
                Instant.parse("2026-03-03T12:00:00Z")).orElseThrow();
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        Problem refused = assertThrows(Problem.class, () -> holds.hold(1, 7200, in3h, 101, true));
        assertEquals(ErrorCode.TOO_SOON, refused.code());
        assertEquals("Appointments must be booked at least 4 hours ahead. Please choose a later time.", refused.getMessage());
        clock.set(Instant.parse("2026-03-03T07:59:00Z"));
        holds.hold(1, 7200, in3h, 101, true);
    }
}
