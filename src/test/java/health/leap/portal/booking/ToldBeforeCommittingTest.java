package health.leap.portal.booking;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import health.leap.portal.web.Formats;
import health.leap.portal.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the held-time page tells a patient before they confirm or pay: until when the booking can be
 * cancelled or moved online, in the centre's zone with the zone named, what comes back when it is
 * cancelled in time, and whom to call after that; and the help line that ends every page, naming the
 * clinic's centres and their numbers. Harbour Health (tenant 1) takes cancellations until 24 hours and
 * moves until 12 hours before a visit; the test clock stands at Monday 2 March 2026 08:00 GMT.
 * Leads 67xx.
 */
@QuarkusTest
class ToldBeforeCommittingTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Pattern HELP = Pattern.compile("<p data-help>(.*?)</p>", Pattern.DOTALL);
    static final String HARBOUR_HELP = "Need help with a booking? Call Dublin Docklands 01 555 0134, London Bridge 020 7946 0018"
            + " or Manchester Piccadilly 0161 496 0027: the front desk can book, move or cancel for you.";

    @Inject
    Sql sql;
    @Inject
    Fixtures fixtures;

    /** Holds a time as the page's form does without JavaScript, and returns the held page. */
    String heldPage(long doctor, long service, String utcStart, String acceptLanguage) {
        String location = given().formParam("slot", fixtures.slot(doctor, utcStart)).formParam("service", service)
                .when().post("/appointments")
                .then().statusCode(303).header("Location", matchesPattern(".*/appointments/\\d+")).extract().header("Location");
        return given().header("Accept-Language", acceptLanguage).when().get(location.substring(location.indexOf("/appointments/")))
                .then().statusCode(200).extract().asString();
    }

    /** Each of {@code phrases} is on the page, in this order. */
    static void inOrder(String page, String... phrases) {
        int from = 0;
        for (String phrase : phrases) {
            int at = page.indexOf(phrase, from);
            assertTrue(at >= 0, "\"" + phrase + "\" is not on the page after the phrases before it:\n" + page);
            from = at + phrase.length();
        }
    }

    static String helpLine(String page) {
        Matcher help = HELP.matcher(page);
        assertTrue(help.find(), "no help line on the page:\n" + page);
        return help.group(1);
    }

    @Test
    @TestSecurity(user = "p6701", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6701")})
    void aPaidVisitSaysTheDeadlinesTheRefundAndWhomToCallBeforeThePayButton() {
        fixtures.freshPatient(1, 6701);
        // cardiology, paid in full online, Friday 13 March 11:30 at London Bridge
        String page = heldPage(204, 104, "2026-03-13T11:30:00Z", "en-GB");
        inOrder(page,
                "If your plans change",
                "Free cancellation until Thu 12 Mar 2026, 11:30 GMT (Europe/London).",
                "You can move it online until Thu 12 Mar 2026, 23:30 GMT (Europe/London).",
                "Cancelled by then, the GBP 240.00 you pay online is refunded.",
                "After that, it can no longer be cancelled online, and nothing is refunded online.",
                "For anything later, call London Bridge on 020 7946 0018.",
                "Pay GBP 240.00 and confirm");
    }

    @Test
    @TestSecurity(user = "p6702", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6702")})
    void aFreeVisitHeldWithHtmxSaysThereIsNothingToRefundBeforeTheConfirmButton() {
        fixtures.freshPatient(1, 6702);
        String fragment = given().header("HX-Request", "true")
                .formParam("slot", fixtures.slot(204, "2026-03-13T14:30:00Z")).formParam("service", 101)
                .when().post("/appointments")
                .then().statusCode(201).body(not(containsString("<html"))).extract().asString();
        inOrder(fragment,
                "Free cancellation until Thu 12 Mar 2026, 14:30 GMT (Europe/London).",
                "You can move it online until Fri 13 Mar 2026, 02:30 GMT (Europe/London).",
                "Nothing is due for this visit, so there is nothing to refund.",
                "For anything later, call London Bridge on 020 7946 0018.",
                "Confirm booking");
        assertTrue(!fragment.contains("you pay online is refunded"), fragment);
    }

    @Test
    @TestSecurity(user = "p6703", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6703")})
    void aVisitAPackageMayPayForSaysTheSessionIsGivenBack() {
        fixtures.freshPatient(1, 6703);
        sql.update("""
                delete from patient_package pp where pp.lead_id = 6703
                  and not exists (select 1 from package_redemption pr where pr.patient_package_id = pp.id)""");
        // a GP care plan, valid from a month ago for three months, 4 sessions with 1 used
        sql.update("""
                insert into patient_package (tenant_id, lead_id, package_id, status, sessions_total, sessions_used,
                                             valid_from, valid_until, purchased_at)
                values (1, 6703, 303, 'ACTIVE', 4, 1, ?, ?, ?)""", Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        String page = heldPage(201, 101, "2026-03-12T11:30:00Z", "en-GB");
        inOrder(page,
                "Free cancellation until Wed 11 Mar 2026, 11:30 GMT (Europe/London).",
                "Nothing is due online; cancelled by then, the package session you use is given back.",
                "For anything later, call London Bridge on 020 7946 0018.",
                "Confirm with package");
    }

    @Test
    @TestSecurity(user = "p6704", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6704")})
    void inSpanishTheSameInTheSameOrder() {
        fixtures.freshPatient(1, 6704);
        Instant start = Instant.parse("2026-03-11T14:30:00Z");
        String page = heldPage(204, 104, start.toString(), "es");
        inOrder(page,
                "Si cambian sus planes",
                "Cancelación gratuita hasta el " + Formats.local(start.minusSeconds(24 * 3600), LONDON, Language.SPANISH) + ".",
                "Puede cambiarla de hora en línea hasta el " + Formats.local(start.minusSeconds(12 * 3600), LONDON, Language.SPANISH) + ".",
                "Si cancela a tiempo, se le reembolsan los 240,00 GBP que pague en línea.",
                "Después, ya no se podrá cancelar en línea ni se reembolsará nada en línea.",
                "Para cualquier cosa después, llame a London Bridge al 020 7946 0018.",
                "Pagar 240,00 GBP y confirmar");
        assertEquals("¿Necesita ayuda con una cita? Llame a Dublin Docklands al 01 555 0134, London Bridge al 020 7946 0018"
                + " o Manchester Piccadilly al 0161 496 0027: la recepción puede reservar, cambiar o cancelar por usted.", helpLine(page));
    }

    @Test
    @TestSecurity(user = "p6705", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6705")})
    void aTimeInsideTheWindowsSaysItCannotBeCancelledOrMovedOnlineOnceConfirmed() {
        fixtures.freshPatient(1, 6705);
        // today 11:00, three hours from now: both windows have closed before the patient confirms
        String page = heldPage(204, 101, "2026-03-02T11:00:00Z", "en-GB");
        inOrder(page,
                "Once confirmed, it cannot be cancelled online: online cancellation closes 24 hours before the start.",
                "Once confirmed, it cannot be moved online: online moves close 12 hours before the start.",
                "For anything later, call London Bridge on 020 7946 0018.",
                "Confirm booking");
        assertTrue(!page.contains("Free cancellation") && !page.contains("nothing to refund"), page);
    }

    @Test
    @TestSecurity(user = "p6701", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6701")})
    void theHelpLineNamesTheClinicsCentresAndTheirNumbersWordForWordOnEveryPage() {
        fixtures.freshPatient(1, 6701);
        List<String> lines = List.of("/", "/appointments", "/doctors", "/packages", "/appointments/999999999").stream()
                .map(path -> helpLine(given().when().get(path).then().extract().asString())).toList();
        assertEquals(List.of(HARBOUR_HELP, HARBOUR_HELP, HARBOUR_HELP, HARBOUR_HELP, HARBOUR_HELP), lines);
    }

    @Test
    @TestSecurity(user = "maya", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "2"), @Claim(key = "lead_id", value = "11")})
    void anotherClinicsPatientIsToldTheirOwnClinicsNumbers() {
        String home = given().when().get("/").then().statusCode(200).extract().asString();
        assertEquals("Need help with a booking? Call Boston Back Bay (617) 555-0142 or Chicago Loop (312) 555-0178:"
                + " the front desk can book, move or cancel for you.", helpLine(home));
        assertEquals(helpLine(home), helpLine(given().when().get("/packages").then().statusCode(200).extract().asString()));
    }
}
