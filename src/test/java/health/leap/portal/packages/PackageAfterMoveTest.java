package health.leap.portal.packages;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A session of a GP care plan (definition 303: general consultations at centres 1–3) moved with its
 * booking: judged at the new time, and used where the booking now takes place.
 */
@QuarkusTest
@TestSecurity(user = "p6093", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6093")})
class PackageAfterMoveTest {

    static final long LEAD = 6093;

    @Inject
    Sql sql;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
    }

    long plan(String validUntil) {
        return PackageFixtures.patientPackage(sql, LEAD, 303, "ACTIVE", 5, 0, "2026-01-01T00:00:00Z", validUntil);
    }

    /** A general consultation with Dr Raman at London Bridge, paid with a session of the plan. */
    long paidWith(long pkg, String utcStart) {
        long id = fixtures.hold(1, LEAD, 201, 101, utcStart);
        given().formParam("package", pkg).when().post("/appointments/" + id + "/confirm").then().statusCode(303);
        return id;
    }

    long movedTo(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    Long redeemedBy(long pkg) {
        return sql.one("select appointment_id from package_redemption where patient_package_id = ? and reversed_at is null",
                rs -> rs.getLong(1), pkg).orElseThrow();
    }

    @Test
    void aMovePastThePackagesEndIsRefusedAndTheBookingStays() {
        long pkg = plan("2026-03-21T00:00:00Z");
        long id = paidWith(pkg, "2026-03-17T11:00:00Z");

        given().formParam("slot", fixtures.slot(201, "2026-03-24T11:00:00Z")).when().post("/appointments/" + id + "/reschedule")
                .then().statusCode(422).body(containsString("data-error-code=\"PACKAGE_EXPIRES_BEFORE_VISIT\""), containsString(
                        "This booking is paid with your GP care plan, which is valid until Sat 21 Mar 2026, 00:00 GMT (Europe/London), before the new time."));
        given().header("HX-Request", "true").formParam("slot", fixtures.slot(201, "2026-03-24T11:00:00Z"))
                .when().post("/appointments/" + id + "/reschedule").then().statusCode(422)
                .body(not(containsString("<html")), containsString("data-error-code=\"PACKAGE_EXPIRES_BEFORE_VISIT\""));
        assertEquals("CONFIRMED", fixtures.status(id));
        assertEquals(0, sql.one("select count(*) from appointment where rescheduled_from_id = ?", rs -> rs.getInt(1), id).orElseThrow());
        assertEquals(Instant.parse("2026-03-17T11:00:00Z"),
                sql.one("select starts_at from appointment where id = ?", rs -> rs.getTimestamp(1).toInstant(), id).orElseThrow());
        assertEquals(id, redeemedBy(pkg));
        assertEquals("ACTIVE 1", sql.one("select status || ' ' || sessions_used from patient_package where id = ?",
                rs -> rs.getString(1), pkg).orElseThrow());

        // a time before the end is fine, and the session goes with the booking
        long moved = movedTo(given().formParam("slot", fixtures.slot(201, "2026-03-19T11:00:00Z"))
                .when().post("/appointments/" + id + "/reschedule").then().statusCode(303).extract().header("Location"));
        assertEquals("CONFIRMED", fixtures.status(moved));
        assertEquals(moved, redeemedBy(pkg));
    }

    @Test
    void theSessionsUsedNameTheCentreTheBookingMovedTo() {
        long pkg = plan("2026-06-01T00:00:00Z");
        long id = paidWith(pkg, "2026-03-18T11:00:00Z");
        // Dr Byrne sees patients at Dublin Docklands, which the plan covers too
        long moved = movedTo(given().formParam("slot", fixtures.slot(205, "2026-03-18T14:00:00Z"))
                .when().post("/appointments/" + id + "/reschedule").then().statusCode(303).extract().header("Location"));
        assertEquals(moved, redeemedBy(pkg));
        assertEquals(3L, sql.one("select centre_id from package_redemption where patient_package_id = ?", rs -> rs.getLong(1), pkg)
                .orElseThrow());

        for (String page : new String[] {"/packages/" + pkg + "/redemptions", "/packages/" + pkg}) {
            given().when().get(page).then().statusCode(200)
                    .body(containsString("General consultation at Dublin Docklands"), not(containsString("at London Bridge")),
                            containsString("href=\"/appointments/" + moved + "\">visit of Wed 18 Mar 2026, 14:00 GMT (Europe/Dublin)"),
                            containsString("GMT (Europe/Dublin)"));
        }
    }
}
