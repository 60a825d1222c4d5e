package health.leap.portal.security;

import health.leap.portal.platform.Browser;
import health.leap.portal.platform.KeycloakServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route of the portal, read from its own JAX-RS resources, called by everyone who might call
 * it, with ids that are the caller's, someone else's and nobody's, as real Keycloak users. The
 * expectations are SPEC's: no session → the login; a patient's own data → the page; someone else's,
 * in the same clinic or another → 403; an id that exists nowhere → 404; staff pages for staff only.
 * A route added without an expectation fails the test.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Who calls. The owner is Amelia (Harbour Health); her data is what the ids point at. */
    enum Who {
        ANONYMOUS(null), OWNER("amelia"), NEIGHBOUR("oliver"), STRANGER("maya"), STAFF("staff.harbour"),
        OTHER_STAFF("staff.sunrise");

        final String user;

        Who(String user) {
            this.user = user;
        }
    }

    /** Which id a route is called with. */
    enum Id {
        OWN, NEIGHBOURS, OTHER_CLINICS, UNKNOWN
    }

    /** Amelia's, Oliver's (same clinic), Maya's (Sunrise) and nobody's, per kind of id. */
    static final Map<String, Map<Id, String>> IDS = Map.of(
            "appointment", Map.of(Id.OWN, "503", Id.NEIGHBOURS, "521", Id.OTHER_CLINICS, "531", Id.UNKNOWN, "999999"),
            "package", Map.of(Id.OWN, "401", Id.NEIGHBOURS, "406", Id.OTHER_CLINICS, "405", Id.UNKNOWN, "999999"),
            "doctor", Map.of(Id.OWN, "201", Id.NEIGHBOURS, "202", Id.OTHER_CLINICS, "211", Id.UNKNOWN, "999999"),
            "lead", Map.of(Id.OWN, "1", Id.NEIGHBOURS, "2", Id.OTHER_CLINICS, "11", Id.UNKNOWN, "999999"),
            // family links the front desk ended (so a staff write is refused by state): Harbour's 905, Sunrise's 906
            "link", Map.of(Id.OWN, "905", Id.NEIGHBOURS, "905", Id.OTHER_CLINICS, "906", Id.UNKNOWN, "999999"),
            // a sandbox refund reference no refund of any clinic waits under
            "refund", Map.of(Id.OWN, "SBX-RF-NONE", Id.NEIGHBOURS, "SBX-RF-NONE", Id.OTHER_CLINICS, "SBX-RF-NONE",
                    Id.UNKNOWN, "SBX-RF-NONE"));

    static final int LOGIN = 302;

    /** What a route answers: per caller and id. */
    interface Rule {
        int expected(Who who, Id id);
    }

    /** Whose record an id is: Amelia's, Oliver's, Maya's, or nobody's. */
    static Who ownerOf(Id id) {
        return switch (id) {
            case OWN -> Who.OWNER;
            case NEIGHBOURS -> Who.NEIGHBOUR;
            case OTHER_CLINICS -> Who.STRANGER;
            case UNKNOWN -> null;
        };
    }

    /** A patient's own record: its owner gets {@code own}; anyone else's → 403, nobody's → 404; staff → 403. */
    static Rule owned(int own) {
        return (who, id) -> switch (who) {
            case ANONYMOUS -> LOGIN;
            case OWNER, NEIGHBOUR, STRANGER -> id == Id.UNKNOWN ? 404 : ownerOf(id) == who ? own : 403;
            case STAFF, OTHER_STAFF -> 403;
        };
    }

    /** A patient page without an owned id: every patient, never staff. */
    static Rule patients(int status) {
        return (who, id) -> switch (who) {
            case ANONYMOUS -> LOGIN;
            case OWNER, NEIGHBOUR, STRANGER -> status;
            case STAFF, OTHER_STAFF -> 403;
        };
    }

    /** A doctor of the caller's clinic is shown; one of another clinic → 403; nobody → 404. */
    static Rule doctors() {
        return (who, id) -> switch (who) {
            case ANONYMOUS -> LOGIN;
            case OWNER, NEIGHBOUR -> id == Id.UNKNOWN ? 404 : id == Id.OTHER_CLINICS ? 403 : 200;
            case STRANGER -> id == Id.UNKNOWN ? 404 : id == Id.OTHER_CLINICS ? 200 : 403;
            case STAFF, OTHER_STAFF -> 403;
        };
    }

    /** Staff pages: staff only. */
    static Rule staff(int status) {
        return (who, id) -> switch (who) {
            case ANONYMOUS -> LOGIN;
            case OWNER, NEIGHBOUR, STRANGER -> 403;
            case STAFF, OTHER_STAFF -> status;
        };
    }

    /** A staff action on an appointment: their own clinic's only. */
    static Rule staffOnAppointment(int ownClinic) {
        return (who, id) -> switch (who) {
            case ANONYMOUS -> LOGIN;
            case OWNER, NEIGHBOUR, STRANGER -> 403;
            case STAFF -> switch (id) {
                case OWN, NEIGHBOURS -> ownClinic;
                case OTHER_CLINICS -> 403;
                case UNKNOWN -> 404;
            };
            case OTHER_STAFF -> switch (id) {
                case OWN, NEIGHBOURS -> 403;
                case OTHER_CLINICS -> ownClinic;
                case UNKNOWN -> 404;
            };
        };
    }

    /** A preview of a patient's page: staff of the patient's clinic only. */
    static Rule preview() {
        return (who, id) -> switch (who) {
            case ANONYMOUS -> LOGIN;
            case OWNER, NEIGHBOUR, STRANGER -> 403;
            case STAFF -> switch (id) {
                case OWN, NEIGHBOURS -> 200;
                case OTHER_CLINICS -> 403;
                case UNKNOWN -> 404;
            };
            case OTHER_STAFF -> switch (id) {
                case OWN, NEIGHBOURS -> 403;
                case OTHER_CLINICS -> 200;
                case UNKNOWN -> 404;
            };
        };
    }

    /** Signed in, whoever: the sandbox gateway's pages answer a missing order with 400. */
    static Rule signedIn(int status) {
        return (who, id) -> who == Who.ANONYMOUS ? LOGIN : status;
    }

    /** How to call a route: the kind of id in its path, a query or form ({@code k=v&...}), and the rule. */
    record Expectation(String idKind, String query, Rule rule) {
    }

    /**
     * One line per route of the application. The owner's writes target her completed appointment
     * 503, so they pass authorization and are refused by state, changing nothing.
     */
    static final Map<String, Expectation> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("GET /", new Expectation(null, "", (who, id) -> who == Who.ANONYMOUS ? LOGIN : 200));
        ROUTES.put("GET /doctors", new Expectation(null, "", patients(200)));
        ROUTES.put("GET /doctors/{id}", new Expectation("doctor", "", doctors()));
        ROUTES.put("GET /doctors/{id}/slots", new Expectation("doctor", "?date=2026-03-04", doctors()));
        ROUTES.put("POST /appointments", new Expectation(null, "", patients(400)));
        ROUTES.put("GET /appointments", new Expectation(null, "", patients(200)));
        ROUTES.put("GET /appointments/{id}", new Expectation("appointment", "", owned(200)));
        ROUTES.put("GET /appointments/{id}/calendar.ics", new Expectation("appointment", "", owned(200)));
        ROUTES.put("POST /appointments/{id}/confirm", new Expectation("appointment", "", owned(409)));
        // the owner's completed visit holds nothing to keep longer: refused as a hold that has passed
        ROUTES.put("POST /appointments/{id}/extend", new Expectation("appointment", "", owned(409)));
        ROUTES.put("POST /appointments/{id}/payment", new Expectation("appointment", "", owned(409)));
        // a payment link is the front desk's to send, acting for the patient: refused to everyone here
        ROUTES.put("POST /appointments/{id}/payment-link", new Expectation("appointment", "?hours=24",
                (who, id) -> who == Who.ANONYMOUS ? LOGIN : 403));
        ROUTES.put("POST /appointments/{id}/cancel", new Expectation("appointment", "", owned(409)));
        ROUTES.put("GET /appointments/{id}/reschedule", new Expectation("appointment", "", owned(409)));
        ROUTES.put("POST /appointments/{id}/reschedule", new Expectation("appointment", "?slot=1", owned(409)));
        ROUTES.put("GET /packages", new Expectation(null, "", patients(200)));
        // without a service and centre it asks for them: 400 once authorized
        ROUTES.put("GET /packages/applicable", new Expectation(null, "", patients(400)));
        ROUTES.put("GET /packages/{id}", new Expectation("package", "", owned(200)));
        ROUTES.put("GET /packages/{id}/redemptions", new Expectation("package", "", owned(200)));
        ROUTES.put("GET /profile", new Expectation(null, "", patients(200)));
        // the owner's choices as they are: both on
        ROUTES.put("POST /profile/mail", new Expectation(null, "?reminders=on&changes=on", patients(303)));
        // what the portal holds about the caller, as a page and a file: a patient's own, never staff's
        // contact details: without a phone, an address or a link's token each is refused as malformed, changing nothing
        ROUTES.put("POST /profile/phone", new Expectation(null, "", patients(400)));
        ROUTES.put("POST /profile/email", new Expectation(null, "", patients(400)));
        ROUTES.put("GET /profile/email/confirm", new Expectation(null, "", patients(400)));
        ROUTES.put("POST /profile/email/confirm", new Expectation(null, "", patients(400)));
        ROUTES.put("GET /profile/data", new Expectation(null, "", patients(200)));
        ROUTES.put("GET /profile/data.json", new Expectation(null, "", patients(200)));
        ROUTES.put("GET /payments/return", new Expectation(null, "?reference=unknown", patients(400)));
        ROUTES.put("GET /sandbox-gateway/pay", new Expectation(null, "", signedIn(400)));
        ROUTES.put("POST /sandbox-gateway/pay", new Expectation(null, "", signedIn(400)));
        ROUTES.put("GET /staff/approvals", new Expectation(null, "", staff(200)));
        ROUTES.put("POST /staff/approvals/{id}/approve", new Expectation("appointment", "", staffOnAppointment(409)));
        ROUTES.put("POST /staff/approvals/{id}/decline", new Expectation("appointment", "?reason=Fully%20booked",
                staffOnAppointment(409)));
        ROUTES.put("GET /staff/day", new Expectation(null, "", staff(200)));
        // the owner's completed visit: neither checked in, completed again nor marked a no-show
        ROUTES.put("POST /staff/day/{id}/check-in", new Expectation("appointment", "", staffOnAppointment(409)));
        ROUTES.put("POST /staff/day/{id}/complete", new Expectation("appointment", "", staffOnAppointment(409)));
        ROUTES.put("POST /staff/day/{id}/no-show", new Expectation("appointment", "", staffOnAppointment(409)));
        // the owner's completed visit was never one to pay at the desk: nothing owed there
        ROUTES.put("POST /staff/day/{id}/paid", new Expectation("appointment", "?paidBy=card", staffOnAppointment(409)));
        // what staff did for a patient: staff of the patient's own clinic only
        ROUTES.put("GET /staff/audit/{id}", new Expectation("lead", "", preview()));
        ROUTES.put("GET /sandbox-gateway/refunds", new Expectation(null, "", staff(200)));
        ROUTES.put("POST /sandbox-gateway/refunds/{id}", new Expectation("refund", "?outcome=FAILED", staff(404)));
        ROUTES.put("GET /staff/patients", new Expectation(null, "", staff(200)));
        // Amelia's family page: her clinic's staff see it, another clinic's are refused
        ROUTES.put("GET /staff/family", new Expectation(null, "?patient=1", (who, id) -> switch (who) {
            case ANONYMOUS -> LOGIN;
            case OWNER, NEIGHBOUR, STRANGER -> 403;
            case STAFF -> 200;
            case OTHER_STAFF -> 403;
        }));
        // Amelia is already linked to Leo: refused as a link that exists, after the clinic is checked
        ROUTES.put("POST /staff/family/links", new Expectation(null, "?guardian=1&dependant=5&relationship=CHILD",
                (who, id) -> switch (who) {
                    case ANONYMOUS -> LOGIN;
                    case OWNER, NEIGHBOUR, STRANGER -> 403;
                    case STAFF -> 409;
                    case OTHER_STAFF -> 403;
                }));
        ROUTES.put("POST /staff/family/links/{id}/extend", new Expectation("link", "?noEnd=on", staffOnAppointment(409)));
        ROUTES.put("POST /staff/family/links/{id}/end", new Expectation("link", "", staffOnAppointment(409)));
        // QA's test clock of the reminder rule (on in the tests): the owner's completed visit has no reminder due
        ROUTES.put("POST /qa/reminders", new Expectation(null, "?appointment=503&at=2026-03-02T08:00:00Z", staff(200)));
        // anyone signed in may choose the language of their pages (a preview only changes the staff member's own)
        ROUTES.put("POST /language", new Expectation(null, "?lang=es&return=/", signedIn(303)));
        // anyone signed in sees the sign-out button, and the button signs them out (a bearer caller has no session)
        ROUTES.put("GET /logout", new Expectation(null, "", signedIn(200)));
        ROUTES.put("POST /logout", new Expectation(null, "", signedIn(303)));
        // public: while the identity provider answers it sends everyone home (patient.SignInUnavailable)
        ROUTES.put("GET /sign-in-unavailable", new Expectation(null, "", (who, id) -> 303));
    }

    /** The preview routes, which serve the patient pages above under the staff's path. */
    static final List<String> PREVIEW_PAGES = List.of("/", "/appointments", "/packages", "/doctors", "/profile");

    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    final Map<Who, String> tokens = new EnumMap<>(Who.class);

    @BeforeEach
    void setUp() {
        clock.reset();
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    @Test
    void everyRouteOfTheApplicationHasAnExpectation() throws IOException {
        assertEquals(new TreeSet<>(ROUTES.keySet()), ApplicationRoutes.routes(),
                "a route was added or removed: give it a line in ROUTES");
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheSpecSays() {
        String before = Snapshot.of(sql);
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (var route : ROUTES.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String template = route.getKey().substring(method.length() + 1);
            Expectation expectation = route.getValue();
            for (Who who : Who.values()) {
                for (Id id : expectation.idKind() == null ? List.of(Id.OWN) : List.of(Id.values())) {
                    String path = expectation.idKind() == null ? template
                            : template.replace("{id}", IDS.get(expectation.idKind()).get(id));
                    int expected = expectation.rule().expected(who, id);
                    int actual = call(who, method, path + expectation.query());
                    calls++;
                    if (actual != expected) {
                        wrong.add(who + " " + method + " " + path + expectation.query() + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        for (String page : PREVIEW_PAGES) {
            for (Who who : Who.values()) {
                for (Id id : Id.values()) {
                    String path = "/staff/patients/" + IDS.get("lead").get(id) + page;
                    int expected = preview().expected(who, id);
                    int actual = call(who, "GET", path);
                    calls++;
                    if (actual != expected) {
                        wrong.add(who + " GET " + path + ": expected " + expected + ", got " + actual);
                    }
                    if (who == Who.STAFF && id == Id.OWN) {
                        int write = call(who, "POST", "/staff/patients/1/appointments/503/cancel");
                        if (write != 403) {
                            wrong.add("STAFF POST in preview: expected 403, got " + write);
                        }
                    }
                }
            }
        }
        // the front desk acting for a patient: the same pages, for staff of the patient's clinic, writes too
        for (String page : PREVIEW_PAGES) {
            for (Who who : Who.values()) {
                for (Id id : Id.values()) {
                    String path = "/staff/acting/" + IDS.get("lead").get(id) + page;
                    int expected = preview().expected(who, id);
                    int actual = call(who, "GET", path);
                    calls++;
                    if (actual != expected) {
                        wrong.add(who + " GET " + path + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        // a write for Amelia: her clinic's desk reaches it (her completed visit is refused by its state), nobody else
        for (Who who : Who.values()) {
            int expected = switch (who) {
                case ANONYMOUS -> LOGIN;
                case STAFF -> 409;
                default -> 403;
            };
            int write = call(who, "POST", "/staff/acting/1/appointments/503/cancel?reason=Late&refund=none");
            calls++;
            if (write != expected) {
                wrong.add(who + " POST /staff/acting/1/appointments/503/cancel: expected " + expected + ", got " + write);
            }
        }
        assertEquals(List.of(), wrong, calls + " calls");
        assertEquals(before, Snapshot.of(sql), "no call of the matrix changed an appointment, payment or package");
    }

    /**
     * Booking for the family: who may act for whom under {@code /family/{lead}/…}. Amelia for her
     * children Leo (5) and Mia (6); Oliver's link to his son Jack (7) ended at 18; Ethan (Sunrise) for
     * his father Robert (16), who also signs in himself. Writes name Mia's completed visit 513, so
     * an allowed one is refused by its state and changes nothing.
     */
    static final List<String> FAMILY = List.of(
            "amelia GET /family/5/ 200", "amelia GET /family/5/doctors 200", "amelia GET /family/5/appointments 200",
            "amelia GET /family/5/packages 200", "amelia GET /family/5/packages/407 200", "amelia GET /family/5/profile 200",
            "amelia GET /family/5/profile/data 200", "amelia GET /family/5/profile/data.json 200",
            "amelia GET /family/6/appointments/513 200", "amelia POST /family/6/appointments/513/cancel 409",
            // her own booking is not her daughter's, her daughter's is not her son's nor her own
            "amelia GET /family/6/appointments/503 403", "amelia GET /family/5/appointments/513 403",
            "amelia GET /appointments/513 403", "amelia GET /packages/407 403",
            // someone else's dependant, an ended link, another clinic's patient, nobody
            "amelia GET /family/7/ 403", "amelia GET /family/16/ 403", "amelia GET /family/999999/ 403",
            "oliver GET /family/7/ 403", "oliver GET /family/5/ 403", "oliver POST /family/6/appointments/513/cancel 403",
            "maya GET /family/5/ 403", "maya GET /family/6/appointments/513 403",
            "ethan GET /family/16/ 200", "ethan GET /family/16/appointments/536 200", "ethan GET /appointments/536 403",
            // the dependant's own login: their own pages only, never their guardian's
            "robert GET /appointments/536 200", "robert GET /family/12/ 403", "robert GET /family/16/ 403",
            // staff act for nobody; their preview shows a dependant's pages
            "staff.harbour GET /family/5/ 403", "staff.harbour GET /staff/patients/5/ 200",
            "staff.harbour GET /staff/patients/6/appointments 200", "staff.sunrise GET /staff/patients/5/ 403",
            // a patient's data is theirs (or their guardian's) to take: not in a preview, not at the desk
            "staff.harbour GET /staff/patients/5/profile/data.json 403", "staff.harbour GET /staff/acting/5/profile/data 403",
            // only the patient pages exist under a family path
            "amelia GET /family/5/staff/day 404", "amelia GET /family/abc/ 400",
            "- GET /family/5/ 302");

    @Test
    void familyCallersAnswerAsTheSpecSays() {
        String before = Snapshot.of(sql);
        List<String> wrong = new ArrayList<>();
        for (String line : FAMILY) {
            String[] parts = line.split(" ");
            String user = parts[0];
            int expected = Integer.parseInt(parts[3]);
            RequestSpecification request = Browser.given().urlEncodingEnabled(false);
            if (!user.equals("-")) {
                request = request.auth().oauth2(KeycloakServer.get().passwordToken(user, "demo"));
            }
            int actual = request.when().request(parts[1], parts[2]).then().extract().statusCode();
            if (actual != expected) {
                wrong.add(line + ": got " + actual);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(before, Snapshot.of(sql), "no family call changed an appointment, payment or package");
    }

    private int call(Who who, String method, String path) {
        RequestSpecification request = Browser.given().urlEncodingEnabled(false);
        if (method.equals("POST") && path.contains("?")) {
            // a write's parameters travel as its form
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                request = request.formParam(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            path = path.substring(0, path.indexOf('?'));
        }
        if (who.user != null) {
            request = request.auth().oauth2(tokens.computeIfAbsent(who, w -> KeycloakServer.get().passwordToken(w.user, "demo")));
        }
        return request.when().request(method, path).then().extract().statusCode();
    }
}
