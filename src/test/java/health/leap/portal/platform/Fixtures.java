package health.leap.portal.platform;

import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * What route tests set up on top of the demo data: a patient of their own with no active
 * bookings, the clock at its default, and answers read as they come (no redirects followed).
 */
@ApplicationScoped
public class Fixtures {

    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    /** Resets the clock and RestAssured, and gives the test patient {@code leadId} of the tenant a clean slate. */
    public void freshPatient(long tenantId, long leadId) {
        clock.reset();
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        sql.update("insert into lead (id, tenant_id, name) values (?, ?, ?) on conflict (id) do nothing",
                leadId, tenantId, "Test patient " + leadId);
        // earlier tests' bookings must not count toward this test's active limit
        sql.update("""
                update appointment set status = 'CANCELLED'
                where lead_id = ? and status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')""", leadId);
    }

    /** The demo slot of a doctor starting at an instant. */
    public long slot(long doctorId, String utcStart) {
        return sql.one("select id from slot where doctor_id = ? and starts_at = ?", rs -> rs.getLong(1), doctorId,
                Instant.parse(utcStart)).orElseThrow(() -> new AssertionError("no slot of " + doctorId + " at " + utcStart));
    }

    public String status(long appointmentId) {
        return sql.one("select status from appointment where id = ?", rs -> rs.getString(1), appointmentId).orElseThrow();
    }
}
