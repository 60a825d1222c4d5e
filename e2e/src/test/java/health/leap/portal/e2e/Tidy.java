package health.leap.portal.e2e;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leaves a patient as the journeys found them: every running hold and upcoming booking that the
 * portal numbered (from 100000 on: every booking made through it) is cancelled, as the patient
 * cancels it, with their session and the same form post as the page's "Cancel booking" and "Release
 * this time" buttons. The demo data's own bookings, numbered below, are what other journeys read,
 * and are never touched. Each journey calls it for its patients when they sign in (what a crashed
 * run left behind) and when it ends, pass or fail.
 * <p>
 * The people a patient books for ({@link Needs#dependants}) are left the same way, from the
 * patient's own session: their list and cancels under the {@code /family/{lead}} address that the
 * header's "Booking for" links to.
 * <p>
 * A booking cancels online only until the clinic's cancellation window (48 hours before at Sunrise
 * Clinics), so the journeys book from {@link Booking#cancellableFrom} on.
 */
final class Tidy {

    /** The first number the portal gives a booking; the demo data's are below it. */
    static final long FIRST_PORTAL_NUMBER = 100_000;
    private static final String LEFT_OPEN = "/appointments?status=DRAFT&status=PENDING_APPROVAL&status=CONFIRMED&limit=50&from=";
    private static final Pattern BOOKING_LINK = Pattern.compile("href=\"[^\"]*/appointments/(\\d+)\"");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
    private static final Pattern ERROR_CODE = Pattern.compile("data-error-code=\"([A-Z_]+)\"");
    /** An entry of the header's "Booking for": {@code <a href="/family/5/">Leo Hart</a>}. */
    private static final Pattern FAMILY_MEMBER = Pattern.compile("<a href=\"(/family/\\d+)/\"[^>]*>([^<]+)</a>");
    /** Shown on the booking's timeline, so that whoever reads it knows who cancelled it. */
    private static final String REASON = "Tidied up by the browser journeys";

    /** What a tidy-up did: how many bookings it cancelled, and a sentence for each it could not. */
    record Outcome(int cancelled, List<String> leftBehind) {

        Outcome and(Outcome more) {
            List<String> both = new ArrayList<>(leftBehind);
            both.addAll(more.leftBehind());
            return new Outcome(cancelled + more.cancelled(), both);
        }
    }

    private Tidy() {
    }

    /** Cancels the patient's leftovers, then those of each of {@code dependants} the patient books for. */
    static Outcome cancelLeftovers(Portal portal, Visitor patient, String... dependants) {
        APIRequestContext http = patient.page().request();
        String leftOpen = LEFT_OPEN + Instant.now().getEpochSecond();
        String address = portal.url(leftOpen);
        APIResponse open = http.get(address);
        if (!open.url().startsWith(portal.url("/"))) {
            // signed out by the journey (or its session ended): sign in again, as the patient would
            portal.login(patient.page(), patient.user());
            open = http.get(address);
        }
        Outcome outcome = cancelListed(portal, http, open, address, "", patient.user() + "'s");
        if (dependants.length == 0 || open.status() != 200) {
            return outcome;
        }
        Map<String, String> family = familyPages(open.text());
        for (String dependant : dependants) {
            // someone this patient does not book for (another patient's, or a link that has ended) is not theirs to tidy
            String base = family.get(Html.escape(dependant));
            if (base != null) {
                String theirs = portal.url(base + leftOpen);
                outcome = outcome.and(cancelListed(portal, http, http.get(theirs), theirs, base,
                        dependant + "'s (through " + patient.user() + ")"));
            }
        }
        return outcome;
    }

    /**
     * Cancels the portal's bookings that {@code open}, the list at {@code address}, shows, each at its
     * address under {@code base} ("" for the patient's own, "/family/5" for a dependant's).
     */
    private static Outcome cancelListed(Portal portal, APIRequestContext http, APIResponse open, String address,
                                        String base, String whose) {
        if (open.status() != 200) {
            return new Outcome(0, List.of(whose + " upcoming bookings could not be listed: " + address
                    + " answered " + open.status()));
        }
        String page = open.text();
        Matcher token = CSRF_TOKEN.matcher(page);
        if (!token.find()) {
            return new Outcome(0, List.of(whose + " bookings page carries no CSRF token: " + address));
        }
        int cancelled = 0;
        List<String> leftBehind = new ArrayList<>();
        for (long booking : portalBookings(page)) {
            // the token goes as the page's form sends it and as htmx sends it
            APIResponse answer = http.post(portal.url(base + "/appointments/" + booking + "/cancel"), RequestOptions.create()
                    .setHeader("X-CSRF-TOKEN", token.group(1))
                    .setForm(FormData.create().set("csrf-token", token.group(1)).set("reason", REASON)));
            if (answer.ok()) {
                cancelled++;
                continue;
            }
            String code = errorCode(answer.text());
            // a hold that ran out meanwhile is no longer the patient's to release, and holds no place
            if (!code.equals("INVALID_STATE")) {
                leftBehind.add(whose + " booking #" + booking + " could not be cancelled online: "
                        + answer.status() + " " + code);
            }
        }
        return new Outcome(cancelled, leftBehind);
    }

    /** Whom the header's "Booking for" lets the patient book for, by name as the page writes it, with their pages' base. */
    private static Map<String, String> familyPages(String page) {
        Map<String, String> family = new LinkedHashMap<>();
        Matcher member = FAMILY_MEMBER.matcher(page);
        while (member.find()) {
            family.put(member.group(2).trim(), member.group(1));
        }
        return family;
    }

    private static Set<Long> portalBookings(String page) {
        Set<Long> bookings = new LinkedHashSet<>();
        Matcher link = BOOKING_LINK.matcher(page);
        while (link.find()) {
            long booking = Long.parseLong(link.group(1));
            if (booking >= FIRST_PORTAL_NUMBER) {
                bookings.add(booking);
            }
        }
        return bookings;
    }

    private static String errorCode(String page) {
        Matcher code = ERROR_CODE.matcher(page);
        return code.find() ? code.group(1) : "(no error code)";
    }
}
