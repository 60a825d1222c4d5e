package health.leap.portal.e2e;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's Prometheus page, as the people who run it read it, on the portal's management port
 * (never on the patients' port). A portal whose metrics the journeys are not told of has none to
 * show: then {@link #read} is empty.
 */
final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    static Optional<Metrics> read(Page page, Portal portal) {
        Optional<String> url = portal.metricsUrl();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        APIResponse answer = page.request().get(url.get());
        if (answer.status() != 200 || !answer.text().contains("# TYPE")) {
            return Optional.empty();
        }
        return Optional.of(new Metrics(answer.text()));
    }

    /** The sum of a counter over its series whose labels hold {@code label} (any, when empty). */
    double counter(String name, String label) {
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*\\})?\\s+(\\S+)$").matcher(text);
        while (line.find()) {
            if (label.isEmpty() || (line.group(1) != null && line.group(1).contains(label))) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }
}
