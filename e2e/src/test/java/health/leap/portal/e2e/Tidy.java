package health.leap.portal.e2e;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    /** Shown on the booking's timeline, so that whoever reads it knows who cancelled it. */
    private static final String REASON = "Tidied up by the browser journeys";

    /** What a tidy-up did: how many bookings it cancelled, and a sentence for each it could not. */
    record Outcome(int cancelled, List<String> leftBehind) {
    }

    private Tidy() {
    }

    static Outcome cancelLeftovers(Portal portal, Visitor patient) {
        APIRequestContext http = patient.page().request();
        String address = portal.url(LEFT_OPEN + Instant.now().getEpochSecond());
        APIResponse open = http.get(address);
        if (!open.url().startsWith(portal.url("/"))) {
            // signed out by the journey (or its session ended): sign in again, as the patient would
            portal.login(patient.page(), patient.user());
            open = http.get(address);
        }
        if (open.status() != 200) {
            return new Outcome(0, List.of(patient.user() + "'s upcoming bookings could not be listed: " + address
                    + " answered " + open.status()));
        }
        String page = open.text();
        Matcher token = CSRF_TOKEN.matcher(page);
        if (!token.find()) {
            return new Outcome(0, List.of(patient.user() + "'s bookings page carries no CSRF token: " + address));
        }
        int cancelled = 0;
        List<String> leftBehind = new ArrayList<>();
        for (long booking : portalBookings(page)) {
            // the token goes as the page's form sends it and as htmx sends it
            APIResponse answer = http.post(portal.url("/appointments/" + booking + "/cancel"), RequestOptions.create()
                    .setHeader("X-CSRF-TOKEN", token.group(1))
                    .setForm(FormData.create().set("csrf-token", token.group(1)).set("reason", REASON)));
            if (answer.ok()) {
                cancelled++;
                continue;
            }
            String code = errorCode(answer.text());
            // a hold that ran out meanwhile is no longer the patient's to release, and holds no place
            if (!code.equals("INVALID_STATE")) {
                leftBehind.add(patient.user() + "'s booking #" + booking + " could not be cancelled online: "
                        + answer.status() + " " + code);
            }
        }
        return new Outcome(cancelled, leftBehind);
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
