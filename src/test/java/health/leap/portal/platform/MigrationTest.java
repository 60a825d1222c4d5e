package health.leap.portal.platform;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations on an empty PostgreSQL of their own, and the slot rule enforced by the database itself. */
class MigrationTest {

    static EmbeddedDatabase database;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        database = EmbeddedDatabase.startThrowaway();
        Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER)
                .locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER);
    }

    @Test
    void everyTableOfTheDomainExistsAndCarriesTenantId() throws SQLException {
        List<String> withoutTenant = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     select t.table_name from information_schema.tables t
                     where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                       -- rate_limit is the rate limiter's own state, keyed by caller; the sandbox gateway's
                       -- books stand for a gateway's own, keyed by its references
                       and t.table_name not in ('flyway_schema_history', 'tenant', 'booking_policy', 'package_service', 'package_centre',
                                                'rate_limit', 'sandbox_gateway_ledger')
                       and not exists (select 1 from information_schema.columns c
                                       where c.table_name = t.table_name and c.column_name = 'tenant_id')""")) {
            while (rs.next()) {
                withoutTenant.add(rs.getString(1));
            }
        }
        assertEquals(List.of(), withoutTenant);
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 17, "tables: " + rs.getInt(1));
        }
    }

    @Test
    void aSlotCannotHoldTwoActiveAppointmentsButMayKeepItsHistory() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into tenant (id, name, timezone) values (1, 'T', 'Europe/London');
                    insert into centre (id, tenant_id, name, address, timezone) values (1, 1, 'C', 'A', 'Europe/London');
                    insert into doctor (id, tenant_id, name, specialty) values (1, 1, 'D', 'GP');
                    insert into service (id, tenant_id, name, duration_minutes, fee, currency, payment_mode)
                        values (1, 1, 'S', 20, 0, 'GBP', 'NONE');
                    insert into slot (id, tenant_id, doctor_id, centre_id, starts_at, ends_at)
                        values (1, 1, 1, 1, '2026-03-02T10:00Z', '2026-03-02T10:30Z');
                    insert into lead (id, tenant_id, name) values (1, 1, 'P1'), (2, 1, 'P2');
                    """);
            String appointment = """
                    insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                             status, hold_expires_at, currency, created_at, updated_at)
                    values (1, %d, 1, 1, 1, 1, '2026-03-02T10:00Z', '2026-03-02T10:30Z', '%s', now(), 'GBP', now(), now())""";
            s.execute(appointment.formatted(1, "CANCELLED"));
            s.execute(appointment.formatted(1, "EXPIRED"));
            s.execute(appointment.formatted(1, "CONFIRMED"));
            for (String active : List.of("DRAFT", "PENDING_APPROVAL", "CONFIRMED", "CHECKED_IN")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(appointment.formatted(2, active)));
                assertEquals("23505", refused.getSQLState(), active);
            }
        }
    }
}
