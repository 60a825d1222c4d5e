package health.leap.portal.appointments;

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

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * History of patient 6201 (60 visits, three to a slot so start times repeat) and patient 6202
 * (5,000 visits), written straight into the database.
 */
@QuarkusTest
class HistoryTest {

    static final Pattern ROW = Pattern.compile("href=\"/appointments/(\\d+)\"");
    static final Pattern NEXT = Pattern.compile("href=\"/appointments\\?([^\"]*cursor=[^\"]+)\"");

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    HistoryService history;

    @BeforeEach
    void setUp() {
        clock.reset();
        seed(6201, 60, 3);
        seed(6202, 5000, 100);
    }

    /** {@code count} finished visits, {@code perSlot} of them on each of Dr Raman's (201) or Dr Okafor's (202) slots. */
    void seed(long lead, int count, int perSlot) {
        sql.update("insert into lead (id, tenant_id, name) values (?, 1, 'History patient') on conflict (id) do nothing", lead);
        if (sql.one("select count(*) from appointment where lead_id = ?", rs -> rs.getInt(1), lead).orElseThrow() > 0) {
            return;
        }
        sql.update("""
                with slots as (select s.*, row_number() over (order by s.starts_at, s.id) - 1 as n
                               from slot s where s.doctor_id in (201, 202) and s.centre_id = 1 and s.starts_at < '2026-03-02T00:00:00Z')
                insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at, status,
                                         amount_due, currency, created_at, updated_at)
                select 1, ?, s.id, s.doctor_id, 1, case when s.doctor_id = 201 then 101 else 102 end, s.starts_at, s.ends_at,
                       (array['COMPLETED', 'CANCELLED', 'EXPIRED'])[1 + g % 3], 0, 'GBP', s.starts_at, s.starts_at
                from generate_series(0, ? - 1) g join slots s on s.n = g / ?""", lead, count, perSlot);
    }

    static List<Long> ids(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static String next(String body) {
        Matcher m = NEXT.matcher(body);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    List<Long> expected(long lead, String condition) {
        return sql.list("select id from appointment where lead_id = ? " + condition + " order by starts_at desc, id desc",
                rs -> rs.getLong(1), lead);
    }

    @Test
    @TestSecurity(user = "p6201", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6201")})
    void pagesNewestFirstWithoutDuplicatesOrGapsAcrossEqualStartTimes() {
        List<Long> seen = new ArrayList<>();
        String query = "limit=7";
        int pages = 0;
        while (query != null) {
            String body = given().urlEncodingEnabled(false).when().get("/appointments?" + query).then().statusCode(200)
                    .extract().asString();
            List<Long> page = ids(body);
            assertTrue(page.size() <= 7);
            seen.addAll(page);
            query = next(body);
            pages++;
        }
        assertEquals(expected(6201, ""), seen);
        assertEquals(9, pages);
        assertEquals(20, ids(given().when().get("/appointments").then().statusCode(200).extract().asString()).size());
    }

    @Test
    @TestSecurity(user = "p6201", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6201")})
    void everyFilterAloneAndCombined() {
        assertEquals(expected(6201, "and status = 'CANCELLED'"),
                ids(given().queryParam("status", "CANCELLED").queryParam("limit", 50).get("/appointments").asString()));
        assertEquals(expected(6201, "and status in ('CANCELLED', 'EXPIRED')"),
                ids(given().queryParam("status", "CANCELLED", "EXPIRED").queryParam("limit", 50).get("/appointments").asString()));
        assertEquals(expected(6201, "and doctor_id = 202"),
                ids(given().queryParam("doctor", 202).queryParam("limit", 50).get("/appointments").asString()));
        assertEquals(expected(6201, "and centre_id = 1").subList(0, 50),
                ids(given().queryParam("centre", 1).queryParam("limit", 50).get("/appointments").asString()));
        assertEquals(List.of(), ids(given().queryParam("centre", 2).get("/appointments").asString()));
        List<Long> all = expected(6201, "");
        long from = sql.one("select extract(epoch from starts_at)::bigint from appointment where id = ?", rs -> rs.getLong(1),
                all.get(40)).orElseThrow();
        long to = sql.one("select extract(epoch from starts_at)::bigint from appointment where id = ?", rs -> rs.getLong(1),
                all.get(10)).orElseThrow();
        assertEquals(expected(6201, "and starts_at between to_timestamp(" + from + ") and to_timestamp(" + to + ")"),
                ids(given().queryParam("from", from).queryParam("to", to).queryParam("limit", 50).get("/appointments").asString()));
        assertEquals(expected(6201, "and status = 'COMPLETED' and doctor_id = 201 and centre_id = 1 and starts_at >= to_timestamp(" + from + ")"),
                ids(given().queryParam("status", "COMPLETED").queryParam("doctor", 201).queryParam("centre", 1)
                        .queryParam("from", from).queryParam("limit", 50).get("/appointments").asString()));
        // the form sends days in the clinic's zone
        String day = java.time.Instant.ofEpochSecond(from).atZone(ZoneId.of("Europe/London")).toLocalDate().toString();
        List<Long> sinceThatDay = expected(6201, "and starts_at >= ('" + day + "'::date at time zone 'Europe/London')");
        assertEquals(sinceThatDay.subList(0, Math.min(50, sinceThatDay.size())),
                ids(given().queryParam("fromDate", day).queryParam("limit", 50).get("/appointments").asString()));
    }

    @Test
    @TestSecurity(user = "p6201", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6201")})
    void badLimitsEpochsStatusesAndCursorsAre400() {
        for (String limit : List.of("1", "50")) {
            given().queryParam("limit", limit).when().get("/appointments").then().statusCode(200);
        }
        for (String limit : List.of("51", "0", "-1", "abc", "99999999999")) {
            given().queryParam("limit", limit).when().get("/appointments").then().statusCode(400)
                    .body(containsString("The page size must be a whole number from 1 to 50."));
        }
        given().queryParam("status", "DONE").when().get("/appointments").then().statusCode(400)
                .body(containsString("is not a status"));
        for (String epoch : List.of("-1", "abc", "99999999999999999999", "253402300800")) {
            given().queryParam("from", epoch).when().get("/appointments").then().statusCode(400)
                    .body(containsString("epoch seconds"));
        }
        given().queryParam("from", 1772409600).queryParam("to", 1772409500).when().get("/appointments").then().statusCode(400);
        given().queryParam("fromDate", "2026-13-01").when().get("/appointments").then().statusCode(400);
        given().queryParam("cursor", "not-a-cursor").when().get("/appointments").then().statusCode(400)
                .body(containsString("This page link is not valid any more."));

        String next = next(given().queryParam("limit", 5).when().get("/appointments").asString());
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        // the same cursor with another filter, or edited, is refused
        given().urlEncodingEnabled(false).when().get("/appointments?limit=6&cursor=" + cursor).then().statusCode(400);
        String edited = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        given().urlEncodingEnabled(false).when().get("/appointments?limit=5&cursor=" + edited).then().statusCode(400);
        // another patient cannot replay it either
        assertThrows(Problem.class, () -> history.page(1, 6202, ZoneId.of("Europe/London"),
                HistoryFilter.parse(List.of(), null, null, null, null, null, null, "5", ZoneId.of("Europe/London")), cursor, false));
    }

    @Test
    @TestSecurity(user = "p6201", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6201")})
    void htmxLoadsMoreRowsOrReplacesTheList() {
        String first = given().queryParam("limit", 5).when().get("/appointments").asString();
        Response more = given().urlEncodingEnabled(false).header("HX-Request", "true").when().get("/appointments?" + next(first));
        more.then().statusCode(200).body(not(containsString("<html")), not(containsString("id=\"history\"")),
                containsString("class=\"history-row\""), containsString("Load older appointments"));
        assertEquals(expected(6201, "").subList(5, 10), ids(more.asString()));
        given().header("HX-Request", "true").queryParam("status", "EXPIRED").when().get("/appointments").then()
                .statusCode(200).body(not(containsString("<html")), containsString("id=\"history\""));
    }

    @Test
    @TestSecurity(user = "p6202", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6202")})
    void fiveThousandAppointmentsPagedToTheEnd() {
        HashSet<Long> seen = new HashSet<>();
        String query = "limit=50";
        int pages = 0;
        while (query != null) {
            String body = given().urlEncodingEnabled(false).when().get("/appointments?" + query).then().statusCode(200)
                    .extract().asString();
            List<Long> page = ids(body);
            for (Long id : page) {
                assertTrue(seen.add(id), "seen twice: " + id);
            }
            query = next(body);
            pages++;
        }
        assertEquals(5000, seen.size());
        assertEquals(100, pages);
    }
}
