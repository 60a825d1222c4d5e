package health.leap.portal.platform;

import health.leap.portal.booking.ConfirmService;
import health.leap.portal.booking.HoldService;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    @Inject
    HoldService holds;
    @Inject
    ConfirmService confirmations;

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

    /** The patient's hold of a doctor's slot for a service, releasing any hold they had. */
    public long hold(long tenantId, long leadId, long doctorId, long serviceId, String utcStart) {
        return holds.hold(tenantId, leadId, slot(doctorId, utcStart), serviceId, true);
    }

    /** A booking held and confirmed as the patient would, for a service paid nothing online. */
    public long confirmed(long tenantId, long leadId, long doctorId, long serviceId, String utcStart) {
        long id = hold(tenantId, leadId, doctorId, serviceId, utcStart);
        confirmations.confirm(tenantId, leadId, id, null);
        return id;
    }

    /** A booking held, paid in full of what its service asks online (a sandbox payment that succeeded) and confirmed. */
    public long paidAndConfirmed(long tenantId, long leadId, long doctorId, long serviceId, String utcStart) {
        long id = hold(tenantId, leadId, doctorId, serviceId, utcStart);
        QuarkusTransaction.requiringNew().run(() -> {
            long payment = sql.one("""
                    insert into payment (tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at, completed_at)
                    select tenant_id, lead_id, id, amount_due, currency, 'SBX-TEST-' || id, 'SUCCEEDED', ?, ?
                    from appointment where id = ? and amount_due > 0 returning id""", rs -> rs.getLong(1),
                    clock.instant(), clock.instant(), id).orElseThrow(() -> new AssertionError("service " + serviceId + " asks for no payment"));
            sql.update("update appointment set payment_id = ? where id = ?", payment, id);
        });
        confirmations.confirm(tenantId, leadId, id, null);
        return id;
    }

    public String status(long appointmentId) {
        return sql.one("select status from appointment where id = ?", rs -> rs.getString(1), appointmentId).orElseThrow();
    }
}
