package health.leap.portal.e2e;

import com.microsoft.playwright.APIResponse;
import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether the portal has what a journey {@link Needs}. Against a deployment the journeys did not
 * start, a journey that cannot find something is skipped with a sentence naming it, instead of
 * failing on a missing link; against the journeys' own stack, whose data is the demo's, the same
 * sentence fails it, because there the gap is a fault.
 */
final class DataCheck {

    private DataCheck() {
    }

    /** Skips the journey with {@code sentence} (fails it, on the journeys' own stack) unless {@code found}. */
    static void require(boolean found, String sentence) {
        if (found) {
            return;
        }
        if (Stack.get().startedByTheJourneys()) {
            throw new AssertionError(sentence + " (the journeys' own stack loads the demo data, which has it)");
        }
        Assumptions.abort(sentence);
    }

    /** A journey signs in only as people its {@link Needs} names, so that what it needs is said in one place. */
    static void assertNamed(Needs needs, String user, String journey) {
        if (!logins(needs).contains(user)) {
            throw new IllegalStateException(journey + " signs in as " + user + ", whom its @Needs does not name");
        }
    }

    static boolean isPatient(Needs needs, String user) {
        return List.of(needs.patients()).contains(user);
    }

    /** The doctors and services the journey books, as "Find a doctor" shows them to one of its patients. */
    static void doctorsAndServices(Portal portal, Visitor patient, Needs needs) {
        if (needs.doctors().length == 0 && needs.services().length == 0) {
            return;
        }
        String address = portal.url("/doctors");
        APIResponse answer = patient.page().request().get(address);
        if (answer.status() != 200) {
            throw new AssertionError("\"Find a doctor\" answered " + answer.status() + " to " + patient.user() + " at " + address);
        }
        String page = answer.text();
        for (String doctor : needs.doctors()) {
            // a doctor's card: <a href="doctors/201?...">Dr Priya Raman</a>
            Pattern card = Pattern.compile("<a href=\"doctors/\\d+[^\"]*\">" + Pattern.quote(Html.escape(doctor)) + "</a>");
            require(card.matcher(page).find(), "This journey needs " + doctor + ", whom \"Find a doctor\" at " + address
                    + " does not list for " + patient.user() + ".");
        }
        for (String service : needs.services()) {
            // a choice of the Service filter: <option value="101" >General consultation</option>
            Pattern choice = Pattern.compile("<option value=\"\\d+\"[^>]*>" + Pattern.quote(Html.escape(service)) + "</option>");
            require(choice.matcher(page).find(), "This journey needs the service " + service + ", which \"Find a doctor\" at "
                    + address + " does not offer " + patient.user() + ".");
        }
    }

    /** What the journey needs, in one line: the report prints it beside the verdict. */
    static String describe(Needs needs) {
        List<String> parts = new ArrayList<>();
        add(parts, "patients", needs.patients());
        add(parts, "booking for", needs.dependants());
        add(parts, "looking at", needs.observes());
        add(parts, "staff", needs.staff());
        add(parts, "logins without a patient record", needs.unlinked());
        add(parts, "doctors", needs.doctors());
        add(parts, "services", needs.services());
        if (!needs.demoData().isBlank()) {
            parts.add("demo data: " + needs.demoData());
        }
        return String.join("; ", parts);
    }

    private static List<String> logins(Needs needs) {
        List<String> logins = new ArrayList<>(List.of(needs.patients()));
        logins.addAll(List.of(needs.staff()));
        logins.addAll(List.of(needs.unlinked()));
        return logins;
    }

    private static void add(List<String> parts, String what, String[] names) {
        if (names.length > 0) {
            parts.add(what + " " + String.join(", ", names));
        }
    }
}
