package health.leap.portal.web;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * The identity provider's sign-in page in the portal's language: the redirect to it carries
 * {@code ui_locales} (OpenID Connect Core, section 3.1.2.1), which Keycloak follows for its sign-in,
 * password reset and error pages among the languages the realm offers (English and Spanish). Nobody is
 * signed in yet, so the language is the patient's own choice (the switcher's cookie), else the browser's
 * {@code Accept-Language}, else English: {@link Language} without the claim it cannot have yet.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SignInLanguage implements OidcRedirectFilter {

    static final String UI_LOCALES = "ui_locales";

    @Override
    public void filter(OidcRedirectContext context) {
        context.additionalQueryParams().set(UI_LOCALES, of(context.routingContext().request()).toLanguageTag());
    }

    static Locale of(HttpServerRequest request) {
        Cookie chosen = request.getCookie(Language.COOKIE);
        Locale locale = chosen == null ? null : Language.supported(chosen.getValue());
        return locale != null ? locale : Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }
}
