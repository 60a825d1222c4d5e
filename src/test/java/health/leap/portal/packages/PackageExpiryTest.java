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
import static health.leap.portal.packages.PackageFixtures.storedStatus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A package whose validity passes reads EXPIRED at once, and the hourly sweep then stores it. The
 * clock never moves past the demo packages' validity, so the sweep leaves them as they are.
 */
@QuarkusTest
@TestSecurity(user = "p6401", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6401")})
class PackageExpiryTest {

    static final long LEAD = 6401;

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    PackageExpiry expiry;

    @BeforeEach
    void setUp() {
        clock.reset();
        PackageFixtures.patientWithoutPackages(sql, LEAD);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    List<Long> shown(String status) {
        return packageIds(given().queryParam("status", status).when().get("/packages").then().statusCode(200).extract().asString());
    }

    @Test
    void aPassedPackageReadsExpiredBeforeTheSweepAndTheSweepStoresIt() {
        long ending = patientPackage(sql, LEAD, 303, "ACTIVE", 4, 1, "2026-01-01T00:00:00Z", "2026-03-09T08:00:00Z");
        long lastsAMinuteLonger = patientPackage(sql, LEAD, 303, "ACTIVE", 4, 1, "2026-01-01T00:00:00Z", "2026-03-09T08:01:00Z");
        long exhausted = patientPackage(sql, LEAD, 302, "EXHAUSTED", 3, 3, "2026-01-01T00:00:00Z", "2026-03-09T07:00:00Z");
        assertEquals(List.of(ending, lastsAMinuteLonger), shown("ACTIVE"));
        assertEquals(List.of(), shown("EXPIRED"));

        clock.set(Instant.parse("2026-03-09T08:00:00Z"));
        assertEquals(List.of(lastsAMinuteLonger), shown("ACTIVE"));
        assertEquals(List.of(ending), shown("EXPIRED"));
        assertEquals(List.of(exhausted), shown("EXHAUSTED"));
        given().when().get("/packages/" + ending).then().statusCode(200)
                .body(containsString("status-EXPIRED\">Expired</span>"), not(containsString("Expires soon")));
        assertEquals("ACTIVE", storedStatus(sql, ending));

        expiry.sweep();
        assertEquals("EXPIRED", storedStatus(sql, ending));
        assertEquals("ACTIVE", storedStatus(sql, lastsAMinuteLonger));
        assertEquals("EXHAUSTED", storedStatus(sql, exhausted));
        assertEquals(List.of(ending), shown("EXPIRED"));
        assertEquals(List.of(lastsAMinuteLonger), shown("ACTIVE"));
        for (long demo = 401; demo <= 406; demo++) {
            assertEquals(demo == 402 ? "EXHAUSTED" : demo == 403 ? "EXPIRED" : demo == 404 ? "CANCELLED" : "ACTIVE",
                    storedStatus(sql, demo), "demo package " + demo);
        }

        clock.set(Instant.parse("2026-03-09T08:01:00Z"));
        assertEquals(1, expiry.expireBatch(500) + expiry.expireBatch(500));
        assertEquals("EXPIRED", storedStatus(sql, lastsAMinuteLonger));
    }

    @Test
    void theSweepWorksInBoundedBatches() {
        for (int i = 1; i <= 7; i++) {
            patientPackage(sql, LEAD, 301, "ACTIVE", 5, 0, "2026-01-01T00:00:00Z", "2026-03-03T0" + i + ":00:00Z");
        }
        // other tests' packages that ended earlier are not this test's to count
        clock.set(Instant.parse("2026-03-03T00:30:00Z"));
        expiry.sweep();
        clock.set(Instant.parse("2026-03-04T00:00:00Z"));
        assertEquals(7, shown("EXPIRED").size());
        assertEquals(3, expiry.expireBatch(3));
        assertEquals(3, expiry.expireBatch(3));
        assertEquals(1, expiry.expireBatch(3));
        assertEquals(0, expiry.expireBatch(3));
        assertEquals(7, sql.one("select count(*) from patient_package where lead_id = ? and status = 'EXPIRED'",
                rs -> rs.getInt(1), LEAD).orElseThrow());
    }

    @Test
    void anActivePackageEndingWithinFourteenDaysIsMarked() {
        long soon = patientPackage(sql, LEAD, 303, "ACTIVE", 4, 0, "2026-01-01T00:00:00Z", "2026-03-16T08:00:00Z");
        long later = patientPackage(sql, LEAD, 301, "ACTIVE", 5, 0, "2026-01-01T00:00:00Z", "2026-03-16T08:01:00Z");
        String page = given().when().get("/packages").then().statusCode(200).extract().asString();
        // the one ending first comes first, and only it carries the mark
        assertEquals(List.of(soon, later), PackageFixtures.ids(PackageFixtures.PACKAGE, page));
        String[] cards = page.split("<li class=\"card\">");
        assertEquals(3, cards.length);
        assertEquals(true, cards[1].contains("Expires soon"));
        assertEquals(false, cards[2].contains("Expires soon"));
        given().when().get("/packages/" + soon).then().body(containsString("Expires soon"));
        given().when().get("/packages/" + later).then().body(not(containsString("Expires soon")));
    }
}
