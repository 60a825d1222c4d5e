package health.leap.portal.mydata;

import health.leap.portal.patient.FamilyLinks;
import health.leap.portal.patient.Relationship;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * My data: a patient sees and downloads everything the portal holds about them, a guardian a linked
 * dependant's, and nobody else anyone's. Patients 7501 (Maria Data, also a guardian), 7502 (another
 * patient of Harbour Health), 7503 (Maria's son), 7504 (someone Maria was linked to once) and 7505 (a
 * patient of Sunrise Clinics); Dr Tom Okafor (202) at London Bridge on Thursday 19 March 2026, a
 * physiotherapy session (102) with a GBP 20.00 token paid online.
 */
@QuarkusTest
class MyDataTest {

    static final long MARIA = 7501;
    static final long OTHER = 7502;
    static final long SON = 7503;
    static final long FORMER = 7504;
    static final long ELSEWHERE = 7505;
    static final List<Long> LEADS = List.of(MARIA, OTHER, SON, FORMER, ELSEWHERE);
    static final Set<String> SHAPE = Set.of("format", "exportedAt", "patient", "appointments", "payments", "refunds",
            "packages", "familyLinks", "mailChoices", "mailsSent", "contactChanges");

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
        for (long lead : List.of(MARIA, OTHER, SON, FORMER)) {
            fixtures.freshPatient(1, lead);
        }
        fixtures.freshPatient(2, ELSEWHERE);
        sql.update("update lead set name = 'Maria Data', email = 'maria@patients.example' where id = ?", MARIA);
        sql.update("update lead set name = 'Otto Other' where id = ?", OTHER);
        sql.update("update lead set name = 'Sami Data', date_of_birth = date '2016-04-01' where id = ?", SON);
        sql.update("update lead set name = 'Fay Former' where id = ?", FORMER);
        sql.update("update lead set name = 'Elena Elsewhere' where id = ?", ELSEWHERE);
        String leads = "(7501, 7502, 7503, 7504, 7505)";
        sql.update("delete from mail_outbox where lead_id in " + leads);
        sql.update("delete from mail_preference where lead_id in " + leads);
        sql.update("delete from family_link_audit where link_id in (select id from family_link where guardian_lead_id in "
                + leads + " or dependant_lead_id in " + leads + ")");
        sql.update("delete from family_link where guardian_lead_id in " + leads + " or dependant_lead_id in " + leads);
    }

    /** A message the portal sent the patient about a booking, as the sender leaves it: its body kept too. */
    void sent(long lead, long appointmentId, String subject) {
        sql.update("""
                insert into mail_outbox (tenant_id, lead_id, appointment_id, kind, actor, dedupe_key, message_id, recipient,
                                         subject, body_html, body_text, status, next_attempt_at, created_at, sent_at)
                select tenant_id, lead_id, id, 'CONFIRMED', 'PATIENT', 'my-data-' || id, '<my-data-' || id || '@test>',
                       'maria@patients.example', ?, '<p>The whole body</p>', 'The whole body', 'SENT', ?, ?, ?
                from appointment where id = ? and lead_id = ?""",
                subject, clock.instant(), clock.instant(), clock.instant().plus(Duration.ofMinutes(1)), appointmentId, lead);
    }

    static JsonObject json(Response response) {
        return Json.createReader(new StringReader(response.asString())).readObject();
    }

    static JsonObject booking(JsonObject file, long id) {
        return file.getJsonArray("appointments").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("booking " + id + " is not in the file"));
    }

    static List<String> strings(JsonObject object, String array, String field) {
        return object.getJsonArray(array).getValuesAs(JsonObject.class).stream()
                .map(o -> o.isNull(field) ? null : o.get(field).getValueType() == JsonValue.ValueType.STRING
                        ? o.getString(field) : o.get(field).toString())
                .toList();
    }

    @Test
    @TestSecurity(user = "p7501", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7501")})
    void aPatientsFileHoldsTheirBookingItsTimelineAndTheirMailAndNothingOfAnotherPatients() {
        long booking = fixtures.paidAndConfirmed(1, MARIA, 202, 102, "2026-03-19T10:00:00Z");
        sent(MARIA, booking, "Your physiotherapy on 19 March is confirmed");
        long others = fixtures.paidAndConfirmed(1, OTHER, 202, 102, "2026-03-19T14:00:00Z");
        sent(OTHER, others, "Otto's visit is confirmed");

        Response response = given().when().get("/profile/data.json");
        response.then().statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Disposition", "attachment; filename=\"leaphealth-data-7501-2026-03-02.json\"")
                .header("Cache-Control", "no-store");
        JsonObject file = json(response);
        assertEquals(SHAPE, file.keySet());
        assertEquals("leaphealth-patient-data/2", file.getString("format"));
        assertEquals("2026-03-02T08:00:00Z", file.getString("exportedAt"));
        JsonObject patient = file.getJsonObject("patient");
        assertEquals("Maria Data", patient.getString("name"));
        assertEquals("maria@patients.example", patient.getString("email"));
        assertEquals("Harbour Health", patient.getString("clinic"));
        assertTrue(patient.isNull("phone") && patient.isNull("dateOfBirth"), patient.toString());

        JsonObject visit = booking(file, booking);
        assertEquals("CONFIRMED", visit.getString("status"));
        assertEquals("2026-03-19T10:00:00Z", visit.getString("startsAt"));
        assertEquals("2026-03-19T10:45:00Z", visit.getString("endsAt"), "a physiotherapy session lasts 45 minutes");
        assertEquals("Dr Tom Okafor", visit.getString("doctor"));
        assertEquals("London Bridge", visit.getString("centre"));
        assertEquals("Physiotherapy session", visit.getString("service"));
        assertEquals("20.00", visit.getString("amountDue"));
        assertEquals("GBP", visit.getString("currency"));
        assertEquals("SUCCEEDED", visit.getString("paymentStatus"));
        assertTrue(visit.isNull("cancelReason"));
        assertEquals(sql.list("select to_status from appointment_event where appointment_id = ? order by at, id",
                rs -> rs.getString(1), booking), strings(visit, "timeline", "toStatus"), "the booking's whole timeline");
        assertEquals("CONFIRMED", strings(visit, "timeline", "toStatus").get(strings(visit, "timeline", "toStatus").size() - 1));
        assertEquals(List.of("PATIENT"), strings(visit, "timeline", "actor").stream().distinct().toList());

        assertTrue(strings(file, "payments", "appointmentId").contains(Long.toString(booking)));
        JsonObject payment = file.getJsonArray("payments").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("appointmentId").longValue() == booking).findFirst().orElseThrow();
        assertEquals("20.00", payment.getString("amount"));
        assertEquals("SUCCEEDED", payment.getString("status"));
        assertEquals(List.of("Your physiotherapy on 19 March is confirmed"), strings(file, "mailsSent", "subject").stream()
                .filter(s -> s != null && s.contains("physiotherapy")).toList());
        assertEquals(List.of("SENT"), file.getJsonArray("mailsSent").getValuesAs(JsonObject.class).stream()
                .filter(m -> "Your physiotherapy on 19 March is confirmed".equals(m.getString("subject", null)))
                .map(m -> m.getString("status")).toList());
        JsonObject choices = file.getJsonObject("mailChoices");
        assertTrue(choices.getBoolean("reminders") && choices.getBoolean("changeNotices") && choices.isNull("updatedAt"));

        // nothing of the other patient's, and never a message's body
        for (List<String> ids : List.of(strings(file, "appointments", "id"), strings(file, "payments", "appointmentId"),
                strings(file, "mailsSent", "appointmentId"))) {
            assertFalse(ids.contains(Long.toString(others)), "the file holds the other patient's booking " + others);
        }
        String raw = response.asString();
        for (String theirs : List.of("Otto", "SBX-TEST-" + others, "The whole body")) {
            assertFalse(raw.contains(theirs), "the file holds " + theirs);
        }
    }

    @Test
    @TestSecurity(user = "p7501", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7501")})
    void thePageListsTheSameBookingAndTheProfileLeadsToIt() {
        long booking = fixtures.paidAndConfirmed(1, MARIA, 202, 102, "2026-03-19T10:00:00Z");
        sent(MARIA, booking, "Your physiotherapy on 19 March is confirmed");
        long others = fixtures.paidAndConfirmed(1, OTHER, 202, 102, "2026-03-19T14:00:00Z");

        given().when().get("/profile").then().statusCode(200)
                .body(allOf(containsString("<h2 id=\"data-heading\">Your data</h2>"),
                        containsString("<a href=\"/profile/data\">See and download my data</a>")));
        given().when().get("/profile/data").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("<h1>My data</h1>"), containsString("href=\"/profile/data.json\" download"),
                        containsString("<h3 id=\"booking-" + booking + "\">Booking " + booking + ": Physiotherapy session</h3>"),
                        containsString("Dr Tom Okafor"), containsString("Thu 19 Mar 2026, 10:00"),
                        containsString("What happened to booking " + booking), containsString("<th scope=\"col\">When</th>"),
                        containsString("Held for 10 minutes"),
                        containsString("GBP 20.00"), containsString("Your physiotherapy on 19 March is confirmed"),
                        not(containsString("booking-" + others)), not(containsString("Otto Other")),
                        not(containsString("The whole body"))));
        // in Spanish, every word
        given().header("Accept-Language", "es").when().get("/profile/data").then().statusCode(200)
                .body(allOf(containsString("<h1>Mis datos</h1>"), containsString("Cita " + booking + ": Physiotherapy session"),
                        containsString("Descargar todo en un archivo (JSON)"), containsString("Reservada provisionalmente por 10 minutos"),
                        containsString("20,00 GBP")));
    }

    @Test
    @TestSecurity(user = "p7501", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7501")})
    void aGuardianDownloadsTheirDependantsDataInTheSameShapeWhileTheLinkHolds() {
        links.link(1, "front-desk-test", MARIA, SON, Relationship.CHILD, null);
        long own = fixtures.paidAndConfirmed(1, MARIA, 202, 102, "2026-03-19T10:00:00Z");
        // held for the son from his pages, in Maria's login
        given().formParam("slot", fixtures.slot(202, "2026-03-19T15:00:00Z")).formParam("service", 102)
                .when().post("/family/7503/appointments").then().statusCode(303);
        long sons = sql.one("select id from appointment where lead_id = ? and status = 'DRAFT'", rs -> rs.getLong(1), SON)
                .orElseThrow();

        Response response = given().when().get("/family/7503/profile/data.json");
        response.then().statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Disposition", "attachment; filename=\"leaphealth-data-7503-2026-03-02.json\"");
        JsonObject file = json(response);
        assertEquals(SHAPE, file.keySet());
        assertEquals("Sami Data", file.getJsonObject("patient").getString("name"));
        assertEquals("2016-04-01", file.getJsonObject("patient").getString("dateOfBirth"));
        JsonObject held = booking(file, sons);
        assertEquals("DRAFT", held.getString("status"));
        assertEquals(List.of("GUARDIAN"), strings(held, "timeline", "actor"));
        assertEquals(List.of("Maria Data"), strings(held, "timeline", "actorName"));
        assertFalse(strings(file, "appointments", "id").contains(Long.toString(own)), "the guardian's own booking is not his");
        JsonObject link = file.getJsonArray("familyLinks").getJsonObject(0);
        assertEquals(List.of("DEPENDANT", "Maria Data", "CHILD", "2034-04-01"), List.of(link.getString("role"),
                link.getString("otherPerson"), link.getString("relationship"), link.getString("endsOn")));
        // and the guardian's own file names the link from her side
        JsonObject mine = json(given().when().get("/profile/data.json"));
        assertEquals(SHAPE, mine.keySet());
        assertEquals(List.of("GUARDIAN Sami Data"), mine.getJsonArray("familyLinks").getValuesAs(JsonObject.class).stream()
                .map(l -> l.getString("role") + " " + l.getString("otherPerson")).toList());

        given().when().get("/family/7503/profile").then().statusCode(200)
                .body(containsString("<a href=\"/family/7503/profile/data\">See and download Sami Data&#39;s data</a>"));
        given().when().get("/family/7503/profile/data").then().statusCode(200)
                .body(allOf(containsString("<h1>Sami Data&#39;s data</h1>"), containsString("href=\"/family/7503/profile/data.json\""),
                        containsString("Booking " + sons + ": Physiotherapy session"), containsString("A family member (Maria Data)"),
                        containsString("Books for Sami Data, who is their child")));

        // someone she was never linked to, and someone whose link ended
        given().when().get("/family/7504/profile/data.json").then().statusCode(403)
                .body(allOf(containsString(ErrorCode.NOT_YOUR_DEPENDANT.name()), not(containsString("Fay Former"))));
        long ended = links.link(1, "front-desk-test", MARIA, FORMER, Relationship.OTHER, null);
        given().when().get("/family/7504/profile/data").then().statusCode(200);
        links.end(1, "front-desk-test", ended);
        for (String page : List.of("/family/7504/profile/data", "/family/7504/profile/data.json")) {
            given().when().get(page).then().statusCode(403).body(containsString(ErrorCode.FAMILY_LINK_ENDED.name()));
        }
    }

    static RequestSpecification staff(String user) {
        return given().auth().oauth2(KeycloakServer.get().passwordToken(user, "demo"));
    }

    @Test
    void staffCannotDownloadAPatientsDataInThePreviewNorAtTheDesk() {
        fixtures.paidAndConfirmed(1, MARIA, 202, 102, "2026-03-19T10:00:00Z");
        for (String page : List.of("/staff/patients/7501/profile/data", "/staff/patients/7501/profile/data.json",
                "/staff/acting/7501/profile/data", "/staff/acting/7501/profile/data.json")) {
            staff("staff.harbour").when().get(page).then().statusCode(403)
                    .body(allOf(containsString("data-error-code=\"FORBIDDEN\""),
                            containsString("clinic staff cannot download it here"), not(containsString("Maria Data&#39;s data")),
                            not(containsString("Physiotherapy session"))));
        }
        // nor through the patients' own path; and the profile they see offers nothing to download
        staff("staff.harbour").when().get("/profile/data.json").then().statusCode(403);
        for (String profile : List.of("/staff/patients/7501/profile", "/staff/acting/7501/profile")) {
            staff("staff.harbour").when().get(profile).then().statusCode(200)
                    .body(allOf(containsString("Maria Data"), not(containsString("/profile/data")),
                            not(containsString("See and download"))));
        }
        // another clinic's staff do not reach her at all
        staff("staff.sunrise").when().get("/staff/patients/7501/profile/data").then().statusCode(403)
                .body(not(containsString("Maria Data")));
    }

    @Test
    @TestSecurity(user = "p7501", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7501")})
    void anotherClinicsPatientIsNeverReachableEvenThroughAForgedLink() {
        // a link row no screen can make: Maria's clinic, Sunrise's patient
        sql.update("""
                insert into family_link (tenant_id, guardian_lead_id, dependant_lead_id, relationship, linked_by, linked_at)
                values (1, ?, ?, 'OTHER', 'forged', ?)""", MARIA, ELSEWHERE, clock.instant());
        for (String page : List.of("/family/7505/profile/data", "/family/7505/profile/data.json")) {
            given().when().get(page).then().statusCode(403)
                    .body(allOf(containsString(ErrorCode.NOT_YOUR_DEPENDANT.name()), not(containsString("Elena Elsewhere"))));
        }
        assertFalse(given().when().get("/profile/data.json").asString().contains("Elena Elsewhere"),
                "her own file does not name another clinic's patient");
    }

    @Test
    @TestSecurity(user = "p7505", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7505")})
    void aTokenNamingAnotherClinicsPatientReachesNothing() {
        for (String page : List.of("/profile/data", "/profile/data.json")) {
            given().when().get(page).then().statusCode(403)
                    .body(allOf(containsString(ErrorCode.ACCOUNT_NOT_LINKED.name()), not(containsString("Elena Elsewhere"))));
        }
    }

    @Test
    void aPatientWithNothingYetHasEveryPartOfTheShapeEmptyOrNull() {
        String empty = PatientDataJson.of(new PatientData(Instant.parse("2026-03-02T08:00:00Z"), ZoneId.of("Europe/London"),
                new PatientData.Details(1, "Clinic", "Name", null, null, LocalDate.of(2000, 1, 31)), List.of(), List.of(),
                List.of(), List.of(), List.of(), new PatientData.MailChoices(true, false, "es", null), List.of(),
                List.of()));
        JsonObject file = Json.createReader(new StringReader(empty)).readObject();
        assertEquals(SHAPE, file.keySet());
        assertEquals("2000-01-31", file.getJsonObject("patient").getString("dateOfBirth"));
        assertTrue(file.getJsonObject("patient").isNull("email"));
        assertEquals("es", file.getJsonObject("mailChoices").getString("language"));
        assertEquals(0, file.getJsonArray("appointments").size() + file.getJsonArray("mailsSent").size());
    }
}
