package health.leap.portal.staff;

import health.leap.portal.booking.HoldExpiry;
import health.leap.portal.booking.HoldService;
import health.leap.portal.booking.SandboxCheckout;
import health.leap.portal.platform.Browser;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front desk acting for a patient with real tokens: the patient's own pages under
 * {@code /staff/acting/{lead}}, the same rules and races as online, the rules the desk may go past only
 * with a reason, paying at the desk, late cancels and moves with a reason, and the audit of it all.
 */
@QuarkusTest
class DeskTest {

    static final long PATIENT = 9301;
    static final long OTHER = 9302;
    static final String DESK = "/staff/acting/" + PATIENT;
    /** Dr Aoife Byrne's (205) General consultation (101) at Dublin Docklands (4 hours' notice), paid nothing online. */
    static final long DOCTOR = 205;
    static final long CONSULTATION = 101;
    /** Dr Tom Okafor's (202) Physiotherapy session (102), a GBP 20.00 token online. */
    static final long PHYSIO_DOCTOR = 202;
    static final long PHYSIO = 102;

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    Fixtures fixtures;
    @Inject
    HoldService holds;
    @Inject
    HoldExpiry holdExpiry;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, PATIENT);
        fixtures.freshPatient(1, OTHER);
    }

    static RequestSpecification as(String user) {
        return Browser.given().auth().oauth2(KeycloakServer.get().passwordToken(user, "demo"));
    }

    /** Holds as the desk, with the reason it gives (or none); returns the new booking's id. */
    long deskHolds(long doctor, long service, String utcStart, String reason) {
        RequestSpecification request = as("staff.harbour").formParam("slot", fixtures.slot(doctor, utcStart))
                .formParam("service", service);
        if (reason != null) {
            request.formParam("deskReason", reason);
        }
        request.when().post(DESK + "/appointments").then().statusCode(303);
        return newest();
    }

    long newest() {
        return sql.one("select max(id) from appointment where lead_id = ?", rs -> rs.getLong(1), PATIENT).orElseThrow();
    }

    List<String> timeline(long appointmentId) {
        return sql.list("select actor_type || ' ' || coalesce(actor_id, '') || ' ' || coalesce(detail, '') from appointment_event"
                + " where appointment_id = ? order by id", rs -> rs.getString(1), appointmentId);
    }

    @Test
    void theDeskActsOnThePatientsOwnPagesWithABannerAndEveryLinkStaysThere() {
        as("staff.harbour").when().get("/staff/acting/1/").then().statusCode(200)
                .body(containsString("You are acting for Amelia Hart."),
                        containsString("recorded under your name (staff.harbour)"),
                        containsString("href=\"/staff/acting/1/appointments\""),
                        containsString("href=\"/staff/acting/1/doctors\""),
                        not(containsString("Preview of Amelia Hart")));
        // the picker's times are buttons, with the desk's reason beside them
        as("staff.harbour").when().get("/staff/acting/1/doctors/201?centre=1&service=101&date=2026-03-23").then()
                .statusCode(200).body(containsString("name=\"deskReason\""), containsString("aria-label=\"Hold "),
                        containsString("action=\"/staff/acting/1/appointments\""));
        // the finder opens it
        as("staff.harbour").when().get("/staff/patients?q=Amelia").then().statusCode(200)
                .body(containsString("href=\"/staff/acting/1/\""), containsString("href=\"/staff/audit/1\""));
        // from a doctor's day list, the finder opens that doctor's free times of the day for the patient found
        as("staff.harbour").when().get("/staff/day?centre=1&doctor=201&date=2026-03-04").then().statusCode(200)
                .body(containsString("href=\"/staff/patients?doctor=201&amp;centre=1&amp;date=2026-03-04\""));
        as("staff.harbour").when().get("/staff/patients?q=Amelia&doctor=201&centre=1&date=2026-03-04").then().statusCode(200)
                .body(containsString("href=\"/staff/acting/1/doctors/201?centre=1&amp;date=2026-03-04\""),
                        containsString("name=\"doctor\" value=\"201\""));
    }

    @Test
    void onlyStaffOfThePatientsOwnClinicActForThem() {
        as("staff.sunrise").when().get("/staff/acting/1/").then().statusCode(403);
        as("staff.sunrise").when().get("/staff/acting/1/appointments").then().statusCode(403);
        as("staff.sunrise").formParam("slot", fixtures.slot(DOCTOR, "2026-03-23T16:00:00Z")).formParam("service", CONSULTATION)
                .when().post("/staff/acting/1/appointments").then().statusCode(403);
        as("staff.sunrise").when().get("/staff/audit/1").then().statusCode(403);
        // a patient is not the desk, not even for themselves
        as("amelia").when().get("/staff/acting/1/").then().statusCode(403);
        as("amelia").when().get("/staff/audit/1").then().statusCode(403);
        as("staff.harbour").when().get("/staff/acting/99999999/").then().statusCode(404);
        as("staff.harbour").when().get("/staff/acting/abc/").then().statusCode(400);
        assertEquals(0, sql.one("select count(*) from appointment where lead_id = 1 and starts_at = ?", rs -> rs.getInt(1),
                Instant.parse("2026-03-23T16:00:00Z")).orElseThrow());
    }

    @Test
    void aBookingTheDeskMakesIsThePatientsWithTheStaffMemberOnItsTimelineAndNobodyElseGetsItsTime() {
        long id = deskHolds(DOCTOR, CONSULTATION, "2026-03-23T16:00:00Z", null);
        as("staff.harbour").when().post(DESK + "/appointments/" + id + "/confirm").then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(id));
        assertTrue(timeline(id).stream().allMatch(line -> line.startsWith("STAFF staff.harbour")), timeline(id).toString());
        // the patient sees who booked it on their own page
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().statusCode(200)
                .body(containsString("by the clinic (staff.harbour)"));
        // online, the same time is taken for another patient
        Problem taken = assertThrows(Problem.class,
                () -> holds.hold(1, OTHER, fixtures.slot(DOCTOR, "2026-03-23T16:00:00Z"), CONSULTATION, false));
        assertEquals("SLOT_TAKEN", taken.code().name());
        // and the other way round: a time the patient holds online, the desk is told is taken
        holds.hold(1, OTHER, fixtures.slot(DOCTOR, "2026-03-23T16:30:00Z"), CONSULTATION, false);
        as("staff.harbour").formParam("slot", fixtures.slot(DOCTOR, "2026-03-23T16:30:00Z")).formParam("service", CONSULTATION)
                .when().post(DESK + "/appointments").then().statusCode(409).body(containsString("data-error-code=\"SLOT_TAKEN\""));
    }

    @Test
    void aWalkInPastTheSameDayCutoffNeedsTheDesksReasonWhichGoesOnTheTimeline() {
        clock.set(Instant.parse("2026-03-02T13:00:00Z"));
        long slot = fixtures.slot(DOCTOR, "2026-03-02T15:00:00Z");
        // online it is past the cutoff
        Problem online = assertThrows(Problem.class, () -> holds.hold(1, OTHER, slot, CONSULTATION, false));
        assertEquals("SAME_DAY_CUTOFF_PASSED", online.code().name());
        // the desk without a reason is told the rule and that a reason lets it past
        as("staff.harbour").formParam("slot", slot).formParam("service", CONSULTATION).when().post(DESK + "/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"DESK_REASON_REQUIRED\""),
                        containsString("write the reason"),
                        // with the box for the reason and the day's times, to try again
                        containsString("name=\"deskReason\""), containsString("name=\"slot\" value=\"" + slot + "\""));
        long id = deskHolds(DOCTOR, CONSULTATION, "2026-03-02T15:00:00Z", "Walk-in, in pain");
        as("staff.harbour").when().post(DESK + "/appointments/" + id + "/confirm").then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(id));
        // every rule gone past: in Dublin, four hours' notice too
        assertTrue(timeline(id).contains("STAFF staff.harbour desk-override:SAME_DAY_CUTOFF_PASSED,TOO_SOON;text:Walk-in, in pain"),
                timeline(id).toString());
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then()
                .body(containsString("Done by the front desk past the online rules (same-day cutoff, minimum notice): Walk-in, in pain"));
    }

    @Test
    void theDesksReasonGoesWithTheTimeWhenThePatientStillHoldsAnother() {
        clock.set(Instant.parse("2026-03-02T13:00:00Z"));
        fixtures.hold(1, PATIENT, DOCTOR, CONSULTATION, "2026-03-05T09:30:00Z");
        long walkIn = fixtures.slot(DOCTOR, "2026-03-02T14:30:00Z");
        // asked which hold to keep, the desk's answer carries the reason it gave for the walk-in
        as("staff.harbour").formParam("slot", walkIn).formParam("service", CONSULTATION).formParam("deskReason", "Walk-in, dizzy")
                .when().post(DESK + "/appointments").then().statusCode(409)
                .body(containsString("data-error-code=\"DRAFT_OPEN\""),
                        containsString("name=\"deskReason\" value=\"Walk-in, dizzy\""));
        as("staff.harbour").formParam("slot", walkIn).formParam("service", CONSULTATION).formParam("release", "true")
                .formParam("deskReason", "Walk-in, dizzy").when().post(DESK + "/appointments").then().statusCode(303);
        long id = newest();
        assertEquals("DRAFT", fixtures.status(id));
        assertTrue(timeline(id).stream().anyMatch(line -> line.contains("desk-override:SAME_DAY_CUTOFF_PASSED,TOO_SOON;text:Walk-in, dizzy")),
                timeline(id).toString());
    }

    @Test
    void theMaximumAdvanceIsNeverGonePastNotEvenWithAReason() {
        clock.set(Instant.parse("2026-02-10T08:00:00Z"));
        as("staff.harbour").formParam("slot", fixtures.slot(DOCTOR, "2026-03-23T16:00:00Z")).formParam("service", CONSULTATION)
                .formParam("deskReason", "The patient insists").when().post(DESK + "/appointments")
                .then().statusCode(422).body(containsString("data-error-code=\"TOO_FAR_AHEAD\""));
        assertEquals(0, sql.one("select count(*) from appointment where lead_id = ?", rs -> rs.getInt(1), PATIENT).orElseThrow());
    }

    @Test
    void theActiveLimitIsGonePastOnlyWithAReason() {
        List<String> starts = List.of("2026-03-25T14:00:00Z", "2026-03-25T14:30:00Z", "2026-03-25T15:00:00Z");
        for (String start : starts) {
            fixtures.confirmed(1, PATIENT, DOCTOR, CONSULTATION, start);
        }
        as("staff.harbour").formParam("slot", fixtures.slot(DOCTOR, "2026-03-25T15:30:00Z")).formParam("service", CONSULTATION)
                .when().post(DESK + "/appointments").then().statusCode(422)
                .body(containsString("data-error-code=\"DESK_REASON_REQUIRED\""));
        long id = deskHolds(DOCTOR, CONSULTATION, "2026-03-25T15:30:00Z", "Course of four visits agreed with Dr Byrne");
        as("staff.harbour").when().post(DESK + "/appointments/" + id + "/confirm").then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(id));
        assertTrue(timeline(id).stream().anyMatch(l -> l.contains("desk-override:ACTIVE_LIMIT_REACHED")), timeline(id).toString());
    }

    @Test
    void aVisitToPayAtTheDeskIsConfirmedOwedAndPaidAtCheckInWithAReference() {
        long id = deskHolds(PHYSIO_DOCTOR, PHYSIO, "2026-03-03T14:00:00Z", null);
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().statusCode(200)
                .body(containsString("Book it, GBP 20.00 to pay at the clinic&#39;s desk"));
        as("staff.harbour").formParam("pay", "desk").when().post(DESK + "/appointments/" + id + "/confirm").then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(id));
        assertTrue(sql.one("select pay_at_desk and desk_paid_at is null from appointment where id = ?", rs -> rs.getBoolean(1), id)
                .orElseThrow());
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().body(containsString("GBP 20.00 to pay at the desk."));
        as("staff.harbour").when().get("/staff/day?centre=1&date=2026-03-03").then().statusCode(200)
                .body(containsString("GBP 20.00 to pay at the desk"));
        // on the day, checked in and paid by card in one go
        clock.set(Instant.parse("2026-03-03T13:50:00Z"));
        as("staff.harbour").formParam("paidBy", "card").formParam("reference", "slip 4411")
                .when().post("/staff/day/" + id + "/check-in").then().statusCode(303);
        assertEquals("CHECKED_IN", fixtures.status(id));
        assertEquals("card slip 4411", sql.one("select desk_payment_reference from appointment where id = ?",
                rs -> rs.getString(1), id).orElseThrow());
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then()
                .body(containsString("GBP 20.00 paid at the desk on"), containsString("(card slip 4411)"),
                        containsString("Paid at the clinic&#39;s desk: card slip 4411"));
        // paid once
        as("staff.harbour").formParam("paidBy", "cash").when().post("/staff/day/" + id + "/paid").then().statusCode(409);
        as("staff.harbour").formParam("paidBy", "cheque").when().post("/staff/day/" + id + "/paid").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "p9302", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9302")})
    void onlyTheDeskBooksAVisitToPayAtTheClinic() {
        long id = fixtures.hold(1, OTHER, PHYSIO_DOCTOR, PHYSIO, "2026-03-23T09:00:00Z");
        // a patient who sends the desk's choice still has to pay online first
        Browser.given().formParam("pay", "desk").when().post("/appointments/" + id + "/confirm").then().statusCode(409)
                .body(containsString("data-error-code=\"PAYMENT_REQUIRED\""));
        assertEquals("DRAFT", fixtures.status(id));
        // and is never offered it
        Browser.given().when().get("/appointments/" + id).then().statusCode(200)
                .body(not(containsString("data-pay-at-desk")), not(containsString("name=\"deskReason\"")));
    }

    @Test
    void insideTheWindowTheDeskCancelsWithAReasonAndSaysWhetherThePaymentComesBack() {
        long id = fixtures.paidAndConfirmed(1, PATIENT, PHYSIO_DOCTOR, PHYSIO, "2026-03-03T10:00:00Z");
        clock.set(Instant.parse("2026-03-02T12:00:00Z"));
        String cancel = DESK + "/appointments/" + id + "/cancel";
        // the page offers the desk's cancel, with the refund choice
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().statusCode(200)
                .body(containsString("data-desk-cancel"), containsString("name=\"refund\" value=\"none\""));
        as("staff.harbour").formParam("refund", "none").when().post(cancel).then().statusCode(422)
                .body(containsString("data-error-code=\"DESK_REASON_REQUIRED\""));
        as("staff.harbour").formParam("reason", "Dr Byrne is ill").when().post(cancel).then().statusCode(422)
                .body(containsString("data-error-code=\"DESK_REFUND_CHOICE_REQUIRED\""));
        assertEquals("CONFIRMED", fixtures.status(id));
        as("staff.harbour").formParam("reason", "Dr Byrne is ill").formParam("refund", "none").when().post(cancel)
                .then().statusCode(303);
        assertEquals("CANCELLED", fixtures.status(id));
        List<String> lines = timeline(id);
        assertTrue(lines.contains("STAFF staff.harbour cancelled;no-refund;text:Dr Byrne is ill"), lines.toString());
        assertTrue(lines.contains("STAFF staff.harbour desk-override:CANCELLATION_WINDOW_CLOSED;text:Dr Byrne is ill"),
                lines.toString());
        // the patient is written to about it, as for any cancellation by the clinic
        assertTrue(sql.one("select count(*) from mail_outbox where appointment_id = ? and kind = 'CANCELLED' and actor = 'STAFF'",
                rs -> rs.getInt(1), id).orElseThrow() == 1);
    }

    @Test
    void aVisitThatTookNothingIsCancelledInsideTheWindowWithAReasonAndNoQuestionOfARefund() {
        long id = fixtures.confirmed(1, PATIENT, DOCTOR, CONSULTATION, "2026-03-03T10:00:00Z");
        clock.set(Instant.parse("2026-03-02T12:00:00Z"));
        // the desk's cancel asks for the reason only: nothing was paid and no package session taken
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().statusCode(200)
                .body(containsString("data-desk-cancel"), not(containsString("name=\"refund\"")));
        as("staff.harbour").formParam("reason", "Dr Byrne is ill").when().post(DESK + "/appointments/" + id + "/cancel")
                .then().statusCode(303);
        assertEquals("CANCELLED", fixtures.status(id));
        List<String> lines = timeline(id);
        assertTrue(lines.contains("STAFF staff.harbour cancelled;text:Dr Byrne is ill"), lines.toString());
        // and the patient is not told that "nothing is refunded" of a visit that cost nothing
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().statusCode(200)
                .body(containsString("Cancelled: Dr Byrne is ill"), not(containsString("nothing is refunded")));
    }

    @Test
    @TestSecurity(user = "p9301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9301")})
    void thePatientOnlineIsStillRefusedInsideTheWindowWhateverTheFormSays() {
        long id = fixtures.confirmed(1, PATIENT, DOCTOR, CONSULTATION, "2026-03-03T10:30:00Z");
        clock.set(Instant.parse("2026-03-03T02:00:00Z"));
        Browser.given().formParam("reason", "x").formParam("refund", "none").when().post("/appointments/" + id + "/cancel")
                .then().statusCode(422).body(containsString("data-error-code=\"CANCELLATION_WINDOW_CLOSED\""));
        Browser.given().formParam("slot", fixtures.slot(DOCTOR, "2026-03-05T14:00:00Z")).formParam("deskReason", "x")
                .when().post("/appointments/" + id + "/reschedule")
                .then().statusCode(422).body(containsString("data-error-code=\"RESCHEDULE_WINDOW_CLOSED\""));
        assertEquals("CONFIRMED", fixtures.status(id));
        Browser.given().when().get("/appointments/" + id).then().statusCode(200)
                .body(not(containsString("data-desk-cancel")), not(containsString("data-desk-move")));
    }

    @Test
    void insideTheRescheduleWindowTheDeskMovesWithAReason() {
        long id = fixtures.confirmed(1, PATIENT, DOCTOR, CONSULTATION, "2026-03-03T11:00:00Z");
        clock.set(Instant.parse("2026-03-03T02:00:00Z"));
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().statusCode(200)
                .body(containsString("data-desk-move"));
        as("staff.harbour").when().get(DESK + "/appointments/" + id + "/reschedule?date=2026-03-05").then().statusCode(200)
                .body(containsString("name=\"deskReason\""));
        long target = fixtures.slot(DOCTOR, "2026-03-05T11:00:00Z");
        as("staff.harbour").formParam("slot", target).when().post(DESK + "/appointments/" + id + "/reschedule")
                .then().statusCode(422).body(containsString("data-error-code=\"DESK_REASON_REQUIRED\""),
                        containsString("name=\"deskReason\""), containsString("name=\"slot\" value=\"" + target + "\""));
        as("staff.harbour").formParam("slot", target).formParam("deskReason", "Patient called, car broke down")
                .when().post(DESK + "/appointments/" + id + "/reschedule").then().statusCode(303);
        assertEquals("RESCHEDULED", fixtures.status(id));
        long moved = newest();
        // once its time has come, not even the desk moves or cancels it: the day list marks it
        clock.set(Instant.parse("2026-03-05T11:05:00Z"));
        as("staff.harbour").formParam("slot", fixtures.slot(DOCTOR, "2026-03-06T11:00:00Z")).formParam("deskReason", "Late")
                .when().post(DESK + "/appointments/" + moved + "/reschedule").then().statusCode(409)
                .body(containsString("This visit has begun"));
        as("staff.harbour").formParam("reason", "Late").formParam("refund", "none")
                .when().post(DESK + "/appointments/" + moved + "/cancel").then().statusCode(409);
        assertEquals("CONFIRMED", fixtures.status(moved));
        assertTrue(timeline(moved).contains(
                "STAFF staff.harbour desk-override:RESCHEDULE_WINDOW_CLOSED;text:Patient called, car broke down"), timeline(moved).toString());
    }

    @Test
    void theAuditListsWhatStaffDidWithTheirReasons() {
        clock.set(Instant.parse("2026-03-02T13:00:00Z"));
        long id = deskHolds(DOCTOR, CONSULTATION, "2026-03-02T16:30:00Z", "Walk-in for a repeat prescription");
        as("staff.harbour").when().get("/staff/audit/" + PATIENT).then().statusCode(200)
                .body(allOf(containsString("What staff did for Test patient " + PATIENT), containsString("staff.harbour"),
                        containsString("Walk-in for a repeat prescription"),
                        containsString("href=\"/staff/acting/" + PATIENT + "/appointments/" + id + "\""),
                        containsString("data-audit-page")));
        assertFalse(sql.list("select page from preview_audit where lead_id = ?", rs -> rs.getString(1), PATIENT).isEmpty());
    }

    @Test
    void aPaymentLinkKeepsTheTimeForTheHoursTheDeskChoosesUpToTheClinicsLimitAndLapsesWithTheHold() {
        long id = deskHolds(PHYSIO_DOCTOR, PHYSIO, "2026-03-30T13:00:00Z", null);
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then().statusCode(200)
                .body(containsString("data-payment-link"), containsString("name=\"hours\""));
        as("staff.harbour").formParam("hours", "49").when().post(DESK + "/appointments/" + id + "/payment-link").then()
                .statusCode(400).body(containsString("at most 48 hours"));
        as("staff.harbour").formParam("hours", "24").when().post(DESK + "/appointments/" + id + "/payment-link").then()
                .statusCode(303);
        assertEquals(clock.instant().plus(Duration.ofHours(24)), sql.one("select hold_expires_at from appointment where id = ?",
                rs -> Sql.instant(rs, "hold_expires_at"), id).orElseThrow());
        assertTrue(timeline(id).contains("STAFF staff.harbour payment-link:86400"), timeline(id).toString());
        assertEquals(1, sql.one("select count(*) from mail_outbox where appointment_id = ? and kind = 'PAYMENT_LINK'",
                rs -> rs.getInt(1), id).orElseThrow());
        as("staff.harbour").when().get(DESK + "/appointments/" + id).then()
                .body(containsString("A payment link was emailed to the patient"),
                        containsString("Payment link emailed to the patient; the time is kept for 24 hours"));
        // unpaid, it lapses with the hold: the time is free again
        clock.advance(Duration.ofHours(25));
        holdExpiry.sweep();
        assertEquals("EXPIRED", fixtures.status(id));
    }

    @Test
    @TestSecurity(user = "p9301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "9301")})
    void thePatientPaysThroughTheLinkAndTheBookingIsConfirmedButSendsNoLinkThemselves() {
        long id = fixtures.hold(1, PATIENT, PHYSIO_DOCTOR, PHYSIO, "2026-03-30T14:00:00Z");
        Browser.given().formParam("hours", "24").when().post("/appointments/" + id + "/payment-link").then().statusCode(403);
        // the desk's link, sent for them
        holds.keepForPaymentLink(1, PATIENT, id, 24);
        clock.advance(Duration.ofHours(20));
        String back = SandboxCheckout.answer(SandboxCheckout.start(id, "GBP 20.00"), "SUCCEEDED");
        Browser.given().urlEncodingEnabled(false).when().get(back).then().statusCode(303);
        assertEquals("CONFIRMED", fixtures.status(id));
    }

    @Test
    void sunrisesDeskMovesAndCancelsInsideItsWindowsWithAReasonAndNoRefund() {
        long chloeLike = 9321;
        fixtures.freshPatient(2, chloeLike);
        String desk = "/staff/acting/" + chloeLike;
        // Dr Rachel Green's (211) primary care visits in Boston; Sunrise takes no cancellation online within 48 hours
        long first = fixtures.confirmed(2, chloeLike, 211, 111, "2026-03-03T16:00:00Z");
        // Dr Ortega's (212) physical therapy, paid (USD 25.00) online
        long second = fixtures.paidAndConfirmed(2, chloeLike, 212, 112, "2026-03-03T19:00:00Z");
        // 9 hours before: inside the 12 hours in which nobody moves a visit online
        clock.set(Instant.parse("2026-03-03T07:00:00Z"));
        as("staff.sunrise").formParam("slot", fixtures.slot(211, "2026-03-04T15:00:00Z"))
                .formParam("deskReason", "Dr Green runs late today").when().post(desk + "/appointments/" + first + "/reschedule")
                .then().statusCode(303);
        assertEquals("RESCHEDULED", fixtures.status(first));
        long moved = sql.one("select id from appointment where rescheduled_from_id = ?", rs -> rs.getLong(1), first).orElseThrow();
        assertTrue(timeline(moved).contains("STAFF staff.sunrise desk-override:RESCHEDULE_WINDOW_CLOSED;text:Dr Green runs late today"),
                timeline(moved).toString());
        as("staff.sunrise").formParam("reason", "The clinic closes early").formParam("refund", "none")
                .when().post(desk + "/appointments/" + second + "/cancel").then().statusCode(303);
        assertEquals("CANCELLED", fixtures.status(second));
        assertTrue(timeline(second).contains("STAFF staff.sunrise cancelled;no-refund;text:The clinic closes early"),
                timeline(second).toString());
        // the patient's page says so, in the words of the timeline
        as("staff.sunrise").when().get(desk + "/appointments/" + second).then().statusCode(200)
                .body(containsString("Cancelled: The clinic closes early; nothing is refunded"),
                        containsString("by the clinic (staff.sunrise)"));
        // and Harbour's desk reaches none of it
        as("staff.harbour").when().get(desk + "/appointments/" + second).then().statusCode(403);
    }

    @Test
    void theDeskActsForAGuardiansChildrenFromTheFamilySwitcher() {
        // acting for Amelia, the switcher she sees offers her children, each in the desk's pages
        as("staff.harbour").when().get("/staff/acting/1/").then().statusCode(200)
                .body(containsString("href=\"/staff/acting/5/\""), containsString("href=\"/staff/acting/6/\""));
        as("staff.harbour").when().get("/staff/acting/5/").then().statusCode(200)
                .body(containsString("You are acting for Leo Hart."));
    }
}
