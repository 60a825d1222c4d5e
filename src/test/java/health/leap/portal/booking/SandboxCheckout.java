package health.leap.portal.booking;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static health.leap.portal.platform.Browser.given;
import static org.hamcrest.Matchers.containsString;

/** A patient paying in the sandbox gateway as its pages let them: start, see the page, choose an outcome. */
public final class SandboxCheckout {

    private SandboxCheckout() {
    }

    /** Starts paying for a held booking and opens the sandbox's page; returns the order the portal signed. */
    public static Map<String, String> start(long appointmentId, String amount) {
        String gateway = given().when().post("/appointments/" + appointmentId + "/payment")
                .then().statusCode(303).header("Location", containsString("/sandbox-gateway/pay?")).extract().header("Location");
        String page = URI.create(gateway).getRawPath() + "?" + URI.create(gateway).getRawQuery();
        given().urlEncodingEnabled(false).when().get(page).then().statusCode(200)
                .body(containsString("SANDBOX payment gateway"), containsString("Pay " + amount));
        return query(gateway);
    }

    /** Chooses an outcome on the sandbox's page; returns the signed return address (path and query). */
    public static String answer(Map<String, String> order, String outcome) {
        String returned = given().formParams(order).formParam("outcome", outcome)
                .when().post("/sandbox-gateway/pay")
                .then().statusCode(303).header("Location", containsString("/payments/return?")).extract().header("Location");
        URI uri = URI.create(returned);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
