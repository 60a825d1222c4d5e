package health.leap.portal.platform;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Requests as the portal's own pages send them: with the CSRF cookie the portal set and the same
 * token in the header htmx adds (a plain form sends it as the {@code csrf-token} field instead).
 * Tests that prove the CSRF refusal use {@link RestAssured#given()} without it.
 */
public final class Browser {

    public static final String CSRF_COOKIE = "csrf-token";
    public static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private static final String TOKEN = newToken();

    private Browser() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().cookie(CSRF_COOKIE, TOKEN).header(CSRF_HEADER, TOKEN);
    }

    /** A token of the size the portal issues (16 random bytes, base64url). */
    public static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
