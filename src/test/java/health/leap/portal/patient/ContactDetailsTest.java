package health.leap.portal.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.leap.portal.mail.MailSender;
import health.leap.portal.mail.MailTest;
import health.leap.portal.mail.Reminders;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.MailServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import health.leap.portal.web.ErrorCode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contact details on the profile (issue 35): the phone at once, the email through a link mailed to the
 * new address, the record and the Keycloak account in step, the trail; and every refusal with its code
 * and nothing half-written. Patients 7301 to 7312 of Harbour Health.
 */
@QuarkusTest
class ContactDetailsTest {

    static final long PATIENT = 7301;
    static final long OTHER = 7302;
    static final long GUARDIAN = 7303;
    static final long CHILD = 7304;
    static final long WITH_ACCOUNT = 7305;
    static final List<Long> LEADS = List.of(PATIENT, OTHER, GUARDIAN, CHILD, WITH_ACCOUNT);
    private static final Pattern LINK = Pattern.compile("https?://\\S+/profile/email/confirm\\?token=([A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sql sql;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    MailSender sender;
    @Inject
    Reminders reminders;
    @Inject
    FamilyLinks familyLinks;

    @BeforeEach
    void setUp() {
        for (long lead : LEADS) {
            fixtures.freshPatient(1, lead);
            sql.update("update lead set email = ?, phone = ? where id = ?", "p" + lead + "@patients.example",
                    "+44 7700 90" + lead, lead);
            sql.update("delete from mail_preference where lead_id = ?", lead);
        }
        sql.update("update lead set email = null, phone = null where id = ?", CHILD);
        String leads = "(7301, 7302, 7303, 7304, 7305)";
        sql.update("delete from mail_outbox where lead_id in " + leads);
        sql.update("delete from email_change where lead_id in " + leads);
        sql.update("delete from contact_change where lead_id in " + leads);
        sql.update("delete from family_link_audit where link_id in (select id from family_link where guardian_lead_id = ?)", GUARDIAN);
        sql.update("delete from family_link where guardian_lead_id = ?", GUARDIAN);
        MailServer.startServer();
        sendAll();
        MailServer.clear();
    }

    String lead(String column, long lead) {
        return sql.one("select " + column + " from lead where id = ?", rs -> rs.getString(1), lead).orElse(null);
    }

    List<String> trail(long lead) {
        return sql.list("""
                select field || ' ' || coalesce(old_value, '-') || ' > ' || coalesce(new_value, '-') || ' by ' || actor || ' '
                       || coalesce(actor_staff, cast(actor_lead_id as text)) from contact_change where lead_id = ? order by id""",
                rs -> rs.getString(1), lead);
    }

    long count(String sqlCount, Object... params) {
        return sql.one(sqlCount, rs -> rs.getLong(1), params).orElseThrow();
    }

    /** The token of the newest link asked for the patient, as the outbox words it from the nonce. */
    String tokenOf(long lead) {
        sendAll();
        List<MimeMessage> mails = MailServer.received().stream().filter(m -> subject(m).startsWith("Confirm your new email")).toList();
        assertFalse(mails.isEmpty(), "a link was mailed");
        Matcher link = LINK.matcher(text(mails.get(mails.size() - 1)));
        assertTrue(link.find(), "the mail carries the link");
        return link.group(1);
    }

    void sendAll() {
        for (int i = 0; i < 20 && sender.sendBatch(50).more(); i++) {
            // next batch
        }
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void aPatientChangesTheirPhoneAtOnceAndItIsOnTheTrail() {
        given().formParam("phone", " +44  7700 111222 ").when().post("/profile/phone").then().statusCode(303)
                .header("Location", endsWith("/profile?contact=phone"));
        assertEquals("+44 7700 111222", lead("phone", PATIENT));
        assertEquals(List.of("PHONE +44 7700 907301 > +44 7700 111222 by PATIENT 7301"), trail(PATIENT));
        given().when().get("/profile?contact=phone").then().statusCode(200)
                .body(containsString("The phone number is saved."), containsString("value=\"+44 7700 111222\""),
                        containsString("<caption id=\"trail-caption\">"), containsString("<td>+44 7700 907301</td>"),
                        containsString("The patient"));
        // the same number again changes nothing and adds nothing to the trail
        given().formParam("phone", "+44 7700 111222").when().post("/profile/phone").then().statusCode(303);
        assertEquals(1, trail(PATIENT).size());
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void aMalformedPhoneOrEmailIsRefusedAtItsFieldAndNothingIsWritten() {
        for (String phone : List.of("call me", "123", "+44 7700 9001x3", "9".repeat(20), "")) {
            given().formParam("phone", phone).when().post("/profile/phone").then().statusCode(400)
                    .body(containsString("data-error-code=\"PHONE_INVALID\""), containsString("id=\"phone-error\""),
                            containsString("aria-describedby=\"phone-hint phone-error\" aria-invalid=\"true\""),
                            containsString("Enter a phone number with 7 to 15 digits"));
        }
        for (String email : List.of("oliver", "a b@example.com", "x@localhost", "<script>@example.com", "a".repeat(300) + "@x.com")) {
            given().formParam("email", email).when().post("/profile/email").then().statusCode(400)
                    .body(containsString("data-error-code=\"EMAIL_INVALID\""), containsString("id=\"email-error\""),
                            containsString("aria-describedby=\"email-hint email-error\" aria-invalid=\"true\""),
                            not(containsString("<script>@")));
        }
        // in Spanish, the same code
        given().header("Accept-Language", "es").formParam("phone", "llámame").when().post("/profile/phone").then().statusCode(400)
                .body(containsString("data-error-code=\"PHONE_INVALID\""), containsString("Indique un número de teléfono"));
        assertEquals("+44 7700 907301", lead("phone", PATIENT));
        assertEquals("p7301@patients.example", lead("email", PATIENT));
        assertEquals(List.of(), trail(PATIENT));
        assertEquals(0, count("select count(*) from email_change where lead_id = ?", PATIENT));
        assertEquals(0, count("select count(*) from mail_outbox where lead_id = ?", PATIENT));
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void anAddressAnotherPatientOrAccountHasIsRefused() {
        // another patient of the clinic (any case)
        given().formParam("email", "P7302@Patients.example").when().post("/profile/email").then().statusCode(409)
                .body(containsString("data-error-code=\"EMAIL_IN_USE\""), containsString("value=\"P7302@Patients.example\""));
        // a sign-in account at Keycloak that is no patient's here
        String account = KeycloakServer.get().ensurePatient("contact-taken-" + Long.toString(System.nanoTime(), 36), 2, 7399);
        given().formParam("email", account + "@example.com").when().post("/profile/email").then().statusCode(409)
                .body(containsString("data-error-code=\"EMAIL_IN_USE\""));
        // the address the clinic has already
        given().formParam("email", "p7301@patients.example").when().post("/profile/email").then().statusCode(422)
                .body(containsString("data-error-code=\"EMAIL_UNCHANGED\""));
        assertEquals(0, count("select count(*) from email_change where lead_id = ?", PATIENT));
    }

    /**
     * The whole change for a patient with a Keycloak account: the link to the new address, the record and
     * the account in step, the notice to the old address (the link withheld from the outbox's copy), the
     * trail, and the next reminder at the new address. The link works once.
     */
    @Test
    void theLinkChangesTheRecordAndTheAccountAndTheOldAddressIsTold() throws Exception {
        KeycloakServer keycloak = KeycloakServer.get();
        String username = keycloak.ensurePatient("contact-" + Long.toString(System.nanoTime(), 36), 1, WITH_ACCOUNT);
        String old = username + "@example.com";
        String fresh = username + ".new@example.net";
        sql.update("update lead set email = ? where id = ?", old, WITH_ACCOUNT);
        RequestSpecification patient = given().auth().oauth2(keycloak.passwordToken(username, KeycloakServer.PATIENT_PASSWORD));

        patient.formParam("email", fresh.toUpperCase()).when().post("/profile/email").then().statusCode(303)
                .header("Location", endsWith("/profile?contact=sent"));
        assertEquals(old, lead("email", WITH_ACCOUNT), "nothing changes before the link is opened");
        given().auth().oauth2(keycloak.passwordToken(username, KeycloakServer.PATIENT_PASSWORD)).when().get("/profile?contact=sent")
                .then().statusCode(200).body(containsString("A link is on its way"), containsString("A link to confirm " + fresh));
        String token = tokenOf(WITH_ACCOUNT);
        assertEquals(1, MailServer.receivedBy(fresh).size(), "the link goes to the new address");
        String kept = sql.one("select body_text from mail_outbox where lead_id = ? and kind = 'EMAIL_CONFIRM'",
                rs -> rs.getString(1), WITH_ACCOUNT).orElseThrow();
        assertFalse(kept.contains(token), "the outbox keeps no working link");
        assertTrue(kept.contains("token=(withheld)"), kept);
        assertFalse(sql.one("select count(*) from email_change where token_hash = ? or link_nonce = ?", rs -> rs.getLong(1),
                token, token).orElseThrow() > 0, "the token is nowhere in the database");

        given().auth().oauth2(keycloak.passwordToken(username, KeycloakServer.PATIENT_PASSWORD))
                .when().get("/profile/email/confirm?token=" + token).then().statusCode(200)
                .body(containsString("Confirm the new email address"), containsString(fresh), containsString("name=\"token\" value=\"" + token + "\""));
        given().auth().oauth2(keycloak.passwordToken(username, KeycloakServer.PATIENT_PASSWORD)).formParam("token", token)
                .when().post("/profile/email/confirm").then().statusCode(303).header("Location", endsWith("/profile?contact=email"));

        assertEquals(fresh, lead("email", WITH_ACCOUNT));
        JsonNode account = JSON.readTree(keycloak.admin("GET", "/users?exact=true&username=" + username, null).body()).path(0);
        assertEquals(fresh, account.path("email").asText(), "Keycloak's account has the new address");
        assertTrue(account.path("emailVerified").asBoolean());
        assertEquals("1", account.path("attributes").path("tenant_id").path(0).asText(), "nothing else of the account changed");
        assertEquals(String.valueOf(WITH_ACCOUNT), account.path("attributes").path("lead_id").path(0).asText());
        assertEquals(List.of("EMAIL " + old + " > " + fresh + " by PATIENT " + WITH_ACCOUNT), trail(WITH_ACCOUNT));

        sendAll();
        List<MimeMessage> told = MailServer.receivedBy(old).stream().filter(m -> subject(m).contains("has changed")).toList();
        assertEquals(1, told.size(), "the old address is told");
        assertTrue(text(told.get(0)).contains("now go to c•••@example.net"), text(told.get(0)));
        assertFalse(text(told.get(0)).contains("You can turn emails like this one off"), "no way to turn this one off");

        // the link works once
        given().auth().oauth2(keycloak.passwordToken(username, KeycloakServer.PATIENT_PASSWORD)).formParam("token", token)
                .when().post("/profile/email/confirm").then().statusCode(409).body(containsString("data-error-code=\"EMAIL_LINK_USED\""));
        given().auth().oauth2(keycloak.passwordToken(username, KeycloakServer.PATIENT_PASSWORD))
                .when().get("/profile/email/confirm?token=" + token).then().statusCode(409);

        // the next reminder goes to the new address
        Instant start = freeTimeOfDrRaman();
        long visit = fixtures.confirmed(1, WITH_ACCOUNT, 201, 101, start.toString());
        reminders.queueDue(start.minus(Duration.ofDays(1)));
        MailServer.clear();
        clock.set(start.minus(Duration.ofDays(1)).plusSeconds(60));
        sendAll();
        assertEquals(1, MailServer.receivedBy(fresh).stream().filter(m -> subject(m).startsWith("Reminder")).count(),
                "the reminder of booking " + visit + " at the new address");
        assertEquals(0, MailServer.receivedBy(old).size());
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void aLinkPastItsDayIsRefusedAndChangesNothing() {
        given().formParam("email", "p7301.later@patients.example").when().post("/profile/email").then().statusCode(303);
        String token = tokenOf(PATIENT);
        clock.advance(Duration.ofHours(24));
        given().when().get("/profile/email/confirm?token=" + token).then().statusCode(410)
                .body(containsString("data-error-code=\"EMAIL_LINK_EXPIRED\""), containsString("a link works for 24 hours"));
        given().formParam("token", token).when().post("/profile/email/confirm").then().statusCode(410);
        assertEquals("p7301@patients.example", lead("email", PATIENT));
        assertEquals(List.of(), trail(PATIENT));
        // a minute short of its day it still worked: asked again, and opened in time
        clock.reset();
        given().formParam("email", "p7301.later@patients.example").when().post("/profile/email").then().statusCode(303);
        String second = tokenOf(PATIENT);
        clock.advance(Duration.ofHours(24).minusMinutes(1));
        given().formParam("token", second).when().post("/profile/email/confirm").then().statusCode(303);
        assertEquals("p7301.later@patients.example", lead("email", PATIENT));
    }

    @Test
    @TestSecurity(user = "p7302", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7302")})
    void anotherPatientsLinkANewerOneAndAnUnknownOneAreRefused() {
        long asked = sql.one("""
                insert into email_change (tenant_id, lead_id, new_email, old_email, link_nonce, token_hash, requested_by,
                                          requested_by_lead, requested_at, expires_at)
                values (1, ?, 'p7301.mine@patients.example', 'p7301@patients.example', 'nonce-of-7301', ?, 'PATIENT', ?, ?, ?)
                returning id""", rs -> rs.getLong(1), PATIENT, EmailChangeLinks.hash(links().token("nonce-of-7301")), PATIENT,
                clock.instant(), clock.instant().plus(Duration.ofHours(24))).orElseThrow();
        String theirs = links().token("nonce-of-7301");
        given().when().get("/profile/email/confirm?token=" + theirs).then().statusCode(403)
                .body(containsString("data-error-code=\"EMAIL_LINK_NOT_YOURS\""));
        given().formParam("token", theirs).when().post("/profile/email/confirm").then().statusCode(403);
        assertEquals("p7301@patients.example", lead("email", PATIENT));
        assertEquals(0, count("select count(*) from email_change where id = ? and used_at is not null", asked));

        // a newer request supersedes the older link
        given().formParam("email", "p7302.first@patients.example").when().post("/profile/email").then().statusCode(303);
        String first = tokenOf(OTHER);
        MailServer.clear();
        given().formParam("email", "p7302.second@patients.example").when().post("/profile/email").then().statusCode(303);
        String second = tokenOf(OTHER);
        given().formParam("token", first).when().post("/profile/email/confirm").then().statusCode(409)
                .body(containsString("data-error-code=\"EMAIL_LINK_SUPERSEDED\""));
        // a link never sent; one cut short, or no token at all, is malformed
        given().when().get("/profile/email/confirm?token=" + second.substring(1) + "A").then().statusCode(404)
                .body(containsString("data-error-code=\"EMAIL_LINK_UNKNOWN\""));
        for (String token : List.of(second.substring(0, 20), "x".repeat(500), second.substring(1) + "%", "")) {
            given().when().get("/profile/email/confirm?token=" + token).then().statusCode(400)
                    .body(containsString("data-error-code=\"BAD_REQUEST\""), containsString("cut short"));
        }
        given().when().get("/profile/email/confirm").then().statusCode(400);
        assertEquals("p7302@patients.example", lead("email", OTHER));
        given().formParam("token", second).when().post("/profile/email/confirm").then().statusCode(303);
        assertEquals("p7302.second@patients.example", lead("email", OTHER));
    }

    /** A start time of Dr Raman's (201) three weeks ahead that no booking of any test holds. */
    Instant freeTimeOfDrRaman() {
        return sql.one("""
                select s.starts_at from slot s
                where s.doctor_id = 201 and s.starts_at >= timestamptz '2026-03-23 10:00Z'
                  and extract(hour from s.starts_at at time zone 'UTC') between 10 and 13
                  and not exists (select 1 from appointment a
                                  where a.doctor_id = 201 and a.status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')
                                    and a.starts_at < s.starts_at + interval '1 hour' and a.ends_at > s.starts_at - interval '1 hour')
                order by s.starts_at limit 1""", rs -> Sql.instant(rs, "starts_at")).orElseThrow();
    }

    EmailChangeLinks links() {
        return io.quarkus.arc.Arc.container().instance(EmailChangeLinks.class).get();
    }

    @Test
    @TestSecurity(user = "p7303", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7303")})
    void aGuardianChangesTheirDependantsDetailsAndOnlyTheyOpenTheLink() {
        familyLinks.link(1, "front-desk-test", GUARDIAN, CHILD, Relationship.OTHER, null);
        given().formParam("phone", "+44 7700 730400").when().post("/family/7304/profile/phone").then().statusCode(303)
                .header("Location", endsWith("/family/7304/profile?contact=phone"));
        assertEquals("+44 7700 730400", lead("phone", CHILD));
        given().formParam("email", "p7304@patients.example").when().post("/family/7304/profile/email").then().statusCode(303);
        String token = tokenOf(CHILD);
        assertTrue(MailServer.receivedBy("p7304@patients.example").size() == 1);
        // the guardian's own pages are not the dependant's: the link is refused there
        given().formParam("token", token).when().post("/profile/email/confirm").then().statusCode(403)
                .body(containsString("data-error-code=\"EMAIL_LINK_NOT_YOURS\""));
        given().formParam("token", token).when().post("/family/7304/profile/email/confirm").then().statusCode(303)
                .header("Location", endsWith("/family/7304/profile?contact=email"));
        assertEquals("p7304@patients.example", lead("email", CHILD));
        assertEquals(List.of("PHONE - > +44 7700 730400 by GUARDIAN 7303", "EMAIL - > p7304@patients.example by GUARDIAN 7303"),
                trail(CHILD));
        sendAll();
        assertEquals(0, count("select count(*) from mail_outbox where lead_id = ? and kind = 'EMAIL_CHANGED'", CHILD),
                "no old address to tell");
        // the dependant's data holds the trail and the link's email
        given().when().get("/family/7304/profile/data.json").then().statusCode(200)
                .body(containsString("\"contactChanges\""), containsString("\"actor\": \"GUARDIAN\""),
                        containsString("\"kind\": \"EMAIL_CONFIRM\""), containsString("\"newValue\": \"p7304@patients.example\""));
        given().when().get("/family/7304/profile/data").then().statusCode(200)
                .body(containsString("Link to confirm a new email address"), containsString("Test patient 7303, for the patient"));
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakServer.get().passwordToken(user, "demo"));
    }

    @Test
    void theDeskChangesThePhoneAsItsOwnAndNeverTheEmail() {
        as("staff.harbour").formParam("phone", "+44 7700 730101").when().post("/staff/acting/7301/profile/phone").then()
                .statusCode(303).header("Location", endsWith("/staff/acting/7301/profile?contact=phone"));
        assertEquals("+44 7700 730101", lead("phone", PATIENT));
        assertEquals(List.of("PHONE +44 7700 907301 > +44 7700 730101 by STAFF staff.harbour"), trail(PATIENT));
        as("staff.harbour").when().get("/staff/acting/7301/profile").then().statusCode(200)
                .body(containsString("action=\"/staff/acting/7301/profile/phone\""), not(containsString("name=\"email\"")),
                        containsString("Only the patient can change their email address"), containsString("staff.harbour, front desk"));
        as("staff.harbour").formParam("email", "p7301.desk@patients.example").when().post("/staff/acting/7301/profile/email")
                .then().statusCode(403).body(containsString("data-error-code=\"" + ErrorCode.EMAIL_CHANGE_NOT_AT_DESK + "\""));
        assertEquals(0, count("select count(*) from email_change where lead_id = ?", PATIENT));
    }

    @Test
    void aPreviewShowsTheTrailAndWritesNothing() {
        as("staff.harbour").formParam("phone", "+44 7700 730199").when().post("/staff/patients/7301/profile/phone").then()
                .statusCode(403).body(containsString("data-error-code=\"PREVIEW_READ_ONLY\""));
        as("staff.harbour").formParam("email", "p7301.preview@patients.example").when().post("/staff/patients/7301/profile/email")
                .then().statusCode(403).body(containsString("data-error-code=\"PREVIEW_READ_ONLY\""));
        as("staff.harbour").when().get("/staff/patients/7301/profile").then().statusCode(200)
                .body(allOf(not(containsString("method=\"post\"")), containsString("Changes to contact details")));
        assertEquals("+44 7700 907301", lead("phone", PATIENT));
        assertEquals(0, count("select count(*) from email_change where lead_id = ?", PATIENT));
        assertEquals(List.of(), trail(PATIENT));
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a mail, as the mail tests read it. */
    static String text(Part part) {
        try {
            return MailTest.text(part);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
