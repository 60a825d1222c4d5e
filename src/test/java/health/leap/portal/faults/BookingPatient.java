package health.leap.portal.faults;

import health.leap.portal.platform.Browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient a fault case drives through a portal, as a script would: a bearer token from the realm, and
 * a form posted with the CSRF cookie and the same token in the form. Every call returns what the patient
 * got, a transport failure included, so a case can count what failed and read what it was told.
 */
final class BookingPatient {

    private static final Pattern ERROR_CODE = Pattern.compile("data-error-code=\"([A-Z_]+)\"");
    private static final Pattern APPOINTMENT = Pattern.compile("/appointments/(\\d+)");

    /** One answer: the status (0 when the connection failed), its error code if any, Retry-After, the body. */
    record Answer(int status, String errorCode, String retryAfter, String location, String body, String failure) {

        boolean failed() {
            return status == 0 || status >= 500;
        }

        OptionalLong appointment() {
            Matcher m = location == null ? null : APPOINTMENT.matcher(location);
            return m != null && m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
        }

        /** A 503 as the portal means it: a sentence with its code and when to try again, no stack trace. */
        boolean politeUnavailable() {
            return status == 503 && errorCode != null && retryAfter != null && body.contains("<p>")
                    && !body.contains("Exception") && !body.contains("at health.");
        }
    }

    final String name;
    final String token;
    private final String csrf = Browser.newToken();
    private final HttpClient http;

    BookingPatient(String name, String token, HttpClient http) {
        this.name = name;
        this.token = token;
        this.http = http;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3)).build();
    }

    Answer hold(String base, long slot, long service) {
        // release: a hold answered 503 may have been saved all the same; the next one replaces it
        return post(base, "/appointments", "slot=" + slot + "&service=" + service + "&release=true", false);
    }

    Answer confirm(String base, long appointment) {
        return post(base, "/appointments/" + appointment + "/confirm", "", false);
    }

    Answer cancel(String base, long appointment) {
        return post(base, "/appointments/" + appointment + "/cancel", "reason=Fault%20suite", false);
    }

    Answer get(String base, String path, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token);
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request.GET().build());
    }

    /** A form posted as a page of the portal posts it. */
    Answer post(String base, String path, String form) {
        return post(base, path, form, false);
    }

    private Answer post(String base, String path, String form, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", Browser.CSRF_COOKIE + "=" + csrf);
        if (htmx) {
            request.header("HX-Request", "true");
        }
        String body = (form.isEmpty() ? "" : form + "&") + "csrf-token=" + csrf;
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher code = ERROR_CODE.matcher(response.body());
            return new Answer(response.statusCode(), code.find() ? code.group(1) : null,
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body(), null);
        } catch (IOException e) {
            return new Answer(0, null, null, null, "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, null, "", "interrupted");
        }
    }
}
