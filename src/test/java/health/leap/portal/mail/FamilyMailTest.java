package health.leap.portal.mail;

import health.leap.portal.patient.FamilyLinks;
import health.leap.portal.patient.Relationship;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.MailServer;
import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static health.leap.portal.platform.Browser.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dependant with no address of their own is written to at their guardian's, in words that say
 * whom the booking is for, with links to the dependant's pages in the guardian's login. Guardian
 * 7411 and child 7412 of Harbour Health; Dr Priya Raman (201) on Wednesday 25 March 2026.
 */
@QuarkusTest
@TestSecurity(user = "p7411", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7411")})
class FamilyMailTest {

    static final long GUARDIAN = 7411;
    static final long CHILD = 7412;
    static final String ADDRESS = "p7411@patients.example";
    static final String CHILDS_ADDRESS = "p7412@patients.example";

    @Inject
    TestOutbox outbox;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    FamilyLinks links;

    long link;

    @BeforeEach
    void setUp() {
        outbox.freshPatient(GUARDIAN, ADDRESS);
        fixtures.freshPatient(1, CHILD);
        sql.update("update lead set name = 'Nora Guardian' where id = ?", GUARDIAN);
        sql.update("update lead set name = 'Lily Child', email = null, date_of_birth = date '2016-02-01' where id = ?", CHILD);
        sql.update("delete from mail_preference where lead_id = ?", CHILD);
        sql.update("delete from family_link_audit where link_id in (select id from family_link where dependant_lead_id = ?)", CHILD);
        sql.update("delete from family_link where dependant_lead_id = ?", CHILD);
        link = links.link(1, "front-desk-test", GUARDIAN, CHILD, Relationship.CHILD, null);
    }

    /** Books Dr Raman at {@code utcStart} for the child, through the family pages as the guardian does. */
    long bookForTheChild(String utcStart) {
        Response held = given().formParam("slot", fixtures.slot(201, utcStart)).formParam("service", 101)
                .when().post("/family/7412/appointments");
        assertEquals(303, held.statusCode(), held.body().asString());
        String location = held.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        given().when().post("/family/7412/appointments/" + id + "/confirm").then().statusCode(303);
        return id;
    }

    @Test
    void theGuardianGetsTheMailOfAChildWithoutAnAddress() throws Exception {
        long id = bookForTheChild("2026-03-25T09:00:00Z");
        outbox.sendAll(ADDRESS);
        List<MimeMessage> got = MailServer.receivedBy(ADDRESS);
        assertEquals(1, got.size());
        MimeMessage mail = got.get(0);
        assertEquals("Booking confirmed: General consultation, Wed 25 Mar 2026, 09:00 GMT (Europe/London) (for Lily Child)",
                mail.getSubject());
        String text = MailTest.text(mail);
        assertTrue(text.contains("Nora Guardian, you get this email because you book for Lily Child, who has no email address with the clinic."), text);
        assertTrue(text.contains("Dear Lily Child, your visit is booked."), text);
        assertTrue(text.contains("Patient: Lily Child"), text);
        assertTrue(text.contains("/family/7412/appointments/" + id), text);
        assertTrue(!text.contains("/profile") || text.contains("/family/7412/profile"), "the choices are the child's: " + text);

        MailServer.clear();
        given().formParam("reason", "Clash with school").when().post("/family/7412/appointments/" + id + "/cancel")
                .then().statusCode(303);
        outbox.sendAll(ADDRESS);
        String cancelled = MailTest.text(MailServer.receivedBy(ADDRESS).get(0));
        assertTrue(cancelled.contains("a family member who books for you cancelled this booking. Reason: Clash with school"), cancelled);
    }

    @Test
    void aChildWithTheirOwnAddressGetsTheirOwnMail() {
        sql.update("update lead set email = ? where id = ?", CHILDS_ADDRESS, CHILD);
        MailServer.clear();
        bookForTheChild("2026-03-25T09:30:00Z");
        outbox.sendAll(CHILDS_ADDRESS);
        assertEquals(1, MailServer.receivedBy(CHILDS_ADDRESS).size());
        assertEquals(0, MailServer.receivedBy(ADDRESS).size(), "the guardian is not copied");
    }

    @Test
    void onceTheLinkHasEndedTheGuardianGetsNothing() {
        long id = bookForTheChild("2026-03-25T10:00:00Z");
        links.end(1, "front-desk-test", link);
        outbox.sendAll(ADDRESS);
        assertEquals(0, MailServer.receivedBy(ADDRESS).size());
        assertEquals("SKIPPED", sql.one("select status from mail_outbox where appointment_id = ?", rs -> rs.getString(1), id)
                .orElseThrow());
    }
}
