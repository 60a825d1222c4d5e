package health.leap.portal.appointments;

import health.leap.portal.platform.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestSecurity(user = "p6501", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6501")})
class CalendarTest {

    static final long LEAD = 6501;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, LEAD);
    }

    long hold(long doctor, String utcStart) {
        return fixtures.hold(1, LEAD, doctor, 101, utcStart);
    }

    @Test
    void aConfirmedBookingIsAValidCalendarEventInTheCentresZone() throws Exception {
        long id = fixtures.confirmed(1, LEAD, 205, 101, "2026-03-31T09:00:00Z");
        given().when().get("/appointments/" + id).then().body(containsString("Add to my calendar"));
        String ics = given().when().get("/appointments/" + id + "/calendar.ics").then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .header("Content-Disposition", containsString("appointment-" + id + ".ics"))
                .extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertEquals("General consultation with Dr Aoife Byrne", value(event, "SUMMARY"));
        Property start = event.getProperty("DTSTART").orElseThrow();
        // Irish summer time has begun: 09:00 UTC is 10:00 in Dublin
        assertEquals("20260331T100000", start.getValue());
        assertEquals("Europe/Dublin", start.getParameter("TZID").orElseThrow().getValue());
        // the consultation takes 20 minutes of the 30-minute slot: the event ends with the visit
        assertEquals("20260331T102000", value(event, "DTEND"));
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/Dublin"));
        assertTrue(value(event, "LOCATION").startsWith("Dublin Docklands"));
    }

    static String value(VEvent event, String name) {
        return event.getProperty(name).orElseThrow().getValue();
    }

    @Test
    void onlyConfirmedAndLaterBookingsAndOnlyYourOwn() {
        long draft = hold(205, "2026-03-31T09:30:00Z");
        given().when().get("/appointments/" + draft + "/calendar.ics").then().statusCode(409);
        given().when().get("/appointments/" + draft).then().body(not(containsString("Add to my calendar")));
        given().when().get("/appointments/501/calendar.ics").then().statusCode(403);
        given().when().get("/appointments/987654321/calendar.ics").then().statusCode(404);
        given().when().get("/appointments/x/calendar.ics").then().statusCode(400);
    }
}
