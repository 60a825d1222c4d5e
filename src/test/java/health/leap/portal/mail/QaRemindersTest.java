package health.leap.portal.mail;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** QA's test clock of the reminder rule (on in the tests, refused in production): one booking, one time, the job's rule. */
@QuarkusTest
class QaRemindersTest {

    static final long LEAD = 7104;

    @Inject
    Sql sql;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
        sql.update("update lead set email = 'p7104@patients.example' where id = ?", LEAD);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakServer.get().passwordToken(user, "demo"));
    }

    long reminders(long appointmentId) {
        return sql.one("select count(*) from mail_outbox where appointment_id = ? and kind = 'REMINDER'",
                rs -> rs.getLong(1), appointmentId).orElseThrow();
    }

    @Test
    void staffQueueABookingsReminderWhenItIsDueAtTheTimeTheyGiveOnce() {
        long id = fixtures.confirmed(1, LEAD, 201, 101, "2026-03-31T09:30:00Z");
        // another clinic's staff learn nothing about it, and queue nothing
        as("staff.sunrise").formParam("appointment", id).formParam("at", "2026-03-30T09:30:00Z").when().post("/qa/reminders")
                .then().statusCode(200).body(containsString("No reminder of booking #" + id + " is due"));
        as("staff.harbour").formParam("appointment", id).formParam("at", "2026-03-30T09:29:00Z").when().post("/qa/reminders")
                .then().statusCode(200).body(containsString("No reminder"));
        assertEquals(0, reminders(id));
        as("staff.harbour").formParam("appointment", id).formParam("at", "2026-03-30T09:30:00Z").when().post("/qa/reminders")
                .then().statusCode(200).body(containsString("Reminder of booking #" + id + " queued as at 2026-03-30T09:30:00Z."));
        as("staff.harbour").formParam("appointment", id).formParam("at", "2026-03-31T09:00:00Z").when().post("/qa/reminders")
                .then().statusCode(200).body(containsString("No reminder"));
        assertEquals(1, reminders(id));
        // patients cannot move the clock, and a time that is not one is refused
        as("amelia").formParam("appointment", id).formParam("at", "2026-03-30T09:30:00Z").when().post("/qa/reminders")
                .then().statusCode(403);
        as("staff.harbour").formParam("appointment", id).formParam("at", "tomorrow").when().post("/qa/reminders")
                .then().statusCode(400).body(containsString("is not one such as 2026-03-02T08:00:00Z"));
    }
}
