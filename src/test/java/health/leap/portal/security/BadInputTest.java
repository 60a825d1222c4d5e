package health.leap.portal.security;

import health.leap.portal.platform.Browser;
import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Malformed values in every parameter of every route, as the signed-in owner would send them by
 * hand: non-numeric, huge, negative and zero ids, epochs out of range, impossible dates, unknown
 * statuses, page sizes out of range, forged and borrowed cursors, over-long texts, SQL and HTML
 * metacharacters and percent-encoded junk. Each is refused with a 4xx and a sentence carrying its
 * {@code data-error-code}, as a page and under htmx as a fragment; never a 500, a stack trace or SQL;
 * and a refused write changes nothing. Values that are harmless where they go (a search for
 * {@code 1' or '1'='1}, an empty optional date) are answered as the same request without them.
 * Markup in a doctor's name and in a cancel reason is shown escaped.
 */
@QuarkusTest
class BadInputTest {

    /** What a parameter takes, which decides the malformed values it is sent. */
    enum Kind {
        /** An id the route needs. */
        ID,
        /** An id that narrows a page, absent when blank. */
        OPTIONAL_ID,
        DATE, EPOCH, STATUS, LIMIT, CURSOR, TEXT, FLAG, SIGNED, IGNORED,
        /** One of the few words a page's buttons send. */
        CHOICE,
        /** A phone number or an email address: refused unless well-formed. */
        CONTACT
    }

    /** Well-formed ids that name nothing but are not a 404: the route decides otherwise first, or shows nothing. */
    static final Map<String, Integer> UNKNOWN_ID = Map.ofEntries(
            // a filter by a doctor or centre the patient never saw lists nothing
            Map.entry("GET /appointments query:doctor", 200),
            Map.entry("GET /appointments query:centre", 200),
            // a centre where the doctor does not work falls back to the doctor's own
            Map.entry("GET /appointments/{id}/reschedule query:centre", 200),
            // the completed visit is refused by its state before the package is looked at
            Map.entry("POST /appointments/{id}/confirm form:package", 409),
            // a payment link is refused to a patient before the booking is looked up
            Map.entry("POST /appointments/{id}/payment-link path:id", 403),
            // a doctor the centre does not have lists the whole centre
            Map.entry("GET /staff/day query:doctor", 200),
            // the finder only carries the doctor and centre into its links: the picker it leads to decides
            Map.entry("GET /staff/patients query:doctor", 200),
            Map.entry("GET /staff/patients query:centre", 200),
            // the doctor only chooses the list shown after the mark, which the completed visit refuses
            Map.entry("POST /staff/day/{id}/check-in query:doctor", 409),
            Map.entry("POST /staff/day/{id}/complete query:doctor", 409),
            Map.entry("POST /staff/day/{id}/no-show query:doctor", 409),
            Map.entry("POST /staff/day/{id}/paid query:doctor", 409),
            // QA's reminder clock says no reminder is due for a booking it does not find, as for one not due
            Map.entry("POST /qa/reminders form:appointment", 200),
            // the family page to go back to is only a redirect's target: the ended link is refused first
            Map.entry("POST /staff/family/links/{id}/extend form:back", 409),
            Map.entry("POST /staff/family/links/{id}/end form:back", 409));

    /** The parameters outside the route's own: unknown names in the query string, which a page ignores. */
    static final String JUNK_QUERY = "query:*";

    /**
     * A route as the sweep calls it: as whom, its path, the well-formed values of the parameters not
     * under test (raw; {@code path:id} fills the path), what it answers to those alone, and each
     * parameter's kind.
     */
    record Route(String user, String path, Map<String, String> base, int answer, Map<String, Kind> kinds) {
    }

    static final String OWNER = "amelia";
    static final String STAFF = "staff.harbour";
    /** Well-formed, and nobody's. */
    static final String UNKNOWN = "99999999";
    /** A free slot of Dr Whitcombe's (204) that no other test takes; only the unknown-service case names it. */
    static final String FREE_SLOT_START = "2026-03-31T14:00:00Z";

    static final Map<String, Route> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("GET /", new Route(OWNER, "/", Map.of(), 200, Map.of()));
        ROUTES.put("GET /doctors", new Route(OWNER, "/doctors", Map.of("query:centre", "1", "query:service", "101"), 200,
                Map.of("query:centre", Kind.OPTIONAL_ID, "query:service", Kind.OPTIONAL_ID, "query:specialty", Kind.TEXT, "query:q", Kind.TEXT)));
        Map<String, String> picker = Map.of("path:id", "201", "query:centre", "1", "query:service", "101",
                "query:date", "2026-03-04");
        Map<String, Kind> pickerKinds = Map.of("path:id", Kind.ID, "query:centre", Kind.OPTIONAL_ID, "query:service", Kind.OPTIONAL_ID,
                "query:date", Kind.DATE);
        ROUTES.put("GET /doctors/{id}", new Route(OWNER, "/doctors/{id}", picker, 200, pickerKinds));
        ROUTES.put("GET /doctors/{id}/slots", new Route(OWNER, "/doctors/{id}/slots", picker, 200, pickerKinds));
        // the slot names nothing, so no value of the others can make a hold
        ROUTES.put("POST /appointments", new Route(OWNER, "/appointments",
                Map.of("form:slot", UNKNOWN, "form:service", "101"), 404,
                Map.of("form:slot", Kind.ID, "form:service", Kind.ID, "form:release", Kind.FLAG,
                        // the front desk's reason: a patient's is never read
                        "form:deskReason", Kind.IGNORED)));
        // one to a page, so that the first page has a "load more" cursor
        ROUTES.put("GET /appointments", new Route(OWNER, "/appointments", Map.of("query:limit", "1"), 200,
                Map.of("query:status", Kind.STATUS, "query:doctor", Kind.OPTIONAL_ID, "query:centre", Kind.OPTIONAL_ID,
                        "query:from", Kind.EPOCH, "query:to", Kind.EPOCH, "query:fromDate", Kind.DATE,
                        "query:toDate", Kind.DATE, "query:cursor", Kind.CURSOR, "query:limit", Kind.LIMIT)));
        ROUTES.put("GET /appointments/{id}", new Route(OWNER, "/appointments/{id}", Map.of("path:id", "503"), 200,
                Map.of("path:id", Kind.ID)));
        ROUTES.put("GET /appointments/{id}/calendar.ics", new Route(OWNER, "/appointments/{id}/calendar.ics",
                Map.of("path:id", "508"), 200, Map.of("path:id", Kind.ID)));
        // the owner's writes name her completed visit 503: whatever passes the parsing is refused by its state
        ROUTES.put("POST /appointments/{id}/confirm", new Route(OWNER, "/appointments/{id}/confirm",
                Map.of("path:id", "503"), 409, Map.of("path:id", Kind.ID, "form:package", Kind.OPTIONAL_ID,
                        // paying at the clinic is the front desk's choice: a patient's is never read
                        "form:pay", Kind.IGNORED)));
        // only the front desk sends a payment link: the owner is refused once the id is read
        ROUTES.put("POST /appointments/{id}/payment-link", new Route(OWNER, "/appointments/{id}/payment-link",
                Map.of("path:id", "503", "form:hours", "24"), 403, Map.of("path:id", Kind.ID, "form:hours", Kind.IGNORED)));
        ROUTES.put("POST /appointments/{id}/extend", new Route(OWNER, "/appointments/{id}/extend",
                Map.of("path:id", "503"), 409, Map.of("path:id", Kind.ID)));
        ROUTES.put("POST /appointments/{id}/payment", new Route(OWNER, "/appointments/{id}/payment",
                Map.of("path:id", "503"), 409, Map.of("path:id", Kind.ID)));
        ROUTES.put("POST /appointments/{id}/cancel", new Route(OWNER, "/appointments/{id}/cancel",
                Map.of("path:id", "503"), 409, Map.of("path:id", Kind.ID, "form:reason", Kind.TEXT,
                        "form:refund", Kind.IGNORED)));
        // her confirmed booking 508 may be moved: the picker is a read
        ROUTES.put("GET /appointments/{id}/reschedule", new Route(OWNER, "/appointments/{id}/reschedule",
                Map.of("path:id", "508"), 200, Map.of("path:id", Kind.ID, "query:doctor", Kind.OPTIONAL_ID,
                "query:centre", Kind.OPTIONAL_ID, "query:date", Kind.DATE)));
        ROUTES.put("POST /appointments/{id}/reschedule", new Route(OWNER, "/appointments/{id}/reschedule",
                Map.of("path:id", "508", "form:slot", UNKNOWN), 404, Map.of("path:id", Kind.ID, "form:slot", Kind.ID,
                "form:deskReason", Kind.IGNORED)));
        ROUTES.put("GET /packages", new Route(OWNER, "/packages", Map.of(), 200, Map.of("query:status", Kind.STATUS)));
        ROUTES.put("GET /packages/applicable", new Route(OWNER, "/packages/applicable",
                Map.of("query:service", "101", "query:centre", "1"), 200,
                Map.of("query:service", Kind.ID, "query:centre", Kind.ID, "query:date", Kind.DATE)));
        ROUTES.put("GET /packages/{id}", new Route(OWNER, "/packages/{id}", Map.of("path:id", "401"), 200,
                Map.of("path:id", Kind.ID)));
        ROUTES.put("GET /packages/{id}/redemptions", new Route(OWNER, "/packages/{id}/redemptions",
                Map.of("path:id", "401", "query:limit", "1"), 200,
                Map.of("path:id", Kind.ID, "query:cursor", Kind.CURSOR, "query:limit", Kind.LIMIT)));
        ROUTES.put("GET /profile", new Route(OWNER, "/profile", Map.of(), 200,
                Map.of("query:saved", Kind.IGNORED, "query:contact", Kind.IGNORED)));
        ROUTES.put("POST /profile/mail", new Route(OWNER, "/profile/mail", Map.of("form:reminders", "on", "form:changes", "on"),
                303, Map.of("form:reminders", Kind.FLAG, "form:changes", Kind.FLAG, "form:language", Kind.CHOICE)));
        // Amelia's own number again changes nothing; her own address again is refused as unchanged (422), writing nothing
        ROUTES.put("POST /profile/phone", new Route(OWNER, "/profile/phone", Map.of("form:phone", "+44 7700 900001"), 303,
                Map.of("form:phone", Kind.CONTACT)));
        ROUTES.put("POST /profile/email", new Route(OWNER, "/profile/email", Map.of("form:email", "amelia@example.com"), 422,
                Map.of("form:email", Kind.CONTACT)));
        // a well-formed token the portal never sent is a 404; a malformed one a 400
        String nobodysToken = "A".repeat(43);
        ROUTES.put("GET /profile/email/confirm", new Route(OWNER, "/profile/email/confirm", Map.of("query:token", nobodysToken),
                404, Map.of("query:token", Kind.SIGNED)));
        ROUTES.put("POST /profile/email/confirm", new Route(OWNER, "/profile/email/confirm", Map.of("form:token", nobodysToken),
                404, Map.of("form:token", Kind.SIGNED)));
        // the patient's data takes no parameter: whatever comes along in the query, it is the same page and file
        ROUTES.put("GET /profile/data", new Route(OWNER, "/profile/data", Map.of(), 200, Map.of()));
        ROUTES.put("GET /profile/data.json", new Route(OWNER, "/profile/data.json", Map.of(), 200, Map.of()));
        ROUTES.put("GET /payments/return", new Route(OWNER, "/payments/return",
                Map.of("query:reference", "PAY-1", "query:outcome", "SUCCEEDED", "query:signature", "abc"), 400,
                Map.of("query:reference", Kind.SIGNED, "query:outcome", Kind.SIGNED, "query:signature", Kind.SIGNED)));
        Map<String, String> order = Map.of("query:reference", "PAY-1", "query:amount", "20.00", "query:currency", "GBP",
                "query:description", "Visit", "query:return", "/payments/return", "query:signature", "abc");
        ROUTES.put("GET /sandbox-gateway/pay", new Route(OWNER, "/sandbox-gateway/pay", order, 400,
                order.keySet().stream().collect(Collectors.toMap(k -> k, k -> Kind.SIGNED))));
        Map<String, String> answer = new HashMap<>();
        order.forEach((k, v) -> answer.put(k.replace("query:", "form:"), v));
        answer.put("form:outcome", "SUCCEEDED");
        ROUTES.put("POST /sandbox-gateway/pay", new Route(OWNER, "/sandbox-gateway/pay", answer, 400,
                answer.keySet().stream().collect(Collectors.toMap(k -> k, k -> Kind.SIGNED))));
        ROUTES.put("GET /staff/approvals", new Route(STAFF, "/staff/approvals", Map.of(), 200, Map.of()));
        ROUTES.put("POST /staff/approvals/{id}/approve", new Route(STAFF, "/staff/approvals/{id}/approve",
                Map.of("path:id", "509"), 409, Map.of("path:id", Kind.ID)));
        // declining the owner's completed visit 503 is refused by its state, whatever the reason says
        ROUTES.put("POST /staff/approvals/{id}/decline", new Route(STAFF, "/staff/approvals/{id}/decline",
                Map.of("path:id", "503", "form:reason", "Fully booked"), 409,
                Map.of("path:id", Kind.ID, "form:reason", Kind.TEXT)));
        Map<String, Kind> dayKinds = Map.of("query:centre", Kind.OPTIONAL_ID, "query:doctor", Kind.OPTIONAL_ID,
                "query:date", Kind.DATE);
        ROUTES.put("GET /staff/day", new Route(STAFF, "/staff/day", Map.of("query:centre", "1", "query:date", "2026-03-02"),
                200, dayKinds));
        ROUTES.put("POST /staff/day/{id}/check-in", new Route(STAFF, "/staff/day/{id}/check-in", Map.of("path:id", "503"),
                409, Map.of("path:id", Kind.ID, "query:doctor", Kind.OPTIONAL_ID, "form:paidBy", Kind.CHOICE,
                "form:reference", Kind.TEXT)));
        // the owner's completed visit owes nothing at the desk, however it is said to be paid
        ROUTES.put("POST /staff/day/{id}/paid", new Route(STAFF, "/staff/day/{id}/paid",
                Map.of("path:id", "503", "form:paidBy", "card"), 409,
                Map.of("path:id", Kind.ID, "query:doctor", Kind.OPTIONAL_ID, "form:paidBy", Kind.CHOICE, "form:reference", Kind.TEXT)));
        ROUTES.put("GET /staff/audit/{id}", new Route(STAFF, "/staff/audit/{id}", Map.of("path:id", "1"), 200,
                Map.of("path:id", Kind.ID)));
        ROUTES.put("POST /staff/day/{id}/complete", new Route(STAFF, "/staff/day/{id}/complete", Map.of("path:id", "503"),
                409, Map.of("path:id", Kind.ID, "query:doctor", Kind.OPTIONAL_ID)));
        ROUTES.put("POST /staff/day/{id}/no-show", new Route(STAFF, "/staff/day/{id}/no-show", Map.of("path:id", "503"),
                409, Map.of("path:id", Kind.ID, "query:doctor", Kind.OPTIONAL_ID)));
        ROUTES.put("GET /sandbox-gateway/refunds", new Route(STAFF, "/sandbox-gateway/refunds", Map.of(), 200, Map.of()));
        // a reference of no refund waiting at the sandbox settles nothing
        ROUTES.put("POST /sandbox-gateway/refunds/{id}", new Route(STAFF, "/sandbox-gateway/refunds/{id}",
                Map.of("path:id", "SBX-RF-NONE", "form:outcome", "FAILED"), 404,
                Map.of("path:id", Kind.TEXT, "form:outcome", Kind.CHOICE)));
        // from the day list: a doctor, centre and day the found patients' "act for" links open
        ROUTES.put("GET /staff/patients", new Route(STAFF, "/staff/patients", Map.of(), 200, Map.of("query:q", Kind.TEXT,
                "query:doctor", Kind.OPTIONAL_ID, "query:centre", Kind.OPTIONAL_ID, "query:date", Kind.DATE)));
        // Amelia's family page; what was saved is only ever one of three words, anything else is not said
        ROUTES.put("GET /staff/family", new Route(STAFF, "/staff/family", Map.of("query:patient", "1"), 200,
                Map.of("query:patient", Kind.ID, "query:saved", Kind.IGNORED)));
        // Amelia is already linked to her son Leo: the well-formed request is refused as an existing link
        ROUTES.put("POST /staff/family/links", new Route(STAFF, "/staff/family/links",
                Map.of("form:guardian", "1", "form:dependant", "5", "form:relationship", "CHILD"), 409,
                Map.of("form:guardian", Kind.ID, "form:dependant", Kind.ID, "form:relationship", Kind.CHOICE,
                        "form:ends", Kind.DATE)));
        // link 905 was ended by the front desk: neither extended nor ended again
        ROUTES.put("POST /staff/family/links/{id}/extend", new Route(STAFF, "/staff/family/links/{id}/extend",
                Map.of("path:id", "905", "form:noEnd", "on"), 409,
                Map.of("path:id", Kind.ID, "form:ends", Kind.DATE, "form:noEnd", Kind.FLAG, "form:back", Kind.OPTIONAL_ID)));
        ROUTES.put("POST /staff/family/links/{id}/end", new Route(STAFF, "/staff/family/links/{id}/end",
                Map.of("path:id", "905"), 409, Map.of("path:id", Kind.ID, "form:back", Kind.OPTIONAL_ID)));
        // the time must be an ISO-8601 instant: anything else, empty included, is refused as a malformed signed value is
        ROUTES.put("POST /qa/reminders", new Route(STAFF, "/qa/reminders",
                Map.of("form:appointment", "503", "form:at", "2026-03-02T08:00:00Z"), 200,
                Map.of("form:appointment", Kind.ID, "form:at", Kind.SIGNED)));
        // a language the portal does not speak is refused; the page to go back to is never another site, so any is taken
        ROUTES.put("POST /language", new Route(OWNER, "/language", Map.of("form:lang", "es", "form:return", "/"), 303,
                Map.of("form:lang", Kind.CHOICE, "form:return", Kind.TEXT, JUNK_QUERY, Kind.IGNORED)));
        // signing out takes no parameter: whatever else comes along, a bearer caller is sent home
        ROUTES.put("GET /logout", new Route(OWNER, "/logout", Map.of(), 200, Map.of()));
        ROUTES.put("POST /logout", new Route(OWNER, "/logout", Map.of(), 303, Map.of(JUNK_QUERY, Kind.IGNORED)));
        ROUTES.put("GET /sign-in-unavailable", new Route(OWNER, "/sign-in-unavailable", Map.of(), 303, Map.of()));
    }

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x>";
    static final String SQL_OR = "1' or '1'='1";
    static final String SQL_DROP = "1;drop table appointment";
    static final String LONG = "Lorem ipsum dolor sit amet. ".repeat(179).substring(0, 5000);

    /** Text in the body that only a leaked exception or database error would put there. */
    static final List<String> LEAKS = List.of("Exception", "\tat ", "at health.leap", "at io.quarkus", "Caused by",
            "org.postgresql", "SQLState", "ERROR: ", "syntax error", "java.lang", "java.sql");

    /** The message element: its code, then its sentence. */
    static final Pattern MESSAGE = Pattern.compile("data-error-code=\"([A-Z_]+)\"[^>]*>(.*?)</p>", Pattern.DOTALL);
    static final Pattern CURSOR = Pattern.compile("cursor=([A-Za-z0-9_\\-.]+)");

    /** One malformed value, as it travels (percent-encoded), and its expected answer. */
    record Bad(String shown, String wire, int expected) {
    }

    @Inject
    Sql sql;
    @Inject
    Fixtures fixtures;

    final Map<String, String> tokens = new HashMap<>();
    int requests;

    @BeforeEach
    void setUp() {
        fixtures.freshPatient(1, 6850);
    }

    @AfterEach
    void removeTheMarkupDoctor() {
        sql.update("delete from slot where doctor_id = 6850");
        sql.update("delete from offering where doctor_id = 6850");
        sql.update("delete from doctor where id = 6850");
    }

    @Test
    void everyRouteAndEveryParameterHasBadInputCases() throws IOException {
        Map<String, Set<String>> declared = ApplicationRoutes.withParameters();
        assertEquals(declared.keySet(), new TreeSet<>(ROUTES.keySet()), "a route was added or removed: give it a line in ROUTES");
        List<String> missing = new ArrayList<>();
        declared.forEach((route, parameters) -> {
            for (String parameter : parameters) {
                if (!ROUTES.get(route).kinds().containsKey(parameter)) {
                    missing.add(route + " " + parameter);
                }
            }
            if (cases(route, ROUTES.get(route)).isEmpty()) {
                missing.add(route + " has no case");
            }
        });
        assertEquals(List.of(), missing, "parameters without a kind in ROUTES");
    }

    @Test
    void malformedValuesAreRefusedWithASentenceAndChangeNothing() {
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (var entry : ROUTES.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            for (var c : cases(entry.getKey(), entry.getValue()).entrySet()) {
                for (Bad bad : c.getValue()) {
                    count++;
                    for (boolean htmx : List.of(false, true)) {
                        String before = method.equals("POST") ? Snapshot.of(sql) : null;
                        Response response = send(method, entry.getValue(), c.getKey(), bad.wire(), htmx);
                        String what = entry.getKey() + " " + c.getKey() + "=" + bad.shown() + (htmx ? " (htmx)" : "");
                        wrong.addAll(check(what, response, bad.expected(), htmx));
                        if (before != null && !before.equals(Snapshot.of(sql))) {
                            wrong.add(what + ": the database changed");
                        }
                    }
                }
            }
        }
        // a well-formed service that the doctor does not offer, on a real free slot, holds nothing
        String before = Snapshot.of(sql);
        String slot = Long.toString(fixtures.slot(204, FREE_SLOT_START));
        for (boolean htmx : List.of(false, true)) {
            Response response = send("POST", ROUTES.get("POST /appointments"), "form:service", UNKNOWN,
                    Map.of("form:slot", slot), htmx);
            wrong.addAll(check("POST /appointments service=" + UNKNOWN + " on a free slot" + (htmx ? " (htmx)" : ""),
                    response, 422, htmx));
        }
        assertEquals(before, Snapshot.of(sql), "an unknown service held a slot");
        assertEquals(List.of(), wrong, count + " cases, " + requests + " requests");
    }

    @Test
    void aDoctorsNameIsShownEscapedOnTheListAndTheProfile() {
        sql.update("""
                insert into doctor (id, tenant_id, name, specialty, languages, bio, requires_approval)
                values (6850, 1, ?, 'General practice', 'English', ?, false)""",
                "Dr <b>Bold</b> \"Quote\" <script>x</script>", "Bio with <i>markup</i>");
        sql.update("insert into offering (tenant_id, doctor_id, service_id, centre_id) values (1, 6850, 101, 1)");
        sql.update("insert into slot (tenant_id, doctor_id, centre_id, starts_at, ends_at) values (1, 6850, 1, ?, ?)",
                java.time.Instant.parse("2026-03-05T10:00:00Z"), java.time.Instant.parse("2026-03-05T10:30:00Z"));
        for (String page : List.of("/doctors", "/doctors?q=Bold", "/doctors/6850", "/doctors/6850?centre=1&service=101")) {
            as(OWNER).when().get(page).then().statusCode(200)
                    .body(containsString("Dr &lt;b&gt;Bold&lt;/b&gt; &quot;Quote&quot; &lt;script&gt;x&lt;/script&gt;"),
                            not(containsString("<b>Bold</b>")), not(containsString("<script>x</script>")),
                            not(containsString("\"Quote\"")), not(containsString("<i>markup</i>")));
        }
    }

    @Test
    @TestSecurity(user = "p6850", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "tenant_id", value = "1"), @Claim(key = "lead_id", value = "6850")})
    void aCancelReasonIsShownEscapedOnTheDetailPage() {
        long id = fixtures.confirmed(1, 6850, 205, 101, "2026-03-24T15:00:00Z");
        // a character the database cannot store is refused before anything is written
        String before = Snapshot.of(sql);
        Browser.given().contentType("application/x-www-form-urlencoded").body("reason=a%00b")
                .when().post("/appointments/" + id + "/cancel").then().statusCode(400)
                .body(containsString("data-error-code=\"BAD_REQUEST\""));
        assertEquals(before, Snapshot.of(sql));
        Browser.given().formParam("reason", "<img src=x onerror=alert(1)>")
                .when().post("/appointments/" + id + "/cancel").then().statusCode(303);
        assertEquals("CANCELLED", fixtures.status(id));
        Browser.given().when().get("/appointments/" + id).then().statusCode(200)
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"), not(containsString("<img src=x")));
    }

    /** Every parameter's malformed values, and junk in the query string of every read. */
    private Map<String, List<Bad>> cases(String route, Route r) {
        Map<String, List<Bad>> cases = new LinkedHashMap<>();
        r.kinds().forEach((parameter, kind) -> cases.put(parameter, values(route, parameter, kind, r.answer())));
        if (route.startsWith("GET ")) {
            cases.put(JUNK_QUERY, values(route, JUNK_QUERY, Kind.IGNORED, r.answer()));
        }
        return cases;
    }

    private List<Bad> values(String route, String parameter, Kind kind, int answer) {
        List<Bad> values = new ArrayList<>();
        // what every parameter is sent: metacharacters, a 5,000-character value and broken encodings
        int meta = kind == Kind.TEXT ? answer : 400;
        if (kind != Kind.IGNORED && kind != Kind.FLAG) {
            values.add(raw(SQL_OR, meta));
            values.add(raw(SQL_DROP, meta));
            values.add(raw(SCRIPT, meta));
            values.add(raw(IMG, meta));
            values.add(raw(LONG, 400));
            values.add(wire("%00", 400));
            values.add(wire("a%00b", 400));
            values.add(wire("%E2%28%A1", meta));
            values.add(wire("%C0%AF%FF", meta));
            if (parameter.startsWith("form:")) {
                // a URL with a broken escape cannot even be built; a form body can carry one
                values.add(wire("%ZZ", 400));
            }
        }
        switch (kind) {
            case ID, OPTIONAL_ID -> {
                for (String id : List.of("abc", "1.5", "1e3", "0x1F", "99999999999999999999", "9223372036854775808",
                        "-1", "0", "-9223372036854775808")) {
                    values.add(raw(id, 400));
                }
                values.add(raw(" ", kind == Kind.ID ? 400 : answer));
                values.add(raw(UNKNOWN, UNKNOWN_ID.getOrDefault(route + " " + parameter, 404)));
            }
            case DATE -> {
                for (String date : List.of("2026-02-30", "26-3-1", "2026-13-01", "01/03/2026", "2026-03-01T10:00", "tomorrow")) {
                    values.add(raw(date, 400));
                }
                values.add(raw("", answer));
            }
            case EPOCH -> {
                for (String epoch : List.of("-1", "-9223372036854775808", "253402300800", "9223372036854775807",
                        "9223372036854775808", "99999999999999999999", "1772409600.5", "abc", "2026-03-01")) {
                    values.add(raw(epoch, 400));
                }
            }
            case STATUS -> {
                for (String status : List.of("PAID", "draft'", "confirmed", "CONFIRMED;", "ALL")) {
                    values.add(raw(status, 400));
                }
            }
            case LIMIT -> {
                for (String limit : List.of("0", "51", "-1", "abc", "1.5", "99999999999999999999", "2147483648")) {
                    values.add(raw(limit, 400));
                }
            }
            case CURSOR -> {
                for (String cursor : cursors(route)) {
                    values.add(raw(cursor, 400));
                }
            }
            case TEXT -> values.add(raw("Ω émoji 🩺 ‮reversed", answer));
            case FLAG -> {
                for (String flag : List.of("yes", "TRUE", SQL_OR, SCRIPT, LONG)) {
                    values.add(raw(flag, answer));
                }
                values.add(wire("%00", answer));
            }
            case SIGNED -> values.add(raw("", 400));
            case CHOICE -> {
                values.add(raw("", 400));
                values.add(raw("completed", 400));
            }
            case CONTACT -> {
                values.add(raw("", 400));
                values.add(raw("call me on Tuesday", 400));
            }
            case IGNORED -> {
                values.add(wire("%FF%FE=%C0%80", answer));
                values.add(wire("junk=%3Cscript%3Ealert(1)%3C%2Fscript%3E&%00=%00", answer));
                values.add(wire("a%E2%28%A1b=1", answer));
            }
        }
        return values;
    }

    /**
     * Cursors that are not this list's: a real one with one character changed, one cut short, random
     * base64, another patient's, and one from the other kind of list.
     */
    private List<String> cursors(String route) {
        String history = cursorOf(OWNER, "/appointments?limit=1");
        String redemptions = cursorOf(OWNER, "/packages/401/redemptions?limit=1");
        String own = route.startsWith("GET /appointments") ? history : redemptions;
        String others = route.startsWith("GET /appointments") ? cursorOf("oliver", "/appointments?limit=1")
                : cursorOf("maya", "/packages/405/redemptions?limit=1");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        int middle = own.length() / 2;
        return List.of(
                own.substring(0, middle) + (own.charAt(middle) == 'A' ? 'B' : 'A') + own.substring(middle + 1),
                own.substring(0, own.length() - 3),
                own.substring(0, own.indexOf('.')),
                base64 + "." + base64,
                base64,
                others,
                own == history ? redemptions : history,
                own + "." + own,
                "..");
    }

    private String cursorOf(String user, String page) {
        String body = as(user).urlEncodingEnabled(false).when().get(page).then().statusCode(200).extract().asString();
        Matcher next = CURSOR.matcher(body);
        if (!next.find()) {
            throw new AssertionError("no \"load more\" cursor on " + page + " for " + user);
        }
        return next.group(1);
    }

    private static Bad raw(String value, int expected) {
        String shown = value.length() > 30 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
        return new Bad(shown, encode(value), expected);
    }

    private static Bad wire(String encoded, int expected) {
        return new Bad(encoded, encoded, expected);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Response send(String method, Route route, String parameter, String wireValue, boolean htmx) {
        return send(method, route, parameter, wireValue, Map.of(), htmx);
    }

    /** The route with its base values, {@code overrides}, and the parameter under test set to the value as it travels. */
    private Response send(String method, Route route, String parameter, String wireValue, Map<String, String> overrides,
                          boolean htmx) {
        Map<String, String> values = new LinkedHashMap<>();
        route.base().forEach((k, v) -> values.put(k, encode(v)));
        overrides.forEach((k, v) -> values.put(k, encode(v)));
        values.remove(parameter);
        String path = route.path().replace("{id}", parameter.equals("path:id") ? wireValue : values.getOrDefault("path:id", ""));
        List<String> query = new ArrayList<>();
        List<String> form = new ArrayList<>();
        values.forEach((k, v) -> (k.startsWith("query:") ? query : form).add(k.substring(k.indexOf(':') + 1) + "=" + v));
        if (parameter.equals(JUNK_QUERY)) {
            query.add(wireValue);
        } else if (parameter.startsWith("query:")) {
            query.add(parameter.substring(6) + "=" + wireValue);
        } else if (parameter.startsWith("form:")) {
            form.add(parameter.substring(5) + "=" + wireValue);
        }
        form.removeIf(p -> p.startsWith("id="));
        RequestSpecification request = as(route.user()).urlEncodingEnabled(false);
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        if (method.equals("POST")) {
            request = request.contentType("application/x-www-form-urlencoded").body(String.join("&", form));
        }
        requests++;
        return request.when().request(method, path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    private RequestSpecification as(String user) {
        return Browser.given().auth().oauth2(tokens.computeIfAbsent(user, u -> KeycloakServer.get().passwordToken(u, "demo")));
    }

    /** What is wrong with an answer: its status, a missing message, a whole page under htmx, a leak or raw markup. */
    private static List<String> check(String what, Response response, int expected, boolean htmx) {
        List<String> wrong = new ArrayList<>();
        int status = response.statusCode();
        String body = response.asString();
        if (status != expected) {
            Matcher message = MESSAGE.matcher(body);
            wrong.add(what + ": expected " + expected + ", got " + status
                    + (message.find() ? " " + message.group(1) + " " + text(message.group(2)) : ""));
        }
        if (status >= 400) {
            Matcher message = MESSAGE.matcher(body);
            if (!message.find()) {
                wrong.add(what + ": " + status + " without a data-error-code message");
            } else {
                String sentence = text(message.group(2));
                if (sentence.split(" ").length < 3 || !sentence.matches("(?s).*[.?!]$")) {
                    wrong.add(what + ": the message \"" + sentence + "\" is not a sentence");
                }
            }
            if (htmx && body.contains("<html")) {
                wrong.add(what + ": a whole page under htmx");
            }
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                wrong.add(what + ": the body shows \"" + leak.trim() + "\"");
            }
        }
        for (String markup : List.of(SCRIPT, "<img src=x>")) {
            if (body.contains(markup)) {
                wrong.add(what + ": raw " + markup + " in the body");
            }
        }
        return wrong;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    }
}
