package health.leap.portal.platform;

import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.demo.DemoData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo data is loaded at the test clock's instant when the application starts. */
@QuarkusTest
@Order(1)
class DemoDataTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Sql sql;

    @Inject
    DemoData demoData;

    @Test
    void bothClinicsHaveTheirCentres() {
        assertEquals(List.of("1:1", "1:2", "1:3", "2:11", "2:12"), sql.list(
                "select t.id || ':' || c.id from tenant t join centre c on c.tenant_id = t.id where t.id in (1, 2) order by t.id, c.id",
                rs -> rs.getString(1)));
    }

    @Test
    void everyPaymentModeIsOffered() {
        assertEquals(Set.of("NONE", "TOKEN", "ADVANCE", "FULL"), strings(
                "select distinct payment_mode from service where tenant_id in (1, 2)"));
    }

    @Test
    void someDoctorApprovesBookingsByHand() {
        assertTrue(sql.one("select count(*) from doctor where tenant_id in (1, 2) and requires_approval",
                rs -> rs.getInt(1)).orElseThrow() > 0);
    }

    /** Crosses the switch to summer time on 29 March: slots must stay at 09:00–16:30 London time. */
    @Test
    void doctorRamanHasThirteenSlotsOnEveryWeekdayOfTheNextThirtyDays() {
        LocalDate today = LocalDate.ofInstant(TestClock.DEFAULT, LONDON);
        Map<LocalDate, List<LocalTime>> byDay = new LinkedHashMap<>();
        sql.list("""
                select (starts_at at time zone 'Europe/London')::date as day, (starts_at at time zone 'Europe/London')::time as at
                from slot where doctor_id = 201 and centre_id = 1
                  and (starts_at at time zone 'Europe/London')::date between ? and ?
                order by starts_at""",
                rs -> byDay.computeIfAbsent(Sql.date(rs, "day"), d -> new ArrayList<>()).add(Sql.time(rs, "at")),
                today, today.plusDays(29));
        for (LocalDate day = today; day.isBefore(today.plusDays(30)); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            List<LocalTime> times = byDay.getOrDefault(day, List.of());
            assertEquals(weekend ? 0 : 13, times.size(), "slots on " + day);
            if (!weekend) {
                assertEquals(LocalTime.of(9, 0), times.get(0), "first slot on " + day);
                assertEquals(LocalTime.of(16, 30), times.get(12), "last slot on " + day);
            }
        }
    }

    /**
     * Every status is on some timeline. Not every one is still current: the jobs tidy the demo's past
     * once it is loaded, and at the clock's Monday morning Oliver's arrival of last Friday is completed.
     */
    @Test
    void theHistoryShowsEveryAppointmentStatus() {
        assertEquals(Set.of("DRAFT", "PENDING_APPROVAL", "CONFIRMED", "CHECKED_IN", "COMPLETED", "CANCELLED",
                "EXPIRED", "RESCHEDULED"), strings("select distinct to_status from appointment_event where appointment_id < 100000"));
    }

    /** Each timeline is a chain of transitions, in the past, that ends in the appointment's status. */
    @Test
    void everyTimelineTellsHowItsAppointmentGotThere() {
        record Step(long appointment, String status, String from, String to, boolean inFuture) {
        }
        List<Step> steps = sql.list("""
                select a.id, a.status, e.from_status, e.to_status, e.at > ? as in_future
                from appointment a join appointment_event e on e.appointment_id = a.id
                where a.id < 100000 order by a.id, e.at, e.id""",
                rs -> new Step(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)),
                TestClock.DEFAULT);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean first = i == 0 || steps.get(i - 1).appointment() != step.appointment();
            boolean last = i == steps.size() - 1 || steps.get(i + 1).appointment() != step.appointment();
            assertEquals(first ? null : steps.get(i - 1).to(), step.from(), "appointment " + step.appointment());
            assertTrue(AppointmentStatus.allows(step.from() == null ? null : AppointmentStatus.valueOf(step.from()),
                    AppointmentStatus.valueOf(step.to())), "appointment " + step.appointment() + ": a move the lifecycle allows");
            if (last) {
                assertEquals(step.status(), step.to(), "appointment " + step.appointment());
            }
            assertFalse(step.inFuture(), "appointment " + step.appointment() + " has an event after now");
        }
    }

    @Test
    void everyPackageStatusAppears() {
        assertEquals(Set.of("ACTIVE", "EXHAUSTED", "EXPIRED", "CANCELLED"),
                strings("select distinct status from patient_package where id < 100000"));
    }

    @Test
    void loadingTwiceChangesNothing() {
        Map<String, Long> before = rowCounts();
        demoData.load();
        assertEquals(before, rowCounts());
    }

    private Map<String, Long> rowCounts() {
        List<String> tables = sql.list("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""",
                rs -> rs.getString(1));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, sql.one("select count(*) from \"" + table + "\"", rs -> rs.getLong(1)).orElseThrow());
        }
        return counts;
    }

    private Set<String> strings(String query) {
        return new HashSet<>(sql.list(query, rs -> rs.getString(1)));
    }
}
