package health.leap.portal.packages;

import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static health.leap.portal.packages.PackageFixtures.packageIds;
import static health.leap.portal.packages.PackageFixtures.patientPackage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which of patient 6402's packages pay for a service at a centre, at each edge. Demo definitions:
 * 301 physiotherapy (102) at centres 1–2, 302 dermatology (103) at centre 1, 303 GP (101) at centres 1–3.
 */
@QuarkusTest
@TestSecurity(user = "p6402", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6402")})
class PackageApplicabilityTest {

    static final long LEAD = 6402;

    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        PackageFixtures.patientWithoutPackages(sql, LEAD);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    List<Long> applicable(long service, long centre) {
        return packageIds(given().queryParam("service", service).queryParam("centre", centre).when()
                .get("/packages/applicable").then().statusCode(200).extract().asString());
    }

    @Test
    void aPackageAppliesUntilTheLastMinuteOfItsValidity() {
        long gp = patientPackage(sql, LEAD, 303, "ACTIVE", 4, 1, "2026-01-01T00:00:00Z", "2026-03-10T12:00:00Z");
        clock.set(Instant.parse("2026-03-10T11:59:00Z"));
        assertEquals(List.of(gp), applicable(101, 1));
        clock.set(Instant.parse("2026-03-10T11:59:59Z"));
        assertEquals(List.of(gp), applicable(101, 3));
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        assertEquals(List.of(), applicable(101, 1));
    }

    @Test
    void aPackageAppliesFromTheStartOfItsValidity() {
        long gp = patientPackage(sql, LEAD, 303, "ACTIVE", 4, 0, "2026-03-02T08:01:00Z", "2026-06-01T00:00:00Z");
        assertEquals(List.of(), applicable(101, 1));
        clock.set(Instant.parse("2026-03-02T08:01:00Z"));
        assertEquals(List.of(gp), applicable(101, 1));
    }

    @Test
    void noSessionLeftServiceOrCentreNotCoveredOrNotActiveDoNotApply() {
        long lastSessionUsed = patientPackage(sql, LEAD, 303, "ACTIVE", 2, 2, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        long oneLeft = patientPackage(sql, LEAD, 303, "ACTIVE", 2, 1, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        long physio = patientPackage(sql, LEAD, 301, "ACTIVE", 5, 0, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        long skin = patientPackage(sql, LEAD, 302, "ACTIVE", 3, 0, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        patientPackage(sql, LEAD, 303, "CANCELLED", 4, 0, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        patientPackage(sql, LEAD, 303, "EXHAUSTED", 4, 4, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        patientPackage(sql, LEAD, 303, "EXPIRED", 4, 0, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");

        assertEquals(List.of(oneLeft), applicable(101, 2));
        assertEquals(List.of(physio), applicable(102, 2));
        assertEquals(List.of(skin), applicable(103, 1));
        // service not covered anywhere
        assertEquals(List.of(), applicable(104, 1));
        // centre not covered: the skin trio is London Bridge only, the physio pack not in Dublin
        assertEquals(List.of(), applicable(103, 2));
        assertEquals(List.of(), applicable(102, 3));
        assertEquals(0, sql.one("select count(*) from patient_package where id = ? and sessions_used < sessions_total",
                rs -> rs.getInt(1), lastSessionUsed).orElseThrow());
    }

    @Test
    void pageAndFragmentNameTheVisitAndWhatIsLeft() {
        long gp = patientPackage(sql, LEAD, 303, "ACTIVE", 4, 1, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        given().queryParam("service", 101).queryParam("centre", 3).when().get("/packages/applicable").then().statusCode(200)
                .body(containsString("<html"), containsString("General consultation at Dublin Docklands"),
                        containsString("href=\"/packages/" + gp + "\">GP care plan</a>"), containsString("3 of 4 sessions left"),
                        containsString("Mon 1 Jun 2026, 01:00 BST (Europe/London)"),
                        containsString("<option value=\"101\" selected>General consultation</option>"),
                        containsString("<option value=\"3\" selected>Dublin Docklands</option>"),
                        containsString("href=\"/doctors?service=101&amp;centre=3\""));
        given().header("HX-Request", "true").queryParam("service", 104).queryParam("centre", 1).when()
                .get("/packages/applicable").then().statusCode(200)
                .body(not(containsString("<html")), not(containsString("<form")),
                        containsString("None of your packages can pay for Cardiology assessment at London Bridge now"));
    }

    @Test
    void anotherClinicsOrAnUnknownServiceOrCentreIs404AndBadInput400() {
        patientPackage(sql, LEAD, 303, "ACTIVE", 4, 0, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
        given().queryParam("service", 101).queryParam("centre", 11).when().get("/packages/applicable").then().statusCode(404)
                .body(containsString("data-error-code=\"NOT_FOUND\""), containsString("We could not find that centre."));
        given().queryParam("service", 111).queryParam("centre", 1).when().get("/packages/applicable").then().statusCode(404)
                .body(containsString("We could not find that service."));
        given().queryParam("service", 112).queryParam("centre", 11).when().get("/packages/applicable").then().statusCode(404);
        given().queryParam("service", 987654321).queryParam("centre", 1).when().get("/packages/applicable").then().statusCode(404);
        given().queryParam("service", 101).queryParam("centre", 987654321).when().get("/packages/applicable").then().statusCode(404);

        given().queryParam("centre", 1).when().get("/packages/applicable").then().statusCode(400)
                .body(containsString("data-error-code=\"BAD_REQUEST\""), containsString("Please choose a service."));
        given().queryParam("service", 101).when().get("/packages/applicable").then().statusCode(400)
                .body(containsString("Please choose a centre."));
        given().when().get("/packages/applicable").then().statusCode(400);
        given().queryParam("service", "abc").queryParam("centre", 1).when().get("/packages/applicable").then().statusCode(400)
                .body(containsString("The service &quot;abc&quot; is not a valid id."));
        given().queryParam("service", 101).queryParam("centre", "1.5").when().get("/packages/applicable").then().statusCode(400);
        given().queryParam("service", -101).queryParam("centre", 1).when().get("/packages/applicable").then().statusCode(400);
    }
}
