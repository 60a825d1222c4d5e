package health.leap.portal.e2e;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The accessibility sweep's checks, which its journey classes share ({@link AccessibilityJourneyIT},
 * {@link AccessibilityOfSunriseJourneyIT}): every kind of page the portal shows passes axe's WCAG 2.2 A and AA rules in English and again in
 * Spanish, and the three criteria axe cannot judge are checked by hand on each: target size (2.5.8),
 * focus not obscured (2.4.11) and consistent help (3.2.6).
 * <p>
 * The sweep goes person by person, and its classes by clinic, so that each part runs beside the
 * journeys of other people ({@link NeedsLocks} locks what a class's journeys name for the whole class): Amelia walks through her pages and her son's, a doctor's free times, an
 * empty history and the refusals (403, 404, 409, and the 400 and 422 a form can earn), also on a
 * phone; Sofia, who has nothing booked, sees her empty lists and then writes faster than the portal
 * allows (429); Ethan holds a paid time and looks at the sandbox gateway without paying, and
 * Sunrise's desk opens the sandbox's refunds; Harbour's desk opens its own pages, Amelia's family
 * links and a preview of Amelia's portal. In each part everyone then chooses Español in the header
 * and it all happens again, and at the end everyone chooses English again.
 * <p>
 * The pages' words differ by language, so nothing here reads them: the journey goes by address and
 * by ids, names, classes, {@code data-error-code}, {@code data-help} and {@code lang}.
 */
abstract class AccessibilitySweep {

    private static final String ENGLISH = "en";
    private static final String SPANISH = "es";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Dr Luis Ortega's Physical therapy at Sunrise's Boston centre, which asks a USD 25.00 token online. */
    private static final String ORTEGA_PHYSIO = "/doctors/212?centre=11&service=112";
    /** Amelia's completed visit: it cannot be moved (AuthorizationMatrixTest: 409). */
    private static final String COMPLETED_VISIT = "/appointments/503";
    /** Maya's booking, at another clinic: not Amelia's to see (403). */
    private static final String MAYAS_BOOKING = "/appointments/531";
    private static final String NO_SUCH_BOOKING = "/appointments/99999999";
    /** Where Harbour's staff preview Amelia's portal (she is lead 1). */
    private static final String AMELIAS_PREVIEW = "/staff/patients/1";

    private static final Pattern BOOKING = Pattern.compile("/appointments/\\d+$");
    private static final Pattern PACKAGE = Pattern.compile("/packages/\\d+$");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
    private static final String CSRF_FIELD = "csrf-token";

    /** Enough writes to spend a budget of 20 a minute and the few that come back meanwhile. */
    private static final int MOST_WRITES = 40;
    /** Tab presses per page: a page whose focus goes round sooner stops sooner. */
    private static final int MOST_TABS = 40;

    /**
     * A form built in the page and sent as a person's browser sends it: a real navigation, whose
     * answer is the page the browser shows.
     */
    private static final String SUBMIT = """
            ([action, fields]) => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = action;
              for (const [name, value] of Object.entries(fields)) {
                const field = document.createElement('input');
                field.type = 'hidden';
                field.name = name;
                field.value = value;
                form.append(field);
              }
              document.body.append(form);
              form.submit();
            }""";

    /**
     * 2.5.8 Target size (minimum): every control, and every link that does not sit in running text,
     * is at least 24 by 24 CSS px, or is spaced as the criterion allows: a 24 px circle on its centre
     * touches no other target, nor the circle of another undersized one. Returns the offenders. Links
     * in a sentence or a line of text are the criterion's inline exception; those in the header, a
     * navigation, the day list and the times never are. Half a pixel is allowed for layout rounding
     * (1.5rem may come out at 23.99 px).
     */
    private static final String TARGET_SIZE = """
            () => {
              const MIN = 24, SLACK = 0.5;
              const TARGETS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]';
              const text = el => el.textContent.replace(/\\s+/g, ' ').trim();
              const shown = el => {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
                // moved off the page until it has focus, as the skip link is
                return r.right + scrollX > 0 && r.bottom + scrollY > 0;
              };
              const inRunningText = el => {
                if (el.tagName !== 'A' || el.classList.contains('button')) return false;
                if (el.closest('header, nav, .days, .slot-list')) return false;
                return !!el.parentElement && text(el.parentElement).length > text(el).length;
              };
              const targets = [...document.querySelectorAll(TARGETS)].filter(shown)
                  .map(el => ({ el, r: el.getBoundingClientRect() }));
              const small = t => t.r.width + SLACK < MIN || t.r.height + SLACK < MIN;
              const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
              const toRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
              const apart = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
              const nested = (a, b) => a.contains(b) || b.contains(a);
              return targets.filter(t => small(t) && !inRunningText(t.el)).filter(t => {
                const c = centre(t.r);
                return targets.some(o => o !== t && !nested(o.el, t.el)
                    && (toRect(c, o.r) + SLACK < MIN / 2 || (small(o) && apart(c, centre(o.r)) + SLACK < MIN)));
              }).map(t => t.r.width.toFixed(1) + ' x ' + t.r.height.toFixed(1) + ' px, too close to another target: '
                  + t.el.outerHTML.replace(/\\s+/g, ' ').slice(0, 240));
            }""";

    /**
     * 2.4.11 Focus not obscured (minimum), for the element that has just received focus, once the
     * browser has scrolled it into view: the topmost element at the centre of its visible part is
     * itself, inside it, or its label; a sticky banner or anything else on top of it is an offender.
     * Null while the document itself has focus; {@code again} once focus has gone round the page.
     */
    private static final String FOCUSED = """
            () => new Promise(done => requestAnimationFrame(() => {
              const el = document.activeElement;
              if (!el || el === document.body || el === document.documentElement) { done(null); return; }
              const again = window.a11yTabbed.has(el);
              window.a11yTabbed.add(el);
              const html = el.outerHTML.replace(/\\s+/g, ' ').slice(0, 240);
              // a link that wraps onto two lines is two boxes: it is seen when the centre of any box shows it
              const boxes = [...el.getClientRects()].filter(b => b.width > 0 && b.height > 0);
              if (boxes.length === 0) boxes.push(el.getBoundingClientRect());
              let hit = null, own = false, inWindow = false;
              for (const r of boxes) {
                const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
                const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
                if (right <= left || bottom <= top) continue;
                inWindow = true;
                hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
                own = hit && (hit === el || el.contains(hit) || (el.labels && [...el.labels].some(l => l.contains(hit))));
                if (own) break;
              }
              if (!inWindow) { done({ again, html, coveredBy: 'nothing: it is outside the window' }); return; }
              done({ again, html, coveredBy: own ? '' : hit ? hit.outerHTML.replace(/\\s+/g, ' ').slice(0, 240) : 'nothing' });
            }))""";

    /**
     * 3.2.6 Consistent help: the footer holds the clinic-contact line, marked {@code data-help}, as its
     * last element on every page. Returns what is wrong, or the line.
     */
    private static final String HELP = """
            () => {
              const footers = document.querySelectorAll('footer.site-footer');
              if (footers.length !== 1) return { problem: footers.length + ' footer.site-footer elements instead of one' };
              const help = footers[0].querySelectorAll('[data-help]');
              if (help.length !== 1) return { problem: help.length + ' [data-help] elements in the footer instead of one' };
              if (footers[0].lastElementChild !== help[0]) return { problem: 'the [data-help] line is not the footer\\'s last element' };
              if (!help[0].checkVisibility()) return { problem: 'the [data-help] line cannot be seen' };
              return { problem: '', line: help[0].textContent.replace(/\\s+/g, ' ').trim() };
            }""";

    Portal portal;
    /** The language this part of the sweep is in, as {@code <html lang>} says it. */
    private String language;
    /** The help line each person was shown first in each language: "amelia es" → the line. */
    private final Map<String, String> helpLines = new HashMap<>();

    /**
     * The part in English, then with everyone's choice of Español, then everyone back in English: the
     * cookie is each browser's own, but a patient's choice is also remembered for their emails.
     */
    void inEachLanguage(List<Visitor> everyone, Runnable part) {
        try {
            for (String sweep : List.of(ENGLISH, SPANISH)) {
                language = sweep;
                part.run();
            }
            language = ENGLISH;
            everyone.forEach(visitor -> {
                visitor.page().navigate(portal.url("/"));
                speakTheLanguage(visitor);
            });
        } catch (RuntimeException | AssertionError failure) {
            backToEnglishAfter(failure, everyone);
            throw failure;
        }
    }

    /** A time Amelia is shown, and a service of her clinic that its doctor does not give there. */
    record Offer(String slot, String service) {
    }

    /** Amelia's own pages, with a doctor's free times and an empty history. */
    Offer ameliasPages(Visitor amelia) {
        Page page = visit(amelia, "/", 200, "Amelia's home");

        visit(amelia, "/doctors", 200, "find a doctor");
        List<String> services = values(page.locator("select#service option"));
        String doctor = href(page.locator("#doctor-results .cards a").first());
        visit(amelia, "/doctors?centre=1", 200, "doctors at centre 1");

        visit(amelia, doctor, 200, "a doctor's page");
        Locator firstDay = page.locator("nav.days a").first();
        Response times = page.waitForResponse(r -> r.url().contains("/slots?"), firstDay::click);
        assertEquals(200, times.status(), "the free times of " + firstDay.getAttribute("href"));
        assertThat(firstDay).hasAttribute("aria-current", "date");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Locator freeTimes = page.locator("#slots button[name=slot]");
        assertTrue(freeTimes.count() > 0, "a day offered as free has no free time: " + page.url());
        // from the last day on, so that the presses of Tab go through the times rather than the days
        checkPage(amelia, "a doctor's free times", page.locator("nav.days a").last());
        List<String> offeredHere = values(page.locator("#picker-service option"));
        String notOffered = services.stream().filter(service -> !offeredHere.contains(service)).findFirst()
                .orElseThrow(() -> new AssertionError("Every service of Amelia's clinic is given by the doctor at " + page.url()));
        Offer offer = new Offer(freeTimes.first().getAttribute("value"), notOffered);

        visit(amelia, "/appointments", 200, "her appointments");
        String booking = firstLink(page, "#history a[href*='/appointments/']", BOOKING);
        // no visit of hers is that old: the history's filters leave nothing to show
        visit(amelia, "/appointments?fromDate=2000-01-01&toDate=2000-01-02", 200, "no appointment matches");
        assertThat(page.locator("#history")).hasCount(1);
        assertThat(page.locator("#history .history-row")).hasCount(0);
        visit(amelia, booking, 200, "one of her appointments");

        visit(amelia, "/packages", 200, "her packages");
        String pack = firstLink(page, "#packages a[href*='/packages/']", PACKAGE);
        visit(amelia, pack, 200, "one of her packages");
        visit(amelia, pack + "/redemptions", 200, "the package's sessions");

        visit(amelia, "/profile", 200, "her profile");

        // her son's pages, under the family path: the banner, the switcher with him as the current one
        visit(amelia, "/family/5/", 200, "her son's home");
        assertThat(page.locator(".family-banner")).isVisible();
        assertThat(page.locator(".family-switch a[aria-current]")).hasAttribute("href", "/family/5/");
        visit(amelia, "/family/5/appointments", 200, "her son's appointments");
        visit(amelia, "/family/5/packages", 200, "her son's packages");
        visit(amelia, "/family/5/profile", 200, "her son's profile");
        // a GET only asks whether to sign out; the button is not pressed
        visit(amelia, "/logout", 200, "the sign-out question");
        return offer;
    }

    /** The first pages again on a phone, where the controls are laid out for a narrow screen. */
    void ameliasPagesOnAPhone(Visitor ameliaOnAPhone) {
        visit(ameliaOnAPhone, "/", 200, "Amelia's home on a phone");
        visit(ameliaOnAPhone, "/doctors", 200, "find a doctor on a phone");
        visit(ameliaOnAPhone, "/doctors?centre=1", 200, "doctors at centre 1 on a phone");
    }

    /**
     * The pages that say no: 404, 403 and 409 by address, and the 400 and 422 of forms sent from the
     * page. The 422 is a time held for a service its doctor does not give there (SERVICE_NOT_OFFERED):
     * refused before anything is written, whatever the day, where a time outside the booking window
     * (TOO_FAR_AHEAD) is never offered to choose.
     */
    void refusals(Visitor amelia, Offer offer) {
        refused(amelia, NO_SUCH_BOOKING, 404, "NOT_FOUND", "a booking that does not exist");
        refused(amelia, MAYAS_BOOKING, 403, "FORBIDDEN", "another clinic's patient's booking");
        refused(amelia, COMPLETED_VISIT + "/reschedule", 409, "INVALID_STATE", "a visit that cannot be moved");
        refused(amelia, "/family/7/", 403, "NOT_YOUR_DEPENDANT", "someone else's son's pages");

        refusedForm(amelia, "/appointments", Map.of("slot", "abc"), true, 400, "BAD_REQUEST", "a time that is not a number");
        refusedForm(amelia, "/appointments", Map.of("slot", offer.slot(), "service", offer.service()), true,
                422, "SERVICE_NOT_OFFERED", "a service the doctor does not give");
        // last: the page that refuses a form without its token may carry none for the next form
        refusedForm(amelia, "/appointments", Map.of("slot", offer.slot()), false, 400, "CSRF_TOKEN_INVALID",
                "a form without its token");
    }

    /** Sofia has nothing yet: both lists are empty. Then she writes faster than the portal allows. */
    void sofiasEmptyListsAndTooManyWrites(Visitor sofia) {
        Page page = visit(sofia, "/appointments", 200, "Sofia has no appointments");
        assertThat(page.locator("#history")).hasCount(1);
        assertThat(page.locator("#history .history-row")).hasCount(0);
        visit(sofia, "/packages", 200, "Sofia has no packages");
        assertThat(page.locator("#packages")).hasCount(1);
        assertThat(page.locator("#packages .card")).hasCount(0);

        // a minute's writes at once, then one more from the page, which the browser shows
        for (int attempt = 1; ; attempt++) {
            spendEveryWrite(sofia);
            Response answer = send(sofia, NO_SUCH_BOOKING + "/cancel", Map.of(), true);
            if (answer.status() == 429) {
                assertNotNull(answer.headerValue("retry-after"), "a 429 says when to try again");
                break;
            }
            // a write came back into her budget between the last refusal and the form: spend it too
            assertTrue(attempt < 3, "Sofia's form was answered " + answer.status() + ", not 429, right after a 429");
        }
        assertThat(page.locator("[data-error-code=RATE_LIMITED]")).isVisible();
        page.waitForLoadState();
        checkPage(sofia, "too many writes");
    }

    /**
     * Ethan holds a time of a service paid in part online, opens the sandbox gateway, and goes back
     * without paying; he lets the time go, so that the next sweep can hold one again ({@link Tidy}
     * would release it at the end anyway).
     */
    void sandboxGateway(Visitor ethan) {
        Page page = ethan.page();
        Response doctor = page.navigate(portal.url(ORTEGA_PHYSIO));
        assertEquals(200, doctor.status(), ORTEGA_PHYSIO);
        speakTheLanguage(ethan);

        Locator day = dayFrom(page, Booking.cancellableFrom(NEW_YORK), 2);
        Response times = page.waitForResponse(r -> r.url().contains("/slots?"), day::click);
        assertEquals(200, times.status(), "the free times of " + day.getAttribute("href"));
        assertThat(day).hasAttribute("aria-current", "date");
        String held = holdATime(page);
        checkPage(ethan, "a held time to pay for");

        Locator pay = page.locator("#appointment form[action$='/payment'] button[type=submit]");
        Response gateway = page.waitForResponse(navigation("GET", "/sandbox-gateway/pay"), pay::click);
        assertEquals(200, gateway.status(), gateway.url());
        assertThat(page.locator(".sandbox-banner")).isVisible();
        checkPage(ethan, "the sandbox payment gateway");

        page.goBack();
        assertThat(page).hasURL(held);
        Locator release = page.locator("#appointment form.cancel button[type=submit]");
        Response released = page.waitForResponse(r -> r.request().method().equals("POST") && r.url().endsWith("/cancel"),
                release::click);
        assertEquals(200, released.status(), "releasing " + held);
        assertThat(page.locator("#appointment .status-CANCELLED")).isVisible();
    }

    /** Harbour's front desk: its own pages, an empty search, and Amelia's portal in preview. */
    void frontDeskAndPreview(Visitor desk) {
        Page page = visit(desk, "/", 200, "the front desk's home");
        visit(desk, "/staff/day", 200, "the day list");
        visit(desk, "/staff/approvals", 200, "approvals");
        visit(desk, "/staff/patients", 200, "patients");
        visit(desk, "/staff/patients?q=zzzz-nobody", 200, "no patient matches");
        assertThat(page.locator(".patient-list li")).hasCount(0);
        visit(desk, "/staff/family?patient=1", 200, "Amelia's family links");
        assertThat(page.locator(".family-links [data-link-state]")).hasCount(2);

        // the preview's banner sticks to the top of the window: what has focus must never hide under it
        preview(desk, "/", "Amelia's home in preview");
        preview(desk, "/appointments", "Amelia's appointments in preview");
        String booking = firstLink(page, "#history a[href*='/appointments/']", BOOKING);
        preview(desk, "/profile", "Amelia's profile in preview");
        preview(desk, "/packages", "Amelia's packages in preview");
        preview(desk, "/doctors", "find a doctor in preview");
        String doctor = href(page.locator("#doctor-results .cards a").first());
        visit(desk, booking, 200, "one of Amelia's appointments in preview");
        assertThat(page.locator(".preview-banner")).isVisible();
        visit(desk, doctor, 200, "a doctor's free times in preview");
        assertThat(page.locator(".preview-banner")).isVisible();
    }

    private void preview(Visitor desk, String page, String what) {
        visit(desk, AMELIAS_PREVIEW + page, 200, what);
        assertThat(desk.page().locator(".preview-banner")).isVisible();
    }

    // ----- going places -----

    /** Goes to {@code path} (or an address), expects {@code status}, and checks the page. */
    Page visit(Visitor visitor, String path, int status, String what) {
        Page page = visitor.page();
        Response answer = page.navigate(path.startsWith("http") ? path : portal.url(path));
        assertEquals(status, answer.status(), visitor.user() + " at " + path);
        speakTheLanguage(visitor);
        checkPage(visitor, what);
        return page;
    }

    /** An address that says no with {@code status} and {@code code}. */
    private void refused(Visitor visitor, String path, int status, String code, String what) {
        Page page = visitor.page();
        Response answer = page.navigate(portal.url(path));
        assertEquals(status, answer.status(), visitor.user() + " at " + path);
        assertThat(page.locator("[data-error-code=" + code + "]")).isVisible();
        checkPage(visitor, what);
    }

    /** A form sent from the page that says no with {@code status} and {@code code}. */
    private void refusedForm(Visitor visitor, String path, Map<String, String> fields, boolean withToken, int status,
                             String code, String what) {
        Response answer = send(visitor, path, fields, withToken);
        assertEquals(status, answer.status(), visitor.user() + " posting " + fields.keySet() + " to " + path);
        Page page = visitor.page();
        assertThat(page.locator("[data-error-code=" + code + "]")).isVisible();
        page.waitForLoadState();
        checkPage(visitor, what);
    }

    /** Builds a form in the page and submits it; returns the answer the browser then shows. */
    private Response send(Visitor visitor, String path, Map<String, String> fields, boolean withToken) {
        Page page = visitor.page();
        Map<String, String> form = new LinkedHashMap<>();
        if (withToken) {
            String token = page.locator("meta[name=csrf-token]").getAttribute("content");
            assertFalse(token == null || token.isEmpty(), "no CSRF token on " + page.url() + " to send a form with");
            form.put(CSRF_FIELD, token);
        }
        form.putAll(fields);
        return page.waitForResponse(navigation("POST", path),
                () -> page.evaluate(SUBMIT, List.of(portal.url(path), form)));
    }

    /** Writes, with the page's token, until the portal answers 429. */
    private void spendEveryWrite(Visitor visitor) {
        Page page = visitor.page();
        String token = page.locator("meta[name=csrf-token]").getAttribute("content");
        for (int writes = 0; writes < MOST_WRITES; writes++) {
            APIResponse answer = page.request().post(portal.url(NO_SUCH_BOOKING + "/cancel"), RequestOptions.create()
                    .setHeader("X-CSRF-TOKEN", token).setForm(FormData.create().set(CSRF_FIELD, token)));
            int status = answer.status();
            answer.dispose();
            if (status == 429) {
                return;
            }
        }
        fail(visitor.user() + " wrote " + MOST_WRITES + " times at once and was never asked to slow down (429)");
    }

    /**
     * Makes the page speak the sweep's language: when it does not, chooses it in the header's
     * switcher, which remembers it and comes back to the same page. A person out of write budget
     * (Sofia) waits as long as the 429 says, and chooses again.
     */
    private void speakTheLanguage(Visitor visitor) {
        Page page = visitor.page();
        if (language.equals(page.evaluate("() => document.documentElement.lang"))) {
            return;
        }
        String here = page.url();
        Locator choice = page.locator("form.language-switch button[name=lang][value=" + language + "]");
        // the language's name is written in it, and marked so (3.1.2)
        assertThat(choice).hasAttribute("lang", language);
        for (int attempt = 1; ; attempt++) {
            Response answer = page.waitForResponse(navigation("POST", "/language"), choice::click);
            if (answer.status() != 429 || attempt == 3) {
                assertEquals(303, answer.status(), visitor.user() + " choosing " + language + " on " + here);
                break;
            }
            String retryAfter = answer.headerValue("retry-after");
            long wait = retryAfter == null ? 5 : Long.parseLong(retryAfter.trim());
            assertTrue(wait <= 60, "a 429 asks " + visitor.user() + " to wait " + wait + " s");
            page.waitForTimeout(wait * 1000 + 500);
            page.navigate(here);
        }
        assertThat(page.locator("html")).hasAttribute("lang", language);
        assertThat(page).hasURL(here);
    }

    /**
     * After a failure, every browser is told English again, best effort, so that a patient's choice
     * does not outlive the journey; whatever goes wrong here is added to the failure, never replaces it.
     */
    private void backToEnglishAfter(Throwable failure, List<Visitor> everyone) {
        for (Visitor visitor : everyone) {
            try {
                APIRequestContext http = visitor.page().request();
                APIResponse home = http.get(portal.url("/"));
                Matcher token = CSRF_TOKEN.matcher(home.text());
                if (token.find()) {
                    http.post(portal.url("/language"), RequestOptions.create().setHeader("X-CSRF-TOKEN", token.group(1))
                            .setForm(FormData.create().set(CSRF_FIELD, token.group(1)).set("lang", ENGLISH).set("return", "/")));
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Holds the first free time that is still free, as htmx does; returns the held booking's address. */
    private static String holdATime(Page page) {
        for (int nth = 0; nth < 5; nth++) {
            Locator time = page.locator("#main button[name=slot]").nth(nth);
            Response answer = page.waitForResponse(r -> r.request().method().equals("POST")
                    && URI.create(r.url()).getPath().equals("/appointments"), time::click);
            if (answer.status() == 201) {
                assertThat(page).hasURL(BOOKING);
                assertThat(page.locator("#appointment")).isVisible();
                return page.url();
            }
            assertEquals(409, answer.status(), "holding a time at " + page.url());
            // htmx swaps the refusal in once the answer is there
            Locator refusal = page.locator("#main [data-error-code]");
            assertThat(refusal).isVisible();
            if ("DRAFT_OPEN".equals(refusal.getAttribute("data-error-code"))) {
                // a hold an earlier sweep left: let it go and hold this time instead
                page.locator("form:has(input[name=release]) button[type=submit]").click();
                assertThat(page).hasURL(BOOKING);
                assertThat(page.locator("#appointment")).isVisible();
                return page.url();
            }
            // taken meanwhile, or overlapping a booking of his: the day's times are shown again
        }
        throw new AssertionError("No time could be held at " + page.url());
    }

    /** The {@code nth} day with free times from {@code earliest} on, read from the day links' addresses. */
    private static Locator dayFrom(Page page, LocalDate earliest, int nth) {
        List<Locator> days = page.locator("nav.days a").all().stream()
                .filter(day -> !Booking.date(day).isBefore(earliest))
                .toList();
        assertTrue(days.size() > nth, "Only " + days.size() + " days with free times from " + earliest + " at " + page.url());
        return days.get(nth);
    }

    private static Predicate<Response> navigation(String method, String path) {
        return r -> r.request().isNavigationRequest() && r.request().method().equals(method)
                && URI.create(r.url()).getPath().endsWith(path);
    }

    /** A link's address as the browser resolves it. */
    private static String href(Locator link) {
        return (String) link.evaluate("a => a.href");
    }

    /** The first link of {@code selector} whose address ends as {@code pattern} says. */
    @SuppressWarnings("unchecked")
    private static String firstLink(Page page, String selector, Pattern pattern) {
        List<String> addresses = (List<String>) page.locator(selector).evaluateAll("links => links.map(a => a.href)");
        return addresses.stream().filter(address -> pattern.matcher(address).find()).findFirst()
                .orElseThrow(() -> new AssertionError("No link " + selector + " ending as " + pattern + " on " + page.url()));
    }

    /** The values of a select's options, the empty "any" choice left out. */
    @SuppressWarnings("unchecked")
    private static List<String> values(Locator options) {
        return (List<String>) options.evaluateAll("options => options.map(o => o.value).filter(v => v)");
    }

    // ----- the checks on every page -----

    private void checkPage(Visitor visitor, String what) {
        checkPage(visitor, what, null);
    }

    /**
     * The page speaks the sweep's language; help is where it always is; every target is large
     * enough; focus is never hidden, pressing Tab from the top or from after {@code tabFrom}; and axe
     * finds nothing (with its photographs, {@link Visitor#seesChangedPage}).
     */
    private void checkPage(Visitor visitor, String what, Locator tabFrom) {
        Page page = visitor.page();
        assertEquals(language, page.evaluate("() => document.documentElement.lang"), "<html lang> of " + page.url());
        consistentHelp(visitor);
        targetsLargeEnough(page);
        focusNeverHidden(page, tabFrom);
        visitor.seesChangedPage(what + " " + language);
    }

    /** 3.2.6: the help line closes the footer on every page, and reads the same on each for one person. */
    @SuppressWarnings("unchecked")
    private void consistentHelp(Visitor visitor) {
        Page page = visitor.page();
        Map<String, Object> help = (Map<String, Object>) page.evaluate(HELP);
        assertEquals("", help.get("problem"), "3.2.6 consistent help on " + page.url());
        String line = (String) help.get("line");
        assertFalse(line.isEmpty(), "3.2.6 consistent help: the [data-help] line on " + page.url() + " is empty");
        String first = helpLines.putIfAbsent(visitor.user() + " " + language, line);
        if (first != null) {
            assertEquals(first, line, "3.2.6 consistent help: " + visitor.user() + " is offered other help on " + page.url());
        }
    }

    /** 2.5.8, measured with the page scrolled to its top, where nothing sticky has moved yet. */
    @SuppressWarnings("unchecked")
    private static void targetsLargeEnough(Page page) {
        page.evaluate("() => window.scrollTo(0, 0)");
        List<String> offenders = (List<String>) page.evaluate(TARGET_SIZE);
        assertTrue(offenders.isEmpty(), () -> "2.5.8 target size on " + page.url() + ":\n" + String.join("\n", offenders));
    }

    /** 2.4.11: presses Tab up to {@value #MOST_TABS} times, checking each element that receives focus. */
    @SuppressWarnings("unchecked")
    private static void focusNeverHidden(Page page, Locator tabFrom) {
        page.evaluate("() => { window.a11yTabbed = new WeakSet(); }");
        if (tabFrom != null) {
            tabFrom.focus();
        }
        List<String> hidden = new ArrayList<>();
        for (int tab = 0; tab < MOST_TABS; tab++) {
            page.keyboard().press("Tab");
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED);
            if (focused == null) {
                continue;
            }
            if (Boolean.TRUE.equals(focused.get("again"))) {
                break;
            }
            String coveredBy = (String) focused.get("coveredBy");
            if (!coveredBy.isEmpty()) {
                hidden.add(focused.get("html") + "\n    is covered by " + coveredBy);
            }
        }
        assertTrue(hidden.isEmpty(), () -> "2.4.11 focus not obscured on " + page.url() + ":\n" + String.join("\n", hidden));
    }
}
