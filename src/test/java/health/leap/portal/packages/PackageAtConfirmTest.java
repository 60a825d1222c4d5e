package health.leap.portal.packages;

import health.leap.portal.booking.HoldService;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.staff.ApprovalService;
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

/** A package paying for a visit at confirmation, on demo packages 302 (dermatology at centre 1) and 303 (GP, centres 1–3). */
@QuarkusTest
@TestSecurity(user = "p6091", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6091")})
class PackageAtConfirmTest {

    static final long LEAD = 6091;

    @Inject
    Sql sql;
    @Inject
    HoldService holds;
    @Inject
    ApprovalService approvals;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
    }

    long onePackage(long packageId, String validUntil) {
        return sql.one("""
                insert into patient_package (tenant_id, lead_id, package_id, status, sessions_total, sessions_used,
                                             valid_from, valid_until, purchased_at)
                values (1, ?, ?, 'ACTIVE', 1, 0, '2026-01-01T00:00:00Z', ?, '2026-01-01T00:00:00Z') returning id""",
                rs -> rs.getLong(1), LEAD, packageId, Instant.parse(validUntil)).orElseThrow();
    }

    long hold(long doctor, long service, String utcStart) {
        return holds.hold(1, LEAD, fixtures.slot(doctor, utcStart), service, true);
    }

    String packageStatus(long id) {
        return sql.one("select status || ' ' || sessions_used from patient_package where id = ?", rs -> rs.getString(1), id).orElseThrow();
    }

    @Test
    void theLastSessionPaysAndExhaustsThePackage() {
        long pkg = onePackage(303, "2026-06-01T00:00:00Z");
        long first = hold(201, 101, "2026-03-20T10:00:00Z");
        given().when().get("/appointments/" + first).then().statusCode(200)
                .body(containsString("Pay with a package session"), containsString("GP care plan · 1 of 1 sessions left"));
        given().formParam("package", pkg).when().post("/appointments/" + first + "/confirm").then().statusCode(303);
        assertEquals("EXHAUSTED 1", packageStatus(pkg));
        given().when().get("/appointments/" + first).then().body(containsString("paid with GP care plan"));
        assertEquals(1, sql.one("select count(*) from package_redemption where appointment_id = ? and reversed_at is null",
                rs -> rs.getInt(1), first).orElseThrow());

        long second = hold(201, 101, "2026-03-20T10:30:00Z");
        given().when().get("/appointments/" + second).then().body(not(containsString("GP care plan ·")));
        given().formParam("package", pkg).when().post("/appointments/" + second + "/confirm").then().statusCode(422)
                .body(containsString("data-error-code=\"PACKAGE_NOT_APPLICABLE\""));
        assertEquals("DRAFT", sql.one("select status from appointment where id = ?", rs -> rs.getString(1), second).orElseThrow());
    }

    @Test
    void aPackageOutsideItsValidityOrForAnotherServiceDoesNotApply() {
        long expired = onePackage(303, "2026-03-02T07:59:00Z");
        long dermatology = onePackage(302, "2026-06-01T00:00:00Z");
        long id = hold(201, 101, "2026-03-23T10:00:00Z");
        given().formParam("package", expired).when().post("/appointments/" + id + "/confirm").then().statusCode(422);
        given().formParam("package", dermatology).when().post("/appointments/" + id + "/confirm").then().statusCode(422);
        given().formParam("package", 405).when().post("/appointments/" + id + "/confirm").then().statusCode(403);
        given().formParam("package", 987654321).when().post("/appointments/" + id + "/confirm").then().statusCode(404);
        given().formParam("package", "x").when().post("/appointments/" + id + "/confirm").then().statusCode(400);
        assertEquals("ACTIVE 0", packageStatus(dermatology));
    }

    /** The plan runs to Monday 23 March: it pays for a visit on the 19th, not for one on the 27th. */
    @Test
    void aPackageEndingBeforeTheVisitIsNeitherOfferedNorTaken() {
        long pkg = onePackage(303, "2026-03-23T00:00:00Z");
        long late = hold(201, 101, "2026-03-27T11:00:00Z");
        given().when().get("/appointments/" + late).then().statusCode(200)
                .body(not(containsString("Pay with a package session")), not(containsString("GP care plan ·")));
        given().formParam("package", pkg).when().post("/appointments/" + late + "/confirm").then().statusCode(422)
                .body(containsString("data-error-code=\"PACKAGE_EXPIRES_BEFORE_VISIT\""), containsString(
                        "Your GP care plan is valid until Mon 23 Mar 2026, 00:00 GMT (Europe/London), before this visit begins"));
        given().header("HX-Request", "true").formParam("package", pkg).when().post("/appointments/" + late + "/confirm")
                .then().statusCode(422).body(not(containsString("<html")),
                        containsString("data-error-code=\"PACKAGE_EXPIRES_BEFORE_VISIT\""));
        assertEquals("DRAFT", sql.one("select status from appointment where id = ?", rs -> rs.getString(1), late).orElseThrow());
        assertEquals("ACTIVE 0", packageStatus(pkg));

        // which package pays for a visit on a given day: judged on that day
        given().queryParam("service", 101).queryParam("centre", 1).queryParam("date", "2026-03-27")
                .when().get("/packages/applicable").then().statusCode(200)
                .body(not(containsString("href=\"/packages/" + pkg + "\"")), containsString("value=\"2026-03-27\""),
                        containsString("None of your packages can pay for General consultation at London Bridge on Friday 27 March 2026"));
        given().header("HX-Request", "true").queryParam("service", 101).queryParam("centre", 1).queryParam("date", "2026-03-27")
                .when().get("/packages/applicable").then().statusCode(200)
                .body(not(containsString("<html")), not(containsString("href=\"/packages/" + pkg + "\"")));
        for (String day : new String[] {"2026-03-19", ""}) {
            given().queryParam("service", 101).queryParam("centre", 1).queryParam("date", day)
                    .when().get("/packages/applicable").then().statusCode(200).body(containsString("href=\"/packages/" + pkg + "\""));
        }
        given().queryParam("service", 101).queryParam("centre", 1).queryParam("date", "27/03/2026")
                .when().get("/packages/applicable").then().statusCode(400).body(containsString("data-error-code=\"BAD_REQUEST\""));

        long early = hold(201, 101, "2026-03-19T11:00:00Z");
        given().when().get("/appointments/" + early).then().statusCode(200)
                .body(containsString("GP care plan · 1 of 1 sessions left"));
        given().formParam("package", pkg).when().post("/appointments/" + early + "/confirm").then().statusCode(303);
        assertEquals("EXHAUSTED 1", packageStatus(pkg));
    }

    @Test
    void aDeclinedBookingGivesTheSessionBack() {
        long pkg = onePackage(302, "2026-06-01T00:00:00Z");
        long id = hold(203, 103, "2026-03-24T10:00:00Z");
        given().formParam("package", pkg).when().post("/appointments/" + id + "/confirm").then().statusCode(303);
        assertEquals("PENDING_APPROVAL", sql.one("select status from appointment where id = ?", rs -> rs.getString(1), id).orElseThrow());
        assertEquals("EXHAUSTED 1", packageStatus(pkg));
        approvals.decline(1, "staff.harbour", id, "The surgery is closed for refurbishment that week.");
        assertEquals("ACTIVE 0", packageStatus(pkg));
        assertEquals(0, sql.one("select count(*) from package_redemption where appointment_id = ? and reversed_at is null",
                rs -> rs.getInt(1), id).orElseThrow());
    }
}
