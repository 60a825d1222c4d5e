package health.leap.portal.patient;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking for the family: a guardian acts for a dependant from their own login while the clinic's
 * link between them is in force, checked in the database on every request. Patients 7401 (the
 * guardian), 7402 and 7403 (dependants), 7404 (another guardian) of Harbour Health; Dr Priya Raman
 * (201) at London Bridge on Thursday 26 March 2026.
 */
@QuarkusTest
class FamilyTest {

    static final long GUARDIAN = 7401;
    static final long CHILD = 7402;
    static final long SECOND = 7403;
    static final long OTHER_GUARDIAN = 7404;

    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    FamilyLinks links;

    @BeforeEach
    void setUp() {
        for (long lead : List.of(GUARDIAN, CHILD, SECOND, OTHER_GUARDIAN)) {
            fixtures.freshPatient(1, lead);
            sql.update("delete from mail_preference where lead_id = ?", lead);
        }
        sql.update("update lead set name = 'Grace Guardian' where id = ?", GUARDIAN);
        sql.update("update lead set name = 'Theo Child', date_of_birth = date '2015-06-01' where id = ?", CHILD);
        sql.update("update lead set name = 'Sam Second', date_of_birth = null where id = ?", SECOND);
        sql.update("""
                delete from family_link_audit where link_id in (select id from family_link
                where guardian_lead_id in (?, ?, ?, ?) or dependant_lead_id in (?, ?, ?, ?))""",
                GUARDIAN, CHILD, SECOND, OTHER_GUARDIAN, GUARDIAN, CHILD, SECOND, OTHER_GUARDIAN);
        sql.update("delete from family_link where guardian_lead_id in (?, ?, ?, ?) or dependant_lead_id in (?, ?, ?, ?)",
                GUARDIAN, CHILD, SECOND, OTHER_GUARDIAN, GUARDIAN, CHILD, SECOND, OTHER_GUARDIAN);
    }

    long link(long guardian, long dependant, Relationship relationship, LocalDate endsOn) {
        return links.link(1, "front-desk-test", guardian, dependant, relationship, endsOn);
    }

    long slot(String utcStart) {
        return fixtures.slot(201, utcStart);
    }

    /** Holds a time as the page's form does, under {@code base}; returns the new booking's id from the redirect. */
    long holdThroughThePage(String base, String utcStart) {
        Response held = given().formParam("slot", slot(utcStart)).formParam("service", 101)
                .when().post(base + "/appointments");
        assertEquals(303, held.statusCode(), held.body().asString());
        String location = held.header("Location");
        assertTrue(location.contains(base + "/appointments/"), location);
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    @TestSecurity(user = "p7401", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7401")})
    void aGuardianBooksForTheirChildAsTheChildWithTheGuardianNamedOnTheTimeline() {
        link(GUARDIAN, CHILD, Relationship.CHILD, null);
        // the header offers the switch; the guardian's own pages are theirs
        given().when().get("/").then().statusCode(200)
                .body(allOf(containsString("class=\"family-switch\""), containsString("href=\"/family/7402/\""),
                        containsString("Grace Guardian (you)"), not(containsString("You are booking for"))));
        given().when().get("/family/7402/").then().statusCode(200)
                .body(allOf(containsString("You are booking for Theo Child."), containsString("href=\"/family/7402/doctors\""),
                        containsString("<h1>Booking for Theo Child</h1>"),
                        containsString("aria-current=\"page\">Theo Child</a>"), containsString("<strong>Grace Guardian</strong>")));

        long id = holdThroughThePage("/family/7402", "2026-03-26T09:00:00Z");
        assertEquals(CHILD, sql.one("select lead_id from appointment where id = ?", rs -> rs.getLong(1), id).orElseThrow(),
                "the booking is the child's");
        given().when().post("/family/7402/appointments/" + id + "/confirm").then().statusCode(303)
                .header("Location", containsString("/family/7402/appointments/" + id));
        assertEquals("CONFIRMED", fixtures.status(id));
        assertEquals(List.of("GUARDIAN 7401", "GUARDIAN 7401"), sql.list(
                "select actor_type || ' ' || actor_id from appointment_event where appointment_id = ? order by id",
                rs -> rs.getString(1), id), "the timeline records who acted");
        given().when().get("/family/7402/appointments/" + id).then().statusCode(200)
                .body(containsString("by Grace Guardian for Theo Child"));
        // the child's booking is not on the guardian's own pages
        given().when().get("/appointments/" + id).then().statusCode(403);
        given().when().get("/appointments").then().statusCode(200).body(not(containsString("/appointments/" + id + "\"")));
        given().when().get("/family/7402/appointments").then().statusCode(200)
                .body(containsString("/family/7402/appointments/" + id));
        // what the child did themselves reads as theirs on the guardian's screen, not as "by you"
        long childsOwn = fixtures.confirmed(1, CHILD, 201, 101, "2026-03-26T11:30:00Z");
        given().when().get("/family/7402/appointments/" + childsOwn).then().statusCode(200)
                .body(allOf(containsString("by Theo Child"), not(containsString("by you"))));
        // and the guardian's own booking is not the child's
        long own = fixtures.confirmed(1, GUARDIAN, 201, 101, "2026-03-26T10:00:00Z");
        given().when().get("/family/7402/appointments/" + own).then().statusCode(403);
        given().when().post("/family/7402/appointments/" + own + "/cancel").then().statusCode(403);
        assertEquals("CONFIRMED", fixtures.status(own));
        // the child's email choices are the child's, saved from the child's profile
        given().when().get("/family/7402/profile").then().statusCode(200)
                .body(allOf(containsString("action=\"/family/7402/profile/mail\""),
                        containsString("their emails go to a family member who books for them")));
        given().formParam("changes", "on").when().post("/family/7402/profile/mail").then().statusCode(303)
                .header("Location", containsString("/family/7402/profile?saved=1"));
        assertEquals(List.of("7402 false"), sql.list("select lead_id || ' ' || reminders from mail_preference where lead_id in (?, ?)",
                rs -> rs.getString(1), GUARDIAN, CHILD), "the child's reminders are off, the guardian's untouched");
        // cancelled for the child, from the child's page
        given().formParam("reason", "Feeling better").when().post("/family/7402/appointments/" + id + "/cancel")
                .then().statusCode(303).header("Location", containsString("/family/7402/appointments/" + id));
        assertEquals("CANCELLED", fixtures.status(id));
    }

    @Test
    @TestSecurity(user = "p7401", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7401")})
    void eachPatientHasTheirOwnActiveLimit() {
        link(GUARDIAN, CHILD, Relationship.CHILD, null);
        for (String at : List.of("2026-03-26T09:00:00Z", "2026-03-26T09:30:00Z", "2026-03-26T10:00:00Z")) {
            fixtures.confirmed(1, GUARDIAN, 201, 101, at);
        }
        // the guardian is at the limit of three; the child is not
        given().formParam("slot", slot("2026-03-26T10:30:00Z")).formParam("service", 101).when().post("/appointments")
                .then().statusCode(422).body(containsString(ErrorCode.ACTIVE_LIMIT_REACHED.name()));
        long forChild = holdThroughThePage("/family/7402", "2026-03-26T10:30:00Z");
        given().when().post("/family/7402/appointments/" + forChild + "/confirm").then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(forChild));
    }

    @Test
    @TestSecurity(user = "p7401", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7401")})
    void theGuardiansHomeListsWhatIsComingUpForTheFamilyWhileTheLinkHolds() {
        long link = link(GUARDIAN, CHILD, Relationship.CHILD, null);
        link(OTHER_GUARDIAN, SECOND, Relationship.PARTNER, null);
        long childs = fixtures.confirmed(1, CHILD, 201, 101, "2026-03-26T14:00:00Z");
        long someoneElses = fixtures.confirmed(1, SECOND, 201, 101, "2026-03-26T14:30:00Z");
        given().when().get("/").then().statusCode(200)
                .body(allOf(containsString("Coming up for your family"), containsString("<strong>Theo Child</strong>"),
                        containsString("href=\"/family/7402/appointments/" + childs + "\""),
                        not(containsString("/appointments/" + someoneElses + "\"")), not(containsString("Sam Second"))));
        // the child's home, in the guardian's login, speaks of the child: not "my", and no family list of its own
        given().when().get("/family/7402/").then().statusCode(200)
                .body(allOf(containsString("All of Theo Child&#39;s appointments"), containsString(">Appointments</a>"),
                        not(containsString("My appointments")), not(containsString("Coming up for your family"))));
        given().when().get("/family/7402/appointments/" + childs).then().statusCode(200);
        // once the clinic ends the link, the child's visits are no longer the guardian's to see
        links.end(1, "front-desk-test", link);
        given().when().get("/").then().statusCode(200)
                .body(allOf(not(containsString("/appointments/" + childs + "\"")), not(containsString("Coming up for your family"))));
    }

    @Test
    @TestSecurity(user = "p7401", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7401")})
    void aLinkThatEndsIsRefusedOnTheVeryNextRequest() {
        // a link ending tomorrow, in London: in force until midnight there
        long link = link(GUARDIAN, CHILD, Relationship.CHILD, LocalDate.of(2026, 3, 3));
        given().when().get("/family/7402/").then().statusCode(200);
        clock.set(Instant.parse("2026-03-03T00:00:00Z"));
        given().when().get("/family/7402/doctors").then().statusCode(403)
                .body(allOf(containsString(ErrorCode.FAMILY_LINK_ENDED.name()), containsString("ended on Tuesday 3 March 2026"),
                        // the refusal's own header forms (sign out, language) can still be sent
                        not(containsString("<meta name=\"csrf-token\" content=\"\">"))));
        // extended by the clinic: in force again
        clock.reset();
        links.extend(1, "front-desk-test", link, LocalDate.of(2033, 6, 1));
        given().when().get("/family/7402/").then().statusCode(200);
        // ended by staff: refused at once, whatever the cache of the header holds
        links.end(1, "front-desk-test", link);
        given().when().get("/family/7402/").then().statusCode(403).body(containsString(ErrorCode.FAMILY_LINK_ENDED.name()));
        given().when().get("/").then().statusCode(200).body(not(containsString("/family/7402/")));
        given().formParam("slot", slot("2026-03-26T11:00:00Z")).formParam("service", 101)
                .when().post("/family/7402/appointments").then().statusCode(403);
        assertEquals(0L, sql.one("select count(*) from appointment where lead_id = ? and status = 'DRAFT'",
                rs -> rs.getLong(1), CHILD).orElseThrow(), "nothing held for the child");
    }

    @Test
    @TestSecurity(user = "p7404", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7404")})
    void someoneElsesDependantIsRefusedWithoutAWordAboutThem() {
        link(GUARDIAN, CHILD, Relationship.CHILD, null);
        given().when().get("/family/7402/").then().statusCode(403)
                .body(allOf(containsString(ErrorCode.NOT_YOUR_DEPENDANT.name()), not(containsString("Theo Child"))));
        given().when().get("/family/7401/appointments").then().statusCode(403);
        given().when().get("/family/999999/").then().statusCode(403).body(containsString(ErrorCode.NOT_YOUR_DEPENDANT.name()));
        given().when().get("/family/someone/").then().statusCode(400);
        // only the patient pages exist under a family path
        given().when().get("/family/7402/staff/day").then().statusCode(404);
        // no switcher for a patient who books for nobody
        given().when().get("/").then().statusCode(200).body(not(containsString("family-switch")));
    }

    @Test
    @TestSecurity(user = "p7402", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7402")})
    void aDependantsOwnLoginSeesOnlyTheirOwn() {
        link(GUARDIAN, CHILD, Relationship.CHILD, null);
        long guardians = fixtures.confirmed(1, GUARDIAN, 201, 101, "2026-03-26T11:30:00Z");
        given().when().get("/family/7401/").then().statusCode(403);
        given().when().get("/appointments/" + guardians).then().statusCode(403);
        given().when().get("/").then().statusCode(200)
                .body(allOf(containsString("<strong>Theo Child</strong>"), not(containsString("family-switch"))));
    }

    @Test
    @TestSecurity(user = "staff.test", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1")})
    void staffLinkExtendAndEndWithEveryChangeRecorded() {
        // a child with no date of birth on record needs an end date
        given().formParam("guardian", GUARDIAN).formParam("dependant", SECOND).formParam("relationship", "CHILD")
                .when().post("/staff/family/links").then().statusCode(400);
        given().formParam("guardian", GUARDIAN).formParam("dependant", GUARDIAN).formParam("relationship", "OTHER")
                .when().post("/staff/family/links").then().statusCode(400);
        given().formParam("guardian", GUARDIAN).formParam("dependant", CHILD).formParam("relationship", "NEPHEW")
                .when().post("/staff/family/links").then().statusCode(400);
        given().formParam("guardian", GUARDIAN).formParam("dependant", CHILD).formParam("relationship", "CHILD")
                .formParam("ends", "2026-03-01").when().post("/staff/family/links").then().statusCode(400);
        // another clinic's patient
        given().formParam("guardian", GUARDIAN).formParam("dependant", 11).formParam("relationship", "OTHER")
                .when().post("/staff/family/links").then().statusCode(403);
        assertEquals(0L, sql.one("select count(*) from family_link where guardian_lead_id = ?", rs -> rs.getLong(1), GUARDIAN)
                .orElseThrow(), "no refused link was written");

        // a child's link ends on their 18th birthday
        given().formParam("guardian", GUARDIAN).formParam("dependant", CHILD).formParam("relationship", "CHILD")
                .when().post("/staff/family/links").then().statusCode(303)
                .header("Location", containsString("/staff/family?patient=7401&saved=linked"));
        long link = sql.one("select id from family_link where guardian_lead_id = ? and dependant_lead_id = ?",
                rs -> rs.getLong(1), GUARDIAN, CHILD).orElseThrow();
        assertEquals(LocalDate.of(2033, 6, 1), endsOn(link));
        given().formParam("guardian", GUARDIAN).formParam("dependant", CHILD).formParam("relationship", "CHILD")
                .when().post("/staff/family/links").then().statusCode(409).body(containsString(ErrorCode.FAMILY_LINK_EXISTS.name()));

        // extended: only to a later end, or to none, said in so many words
        given().formParam("ends", "2030-01-01").when().post("/staff/family/links/" + link + "/extend").then().statusCode(400);
        given().formParam("ends", "").when().post("/staff/family/links/" + link + "/extend").then().statusCode(400)
                .body(containsString("Please give a new end date or choose no end date"));
        given().formParam("ends", "2040-01-01").formParam("noEnd", "on").when().post("/staff/family/links/" + link + "/extend")
                .then().statusCode(400);
        assertEquals(LocalDate.of(2033, 6, 1), endsOn(link), "a refused extension changes nothing");
        given().formParam("ends", "").formParam("noEnd", "on").formParam("back", CHILD).when().post("/staff/family/links/" + link + "/extend")
                .then().statusCode(303).header("Location", containsString("/staff/family?patient=7402&saved=extended"));
        assertNull(endsOn(link));
        given().when().post("/staff/family/links/" + link + "/end").then().statusCode(303);
        given().when().post("/staff/family/links/" + link + "/end").then().statusCode(409);
        given().when().post("/staff/family/links/999999/end").then().statusCode(404);

        given().when().get("/staff/family?patient=7401").then().statusCode(200)
                .body(allOf(containsString("staff.test linked Grace Guardian to book for Theo Child"),
                        containsString("staff.test extended Grace Guardian&#39;s link to Theo Child"),
                        containsString("staff.test ended Grace Guardian&#39;s link to Theo Child"),
                        containsString("data-link-state=\"ended\"")));
        assertEquals(List.of("LINKED staff.test", "EXTENDED staff.test", "ENDED staff.test"), sql.list(
                "select action || ' ' || staff_user from family_link_audit where link_id = ? order by id", rs -> rs.getString(1), link));
        given().when().get("/staff/family?patient=11").then().statusCode(403);
        given().when().get("/staff/family?patient=999999").then().statusCode(404);
    }

    @Test
    void thePreviewShowsTheSwitcherAndPreviewsTheDependant() {
        link(GUARDIAN, CHILD, Relationship.CHILD, null);
        String staff = KeycloakServer.get().passwordToken("staff.harbour", "demo");
        given().auth().oauth2(staff).when().get("/staff/patients/7401/").then().statusCode(200)
                .body(allOf(containsString("href=\"/staff/patients/7402/\""), not(containsString("/family/7402/"))));
        given().auth().oauth2(staff).when().get("/staff/patients/7402/appointments").then().statusCode(200)
                .body(containsString("Theo Child"));
        // staff never act for a family through the patients' path
        given().auth().oauth2(staff).when().get("/family/7402/").then().statusCode(403);
    }

    @Test
    void twoStaffLinkingTheSamePatientsAtOnceMakeOneLink() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(() -> {
                    try {
                        return "linked " + link(GUARDIAN, CHILD, Relationship.CHILD, null);
                    } catch (Problem refused) {
                        return refused.code().name();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(both)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter(o -> o.startsWith("linked")).count(), outcomes.toString());
            assertTrue(outcomes.contains(ErrorCode.FAMILY_LINK_EXISTS.name()), outcomes.toString());
        } finally {
            pool.shutdown();
        }
        assertThrows(Problem.class, () -> link(GUARDIAN, CHILD, Relationship.CHILD, null));
        assertEquals(1L, sql.one("select count(*) from family_link where guardian_lead_id = ?", rs -> rs.getLong(1), GUARDIAN)
                .orElseThrow());
        // nothing ends a link but the clinic or its date
        clock.advance(Duration.ofDays(365));
        assertEquals(1L, sql.one("select count(*) from family_link where guardian_lead_id = ? and ended_at is null",
                rs -> rs.getLong(1), GUARDIAN).orElseThrow());
    }

    LocalDate endsOn(long link) {
        return sql.list("select ends_on from family_link where id = ?", rs -> Sql.date(rs, "ends_on"), link).get(0);
    }
}
