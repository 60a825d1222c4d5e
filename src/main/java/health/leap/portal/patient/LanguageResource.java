package health.leap.portal.patient;

import health.leap.portal.web.Language;
import health.leap.portal.web.PageMessages;
import health.leap.portal.web.Params;
import health.leap.portal.web.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The language switcher in every page's header: a form post (with the CSRF token) that remembers the
 * choice in a cookie for a year and goes back to the page it came from. A patient's choice also
 * becomes the language of their emails; a staff preview only changes the staff member's own pages.
 */
@Path("/language")
public class LanguageResource {

    static final Duration REMEMBERED = Duration.ofDays(365);

    @Inject
    Caller caller;
    @Inject
    Event<LanguageChosen> chosen;
    @Inject
    HttpServerRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("lang") String lang, @FormParam("return") String returnTo) {
        String back = Params.optionalText("return", returnTo, 2000);
        Locale language = Language.supported(lang);
        if (language == null) {
            throw Problem.badRequest(PageMessages.class, PageMessages::languageUnknown);
        }
        if (caller.isPatient() && !caller.isPreview()) {
            chosen.fire(new LanguageChosen(caller.tenantId(), caller.leadId(), language));
        }
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(language.toLanguageTag()).path("/")
                .maxAge((int) REMEMBERED.toSeconds()).sameSite(NewCookie.SameSite.LAX).httpOnly(true)
                .secure("https".equals(request.scheme())).build();
        return Response.seeOther(URI.create(Language.safeReturn(back))).cookie(cookie).build();
    }
}
