package health.leap.portal.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * V10 on a clinic's existing bookings (issue 29): each takes its service's length, except an active one
 * that would then run into the next active booking of its doctor, which keeps its slot's end so that
 * nobody's visit is moved and the new constraint holds.
 */
class ClinicBookMigrationTest {

    static EmbeddedDatabase database;

    @BeforeAll
    static void bookingsMadeBeforeV10() throws SQLException {
        database = EmbeddedDatabase.startThrowaway();
        Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER)
                .locations("classpath:db/migration").target(MigrationVersion.fromVersion("9")).load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into tenant (id, name, timezone) values (1, 'T', 'Europe/London');
                    insert into centre (id, tenant_id, name, address, timezone) values (1, 1, 'C', 'A', 'Europe/London');
                    insert into doctor (id, tenant_id, name, specialty) values (1, 1, 'D', 'Physio');
                    insert into service (id, tenant_id, name, duration_minutes, fee, currency, payment_mode)
                        values (1, 1, 'Physiotherapy', 45, 0, 'GBP', 'NONE');
                    insert into lead (id, tenant_id, name) values (1, 1, 'P1'), (2, 1, 'P2'), (3, 1, 'P3');
                    insert into slot (id, tenant_id, doctor_id, centre_id, starts_at, ends_at)
                    select h, 1, 1, 1, timestamptz '2026-03-02T09:00Z' + (h - 1) * interval '30 minutes',
                           timestamptz '2026-03-02T09:30Z' + (h - 1) * interval '30 minutes'
                    from generate_series(1, 8) h;
                    """);
            String booking = """
                    insert into appointment (id, tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                             status, hold_expires_at, currency, created_at, updated_at)
                    select %d, 1, %d, s.id, 1, 1, 1, s.starts_at, s.ends_at, '%s', now(), 'GBP', now(), now()
                    from slot s where s.id = %d""";
            // 09:00 runs into 09:30's booking; 09:30 and 11:00 have room; 10:00's cancelled booking is history
            s.execute(booking.formatted(1, 1, "CONFIRMED", 1));
            s.execute(booking.formatted(2, 2, "CONFIRMED", 2));
            s.execute(booking.formatted(3, 3, "CANCELLED", 3));
            s.execute(booking.formatted(4, 3, "DRAFT", 5));
            s.execute(booking.formatted(5, 1, "COMPLETED", 7));
        }
        Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER)
                .locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER);
    }

    @Test
    void bookingsTakeTheirServicesLengthWhereThatCollidesWithNobody() throws SQLException {
        Map<Long, String> ends = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, to_char(ends_at at time zone 'UTC', 'HH24:MI') from appointment where id < 100 order by id")) {
            while (rs.next()) {
                ends.put(rs.getLong(1), rs.getString(2));
            }
        }
        assertEquals(Map.of(1L, "09:30", 2L, "10:15", 3L, "10:45", 4L, "11:45", 5L, "12:45"), ends,
                "09:00 keeps its slot's end (09:30 is booked); the others end with their service");
    }

    @Test
    void afterwardsTheDatabaseRefusesOverlappingActiveBookingsOfOneDoctor() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("""
                    insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                             status, currency, created_at, updated_at)
                    values (1, 3, 3, 1, 1, 1, '2026-03-02T10:00Z', '2026-03-02T10:45Z', 'CONFIRMED', 'GBP', now(), now())"""));
            assertEquals("23P01", refused.getSQLState(), "09:30's booking now runs to 10:15");
            // the free-time reads look eight hours back for an overlapping booking: none lasts longer
            SQLException tooLong = assertThrows(SQLException.class, () -> s.execute("""
                    insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                             status, currency, created_at, updated_at)
                    values (1, 3, 8, 1, 1, 1, '2026-03-02T12:30Z', '2026-03-02T20:31Z', 'CANCELLED', 'GBP', now(), now())"""));
            assertEquals("23514", tooLong.getSQLState(), "a check violation");
            s.execute("""
                    insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                             status, currency, created_at, updated_at)
                    values (1, 3, 4, 1, 1, 1, '2026-03-02T10:30Z', '2026-03-02T11:15Z', 'NO_SHOW', 'GBP', now(), now())""");
        }
    }
}
