package health.leap.portal.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser keeps of a sign-in, without a browser: a cookie jar that has been through the portal's
 * real login (the redirect to Keycloak, its login form, the code back to the portal). The session then
 * lives in the portal's cookies, as it does for a patient, so a case can show which portal instance
 * serves it and whether it outlives a fault.
 */
final class SignedInBrowser {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 10;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3)).build();

    /** As browsers treat localhost: a cookie marked Secure is sent to it over plain http (Keycloak marks its own so). */
    private static final class LocalhostIsSecure extends java.net.CookieHandler {
        private final CookieManager jar;

        LocalhostIsSecure(CookieManager jar) {
            this.jar = jar;
        }

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers)
                throws IOException {
            URI secure = "http".equals(uri.getScheme()) ? URI.create("https" + uri.toString().substring(4)) : uri;
            return jar.get(secure, headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws IOException {
            jar.put(uri, headers);
        }
    }

    /** The last answer of a request and the redirects it led to. */
    record Page(int status, String location, String body, String failure, String upstream) {

        /** Sent to the identity provider's login page: the session is gone. */
        boolean atTheLogin() {
            return body.contains("kc-form-login");
        }
    }

    /**
     * Opens {@code path} on the portal at {@code base} and signs in on the provider's page if sent there.
     * Returns the page reached, or where it stopped (a sign-in unavailable page, a refused password).
     */
    Page signIn(String base, String path, String username, String password) {
        Page page = get(base + path);
        if (page.status() != 200 || !page.body().contains("kc-form-login")) {
            return page;
        }
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) {
            return page;
        }
        String action = form.group(1).replace("&amp;", "&");
        String fields = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return follow(send(HttpRequest.newBuilder(URI.create(action)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build()), URI.create(action));
    }

    /** A GET, following redirects as a browser would, with the jar's cookies. */
    Page get(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build()), URI.create(url));
    }

    /** A form posted from a page of the portal: the jar's CSRF cookie goes with the same token in the form. */
    Page post(String url, String form) {
        String token = csrfToken(URI.create(url)).orElse("");
        String body = (form.isEmpty() ? "" : form + "&") + "csrf-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Whether the jar holds a portal session. */
    boolean hasSession() {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().startsWith("q_session"));
    }

    private Optional<String> csrfToken(URI site) {
        return cookies.getCookieStore().get(site).stream().filter(c -> c.getName().equals("csrf-token"))
                .map(HttpCookie::getValue).findFirst();
    }

    private Page follow(Page page, URI from) {
        URI current = from;
        for (int i = 0; i < MAX_REDIRECTS && page.location() != null && page.status() >= 300 && page.status() < 400; i++) {
            current = current.resolve(page.location());
            page = send(HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(20)).GET().build());
        }
        return page;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body(), null,
                    response.headers().firstValue("X-Upstream").orElse(null));
        } catch (IOException e) {
            return new Page(0, null, "", e.getClass().getSimpleName() + ": " + e.getMessage() + " (" + request.uri() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Page(0, null, "", "interrupted", null);
        }
    }
}
