package health.leap.portal.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token the CSRF filter issued for this request, for the page's forms and htmx headers.
 * Unlike the extension's own {@code inject:csrf}, it is empty rather than failing on a page rendered
 * for a request the filter refused, such as the refusal page itself.
 */
@RequestScoped
@Named("formToken")
public class FormToken {

    public static final String FIELD = "csrf-token";
    // where the CSRF filter keeps the token it issued or verified
    private static final String ISSUED = "csrf_token";

    @Inject
    RoutingContext routing;

    public String getValue() {
        Object token = routing.get(ISSUED);
        return token instanceof String s ? s : "";
    }

    public String getField() {
        return FIELD;
    }
}
