package health.leap.portal.appointments;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.staff.FrontDeskService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Visits end: the front desk checks patients in and completes their visits, and a visit nobody
 * marked is completed by the job once the tenant's grace period (2 hours) has passed, so past visits
 * stop counting toward the active limit. Dr Priya Raman (201) at London Bridge, afternoons, in
 * March 2026 while London is on GMT; patients 6901–6909. A clinic may have the job record a visit
 * nobody marked as a no-show instead ({@code booking_policy.unmarked_visits}). The clock stays before the demo's
 * upcoming visits have ended (Amelia's on 9 March), which other tests still move and cancel.
 */
@QuarkusTest
class VisitLifecycleTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    Sql sql;
    @Inject
    VisitCompletion completion;
    @Inject
    FrontDeskService frontDesk;

    @Test
    @TestSecurity(user = "p6901", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6901")})
    void aPatientWithThreePastVisitsBooksAFourth() {
        fixtures.freshPatient(1, 6901);
        List<Long> visits = List.of(fixtures.confirmed(1, 6901, 201, 101, "2026-03-04T16:00:00Z"),
                fixtures.confirmed(1, 6901, 201, 101, "2026-03-05T16:00:00Z"),
                fixtures.confirmed(1, 6901, 201, 101, "2026-03-06T16:00:00Z"));
        // the next Monday: all three have taken place
        clock.set(Instant.parse("2026-03-09T08:00:00Z"));
        long fourth = fixtures.slot(201, "2026-03-11T16:00:00Z");
        // until the job has run they still count: this is the lock-out the job ends
        given().formParam("slot", fourth).formParam("service", "101").when().post("/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"ACTIVE_LIMIT_REACHED\""));

        completion.completeBatch(VisitCompletion.BATCH);

        for (long visit : visits) {
            assertEquals("COMPLETED", fixtures.status(visit));
        }
        String location = given().formParam("slot", fourth).formParam("service", "101").when().post("/appointments")
                .then().statusCode(303).extract().header("Location");
        assertEquals("DRAFT", fixtures.status(Long.parseLong(location.substring(location.lastIndexOf('/') + 1))));
        given().when().get("/appointments/" + visits.get(0)).then().statusCode(200)
                .body(containsString("status-COMPLETED"), matchesPattern("(?s).*Confirmed → Completed\\s+by the system.*"),
                        containsString("Visit completed: nobody marked it at the front desk"));
    }

    @Test
    void aVisitNobodyMarkedIsCompletedOnceTheGracePeriodHasPassed() {
        fixtures.freshPatient(1, 6902);
        long confirmed = fixtures.confirmed(1, 6902, 201, 101, "2026-03-05T16:30:00Z");
        fixtures.freshPatient(1, 6903);
        long checkedIn = fixtures.confirmed(1, 6903, 201, 101, "2026-03-04T16:30:00Z");
        clock.set(Instant.parse("2026-03-04T16:25:00Z"));
        frontDesk.checkIn(1, "staff.harbour", checkedIn);

        // a 20-minute consultation at 16:30 ends at 16:50: with two hours' grace, still open at 18:49
        clock.set(Instant.parse("2026-03-04T18:49:00Z"));
        completion.completeBatch(VisitCompletion.BATCH);
        assertEquals("CHECKED_IN", fixtures.status(checkedIn));
        clock.set(Instant.parse("2026-03-04T18:50:00Z"));
        completion.completeBatch(VisitCompletion.BATCH);
        assertEquals("COMPLETED", fixtures.status(checkedIn));
        assertEquals("CONFIRMED", fixtures.status(confirmed));

        clock.set(Instant.parse("2026-03-05T19:00:00Z"));
        completion.completeBatch(VisitCompletion.BATCH);
        assertEquals("COMPLETED", fixtures.status(confirmed));
        assertEquals(List.of("CHECKED_IN → COMPLETED SYSTEM"), lastEvent(checkedIn));
        assertEquals(List.of("CONFIRMED → COMPLETED SYSTEM"), lastEvent(confirmed));
    }

    @Test
    void theGracePeriodIsTheTenantsOwn() {
        fixtures.freshPatient(1, 6904);
        long visit = fixtures.confirmed(1, 6904, 201, 101, "2026-03-06T14:00:00Z");
        sql.update("update booking_policy set visit_grace_minutes = 30 where tenant_id = 1");
        try {
            // it ends at 14:20; half an hour later it is due
            clock.set(Instant.parse("2026-03-06T14:49:00Z"));
            completion.completeBatch(VisitCompletion.BATCH);
            assertEquals("CONFIRMED", fixtures.status(visit));
            clock.set(Instant.parse("2026-03-06T14:50:00Z"));
            completion.completeBatch(VisitCompletion.BATCH);
            assertEquals("COMPLETED", fixtures.status(visit));
        } finally {
            sql.update("update booking_policy set visit_grace_minutes = 120 where tenant_id = 1");
        }
    }

    @Test
    void twoInstancesSweepingAtOnceCompleteEachVisitOnce() throws Exception {
        fixtures.freshPatient(1, 6905);
        long first = fixtures.confirmed(1, 6905, 201, 101, "2026-03-06T14:30:00Z");
        fixtures.freshPatient(1, 6906);
        long second = fixtures.confirmed(1, 6906, 201, 101, "2026-03-06T15:00:00Z");
        clock.set(Instant.parse("2026-03-07T08:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> completion.completeBatch(VisitCompletion.BATCH));
            Future<Integer> b = pool.submit(() -> completion.completeBatch(VisitCompletion.BATCH));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        for (long visit : List.of(first, second)) {
            assertEquals("COMPLETED", fixtures.status(visit));
            assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and to_status = 'COMPLETED'",
                    rs -> rs.getInt(1), visit).orElseThrow());
        }
    }

    @Test
    @TestSecurity(user = "p6907", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6907")})
    void aBookingStillWaitingForApprovalWhenItsTimeComesIsCancelled() {
        fixtures.freshPatient(1, 6907);
        // Minor surgery consultations with Dr Chen (206) wait for the clinic's approval
        long pending = fixtures.hold(1, 6907, 206, 105, "2026-03-05T14:00:00Z");
        given().when().post("/appointments/" + pending + "/confirm").then().statusCode(303);
        assertEquals("PENDING_APPROVAL", fixtures.status(pending));
        clock.set(Instant.parse("2026-03-05T13:59:00Z"));
        completion.cancelUndecidedBatch(VisitCompletion.BATCH);
        assertEquals("PENDING_APPROVAL", fixtures.status(pending));
        clock.set(Instant.parse("2026-03-05T14:00:00Z"));
        completion.cancelUndecidedBatch(VisitCompletion.BATCH);
        assertEquals("CANCELLED", fixtures.status(pending));
        assertEquals(List.of("PENDING_APPROVAL → CANCELLED SYSTEM"), lastEvent(pending));
        given().when().get("/appointments/" + pending).then().statusCode(200)
                .body(containsString("data-error-code=\"NOT_APPROVED_IN_TIME\""),
                        containsString("The clinic did not approve this booking before its time"));
    }

    @Test
    @TestSecurity(user = "p6908", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6908")})
    void aClinicMayHaveVisitsNobodyMarkedRecordedAsNoShows() {
        assertEquals("COMPLETED", unmarkedVisits(), "the default: a visit nobody marked is completed");
        fixtures.freshPatient(1, 6908);
        long unmarked = fixtures.confirmed(1, 6908, 201, 101, "2026-03-03T16:00:00Z");
        fixtures.freshPatient(1, 6909);
        long checkedIn = fixtures.confirmed(1, 6909, 201, 101, "2026-03-03T16:30:00Z");
        clock.set(Instant.parse("2026-03-03T16:25:00Z"));
        frontDesk.checkIn(1, "staff.harbour", checkedIn);
        // what was due before these two is ended under the default first, so that the clinic's choice
        // below meets these two only (each is due two hours after it ended)
        clock.set(due(unmarked).minusSeconds(60));
        completion.completeBatch(VisitCompletion.BATCH);
        assertEquals("CONFIRMED", fixtures.status(unmarked));

        sql.update("update booking_policy set unmarked_visits = 'NO_SHOW' where tenant_id = 1");
        try {
            clock.set(due(checkedIn));
            completion.completeBatch(VisitCompletion.BATCH);
        } finally {
            sql.update("update booking_policy set unmarked_visits = 'COMPLETED' where tenant_id = 1");
        }
        assertEquals("NO_SHOW", fixtures.status(unmarked));
        assertEquals(List.of("CONFIRMED → NO_SHOW SYSTEM"), lastEvent(unmarked));
        // a patient who was checked in came: completed whatever the clinic chose
        assertEquals("COMPLETED", fixtures.status(checkedIn));
        assertEquals(List.of("CHECKED_IN → COMPLETED SYSTEM"), lastEvent(checkedIn));

        given().when().get("/appointments/" + unmarked).then().statusCode(200)
                .body(containsString("status-NO_SHOW"), matchesPattern("(?s).*Confirmed → No-show\\s+by the system.*"),
                        containsString("Recorded as not attended: nobody marked the visit at the front desk"));
        given().header("Accept-Language", "es").when().get("/appointments/" + unmarked).then().statusCode(200)
                .body(containsString("Registrada como no asistida: nadie marcó la visita en recepción"));
        // a second run changes nothing
        completion.completeBatch(VisitCompletion.BATCH);
        assertEquals(1, sql.one("select count(*) from appointment_event where appointment_id = ? and to_status = 'NO_SHOW'",
                rs -> rs.getInt(1), unmarked).orElseThrow());
    }

    /** When the job ends a visit: two hours after it ended. */
    private Instant due(long appointmentId) {
        return sql.one("select ends_at + interval '2 hours' as due from appointment where id = ?",
                rs -> Sql.instant(rs, "due"), appointmentId).orElseThrow();
    }

    private String unmarkedVisits() {
        return sql.one("select unmarked_visits from booking_policy where tenant_id = 1", rs -> rs.getString(1)).orElseThrow();
    }

    private List<String> lastEvent(long appointmentId) {
        return sql.list("""
                select from_status || ' → ' || to_status || ' ' || actor_type from appointment_event
                where appointment_id = ? order by at desc, id desc limit 1""", rs -> rs.getString(1), appointmentId);
    }
}
