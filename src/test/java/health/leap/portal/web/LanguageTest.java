package health.leap.portal.web;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import health.leap.portal.appointments.TimelineDetail;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language a page is written in: the switcher's remembered choice, else the identity provider's
 * {@code locale} claim, else the browser's Accept-Language, else English; {@code <html lang>} follows.
 */
@QuarkusTest
class LanguageTest {

    static final long LEAD = 7301;

    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    @BeforeEach
    void setUp() {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        fixtures.freshPatient(1, LEAD);
        sql.update("delete from mail_preference where lead_id = ?", LEAD);
    }

    @Test
    void acceptLanguageChoosesAmongTheSupportedOnes() {
        assertEquals(Language.SPANISH, Language.fromAcceptLanguage("es-US,es;q=0.9,en;q=0.8"));
        assertEquals(Language.ENGLISH, Language.fromAcceptLanguage("en-GB,en;q=0.9,es;q=0.5"));
        assertEquals(Language.SPANISH, Language.fromAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.5"));
        assertEquals(Language.ENGLISH, Language.fromAcceptLanguage("fr-FR"));
        assertEquals(Language.ENGLISH, Language.fromAcceptLanguage(";;q=garbage,"));
        assertEquals(Language.ENGLISH, Language.fromAcceptLanguage(null));
        assertEquals(Language.SPANISH, Language.supported("es_MX"));
        assertNull(Language.supported("tlh"));
        assertEquals("/", Language.safeReturn("//evil.example/phish"));
        assertEquals("/", Language.safeReturn("https://evil.example/"));
        assertEquals("/", Language.safeReturn("/\\evil.example"));
        assertEquals("/appointments?status=CONFIRMED", Language.safeReturn("/appointments?status=CONFIRMED"));
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void theBrowsersLanguageWritesThePage() {
        given().header("Accept-Language", "es-US,es;q=0.9").when().get("/").then().statusCode(200)
                .body(allOf(containsString("<html lang=\"es\">"), containsString(">Buscar un médico</a>"),
                        containsString(">Mis citas</a>"), containsString("Saltar al contenido"),
                        // the switcher offers the other language, named in itself
                        containsString("lang=\"en\">English</button>"), not(containsString(">Find a doctor</a>"))));
        given().header("Accept-Language", "en-GB").when().get("/").then().statusCode(200)
                .body(allOf(containsString("<html lang=\"en\">"), containsString(">Find a doctor</a>"),
                        containsString("lang=\"es\">Español</button>")));
        given().when().get("/").then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301"),
            @Claim(key = "locale", value = "es")})
    void theIdentityProvidersLocaleComesBeforeTheBrowserAndTheChoiceBeforeBoth() {
        // the words follow the claim too, not only the page's lang: the bundles read the instance's locale
        given().header("Accept-Language", "en-GB").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"), containsString(">Buscar un médico</a>"),
                        not(containsString(">Find a doctor</a>")));
        given().cookie(Language.COOKIE, "en").header("Accept-Language", "es").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString(">Find a doctor</a>"));
        // a cookie naming no supported language is ignored
        given().cookie(Language.COOKIE, "tlh").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"));
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void theSwitcherRemembersTheChoiceAndGoesBack() {
        given().formParam("lang", "es").formParam("return", "/appointments?status=CONFIRMED").when().post("/language")
                .then().statusCode(303)
                .header("Location", containsString("/appointments?status=CONFIRMED"))
                .cookie(Language.COOKIE, "es");
        assertEquals("es", sql.one("select language from mail_preference where lead_id = ?", rs -> rs.getString(1), LEAD)
                .orElse(null), "the patient's emails follow the choice");
        // never back to another site
        given().formParam("lang", "en").formParam("return", "//evil.example/").when().post("/language")
                .then().statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void anUnknownLanguageIsABadRequestAndChangesNothing() {
        given().formParam("lang", "tlh").formParam("return", "/").when().post("/language")
                .then().statusCode(400).header("Set-Cookie", not(containsString(Language.COOKIE + "=")))
                .body(containsString("data-error-code=\"BAD_REQUEST\""), containsString("Please choose one of the portal"));
        given().when().post("/language").then().statusCode(400);
        assertEquals(0L, sql.one("select count(*) from mail_preference where lead_id = ?", rs -> rs.getLong(1), LEAD).orElseThrow());
    }

    @Test
    @TestSecurity(user = "p7301", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "7301")})
    void refusalsAreWrittenInTheReadersLanguageAndKeepTheirCode() {
        given().header("Accept-Language", "es").when().get("/appointments/99999999").then().statusCode(404)
                .body(allOf(containsString("<html lang=\"es\">"), containsString("data-error-code=\"NOT_FOUND\""),
                        containsString("No encontrado")));
        given().header("Accept-Language", "es").when().get("/doctors/201?date=yesterday").then().statusCode(400)
                .body(allOf(containsString("data-error-code=\"BAD_REQUEST\""), containsString("no es una fecha como 2026-03-31")));
        given().header("Accept-Language", "en").when().get("/doctors/201?date=yesterday").then().statusCode(400)
                .body(containsString("is not a date like 2026-03-31"));
    }

    @Test
    void moneyAndDatesFollowTheLanguage() {
        var at = java.time.Instant.parse("2026-03-31T08:00:00Z");
        var london = java.time.ZoneId.of("Europe/London");
        assertEquals("Tue 31 Mar 2026, 09:00 BST (Europe/London)", Formats.local(at, london, Locale.ENGLISH));
        assertEquals("mar 31 mar 2026, 09:00 BST (Europe/London)", Formats.local(at, london, Language.SPANISH));
        assertEquals("martes 31 de marzo de 2026", Formats.longDay(java.time.LocalDate.of(2026, 3, 31), Language.SPANISH));
        assertEquals("GBP 1240.50", Formats.money(new java.math.BigDecimal("1240.5"), "GBP", Locale.ENGLISH));
        assertEquals("1240,50 GBP", Formats.money(new java.math.BigDecimal("1240.5"), "GBP", Language.SPANISH));
        assertEquals("JPY 1200", Formats.money(new java.math.BigDecimal("1200"), "JPY", Locale.ENGLISH));
    }

    @Test
    void wordsLookedUpOnceStayEachLanguagesAndEachSeasons() {
        // labels and zone names are kept after the first page asks: the next reader still gets their own
        assertEquals("Confirmed", Formats.statusLabel("CONFIRMED", Locale.ENGLISH));
        assertEquals("Confirmada", Formats.statusLabel("CONFIRMED", Language.SPANISH));
        assertEquals("Confirmed", Formats.statusLabel("CONFIRMED", Locale.ENGLISH));
        assertEquals("Pendiente de aprobación", Formats.statusLabel("PENDING_APPROVAL", Locale.forLanguageTag("es-MX")));
        var london = java.time.ZoneId.of("Europe/London");
        assertEquals("BST (Europe/London)", Formats.zoneName(london, java.time.Instant.parse("2026-07-01T09:00:00Z")));
        assertEquals("GMT (Europe/London)", Formats.zoneName(london, java.time.Instant.parse("2026-12-01T09:00:00Z")));
        assertEquals("BST (Europe/London)", Formats.zoneName(london, java.time.Instant.parse("2026-07-02T09:00:00Z")));
        var newYork = java.time.ZoneId.of("America/New_York");
        assertEquals("EST (America/New_York)", Formats.zoneName(newYork, java.time.Instant.parse("2026-12-01T09:00:00Z")));
        assertEquals("EDT (America/New_York)", Formats.zoneName(newYork, java.time.Instant.parse("2026-07-01T09:00:00Z")));
    }

    @Test
    void aTimelineLineIsStoredInNoLanguageAndWordedInTheReaders() {
        assertEquals("Held for 10 minutes", TimelineDetail.words(TimelineDetail.heldFor(Duration.ofMinutes(10)), Locale.ENGLISH));
        assertEquals("Held for 1 hour", TimelineDetail.words(TimelineDetail.heldFor(Duration.ofMinutes(60)), Locale.ENGLISH));
        assertEquals("Held for 20 seconds", TimelineDetail.words(TimelineDetail.heldFor(Duration.ofSeconds(20)), Locale.ENGLISH));
        assertEquals("Moved to booking #12", TimelineDetail.words(TimelineDetail.movedTo(12), Locale.ENGLISH));
        assertTrue(TimelineDetail.words(TimelineDetail.movedTo(12), Language.SPANISH).contains("12"));
        assertNotEquals(TimelineDetail.words(TimelineDetail.heldFor(Duration.ofMinutes(10)), Locale.ENGLISH),
                TimelineDetail.words(TimelineDetail.heldFor(Duration.ofMinutes(10)), Language.SPANISH));
        // a line written before, in English, or words a person typed, stay as they were
        assertEquals("Released to hold another time", TimelineDetail.words("Released to hold another time", Language.SPANISH));
    }
}
