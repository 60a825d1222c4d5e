package health.leap.portal.packages;

import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static health.leap.portal.packages.PackageFixtures.APPOINTMENT;
import static health.leap.portal.packages.PackageFixtures.ids;
import static health.leap.portal.packages.PackageFixtures.patientPackage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Patient 6403's GP care plan with 30 sessions taken for finished visits at London Bridge, each
 * redeemed at the start of its visit's week so that redemption times repeat, some given back; and a
 * second, unused plan.
 */
@QuarkusTest
@TestSecurity(user = "p6403", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6403")})
class PackageRedemptionsTest {

    static final long LEAD = 6403;
    static final long OTHER_LEAD = 6404;
    static final Pattern NEXT = Pattern.compile("href=\"/packages/\\d+/redemptions\\?([^\"]*cursor=[^\"]+)\"");

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    PatientPackages packages;

    long used;
    long unused;

    @BeforeEach
    void setUp() {
        clock.reset();
        sql.update("insert into lead (id, tenant_id, name) values (?, 1, 'Redemptions patient') on conflict (id) do nothing", LEAD);
        if (sql.one("select count(*) from patient_package where lead_id = ?", rs -> rs.getInt(1), LEAD).orElseThrow() == 0) {
            seed();
        }
        List<Long> mine = sql.list("select id from patient_package where lead_id = ? order by id", rs -> rs.getLong(1), LEAD);
        used = mine.get(0);
        unused = mine.get(1);
    }

    void seed() {
        long plan = patientPackage(sql, LEAD, 303, "ACTIVE", 40, 24, "2025-10-01T00:00:00Z", "2026-06-01T00:00:00Z");
        patientPackage(sql, LEAD, 303, "ACTIVE", 4, 0, "2026-02-01T00:00:00Z", "2026-06-01T00:00:00Z");
        sql.update("""
                with slots as (select s.*, row_number() over (order by s.starts_at, s.id) as n
                               from slot s where s.doctor_id = 201 and s.centre_id = 1 and s.starts_at < '2026-03-01T00:00:00Z'),
                     visits as (insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at,
                                                         ends_at, status, amount_due, currency, created_at, updated_at)
                                select 1, ?, s.id, 201, 1, 101, s.starts_at, s.ends_at, 'COMPLETED', 0, 'GBP',
                                       s.starts_at - interval '5 days', s.ends_at
                                from slots s where s.n % 35 = 0 and s.n <= 1050
                                returning id, starts_at)
                insert into package_redemption (tenant_id, patient_package_id, appointment_id, service_id, centre_id,
                                                redeemed_at, reversed_at)
                select 1, ?, v.id, 101, 1, date_trunc('week', v.starts_at),
                       case when v.id % 5 = 0 then date_trunc('week', v.starts_at) + interval '1 day' end
                from visits v""", LEAD, plan);
    }

    static String next(String body) {
        Matcher m = NEXT.matcher(body);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    List<Long> expected() {
        return sql.list("""
                select appointment_id from package_redemption where patient_package_id = ?
                order by redeemed_at desc, id desc""", rs -> rs.getLong(1), used);
    }

    @Test
    void thirtySessionsPageNewestFirstWithoutDuplicatesOrGaps() {
        List<Long> expected = expected();
        assertEquals(30, expected.size());
        assertTrue(sql.one("select count(distinct redeemed_at) < 30 from package_redemption where patient_package_id = ?",
                rs -> rs.getBoolean(1), used).orElseThrow(), "redemption times repeat");

        List<Long> seen = new ArrayList<>();
        String query = "limit=7";
        int pages = 0;
        while (query != null) {
            String body = given().urlEncodingEnabled(false).when().get("/packages/" + used + "/redemptions?" + query)
                    .then().statusCode(200).extract().asString();
            List<Long> page = ids(APPOINTMENT, body);
            assertTrue(page.size() <= 7);
            seen.addAll(page);
            query = next(body);
            pages++;
        }
        assertEquals(expected, seen);
        assertEquals(5, pages);
    }

    @Test
    void theDetailAndTheFullPageShowTwentyThenLoadMoreWithHtmxOrAPlainLink() {
        String detail = given().when().get("/packages/" + used).then().statusCode(200)
                .body(containsString("<dd>16 of 40 (24 used)</dd>"), containsString("Load older sessions"),
                        containsString("hx-get=\"/packages/" + used + "/redemptions?cursor="),
                        containsString("Given back"))
                .extract().asString();
        assertEquals(expected().subList(0, 20), ids(APPOINTMENT, detail));

        String full = given().when().get("/packages/" + used + "/redemptions").then().statusCode(200)
                .body(containsString("<html"), containsString("Sessions used from GP care plan"),
                        containsString("href=\"/packages/" + used + "\">Back to the package</a>"))
                .extract().asString();
        assertEquals(expected().subList(0, 20), ids(APPOINTMENT, full));

        String more = next(detail);
        String second = given().urlEncodingEnabled(false).when().get("/packages/" + used + "/redemptions?" + more)
                .then().statusCode(200).body(containsString("<html"), not(containsString("Load older sessions")))
                .extract().asString();
        assertEquals(expected().subList(20, 30), ids(APPOINTMENT, second));

        Response fragment = given().urlEncodingEnabled(false).header("HX-Request", "true").when()
                .get("/packages/" + used + "/redemptions?" + more);
        fragment.then().statusCode(200).body(not(containsString("<html")), not(containsString("id=\"redemptions\"")),
                containsString("class=\"history-row\""));
        assertEquals(expected().subList(20, 30), ids(APPOINTMENT, fragment.asString()));

        given().header("HX-Request", "true").queryParam("limit", 5).when().get("/packages/" + used + "/redemptions")
                .then().statusCode(200).body(not(containsString("<html")), containsString("id=\"redemptions\""),
                        containsString("Load older sessions"));
        given().when().get("/packages/" + unused + "/redemptions").then().statusCode(200)
                .body(containsString("No session of this package has been used yet."));
    }

    @Test
    void limitsAndForgedOrCarriedOverCursorsAre400() {
        for (String limit : List.of("1", "50")) {
            given().queryParam("limit", limit).when().get("/packages/" + used + "/redemptions").then().statusCode(200);
        }
        for (String limit : List.of("51", "0", "-1", "abc", "99999999999")) {
            given().queryParam("limit", limit).when().get("/packages/" + used + "/redemptions").then().statusCode(400)
                    .body(containsString("The page size must be a whole number from 1 to 50."));
        }
        given().queryParam("cursor", "not-a-cursor").when().get("/packages/" + used + "/redemptions").then().statusCode(400)
                .body(containsString("data-error-code=\"BAD_REQUEST\""), containsString("This page link is not valid any more."));

        String next = next(given().queryParam("limit", 5).when().get("/packages/" + used + "/redemptions").asString());
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        given().urlEncodingEnabled(false).when().get("/packages/" + used + "/redemptions?limit=5&cursor=" + cursor)
                .then().statusCode(200);
        // edited, with another page size, or on another package of the same patient
        String edited = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        given().urlEncodingEnabled(false).when().get("/packages/" + used + "/redemptions?limit=5&cursor=" + edited)
                .then().statusCode(400);
        given().urlEncodingEnabled(false).when().get("/packages/" + used + "/redemptions?limit=6&cursor=" + cursor)
                .then().statusCode(400);
        given().urlEncodingEnabled(false).when().get("/packages/" + unused + "/redemptions?limit=5&cursor=" + cursor)
                .then().statusCode(400);
        // another patient cannot replay it on a package of their own either
        sql.update("insert into lead (id, tenant_id, name) values (?, 1, 'Other patient') on conflict (id) do nothing", OTHER_LEAD);
        long theirs = patientPackage(sql, OTHER_LEAD, 303, "ACTIVE", 4, 0, "2026-02-01T00:00:00Z", "2026-06-01T00:00:00Z");
        Problem refused = assertThrows(Problem.class, () -> packages.redemptions(1, OTHER_LEAD, theirs, 5, cursor));
        assertEquals(400, refused.status());
    }
}
