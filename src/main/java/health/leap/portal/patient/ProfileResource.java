package health.leap.portal.patient;

import health.leap.portal.web.Language;
import health.leap.portal.web.PageMessages;
import health.leap.portal.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The patient's profile: their name, email and phone as the clinic holds them, and which emails they
 * want, in which language. Confirmations, decisions, cancellations and refunds always go; reminders and
 * change notices (a booking moved, a held time released) are theirs to turn off. Staff see it read-only
 * in a preview.
 */
@Path("/profile")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}/profile")
    public static class ForFamily extends ProfileResource implements FamilyPage {
    }

    /** These pages as the patient sees them, for staff, read-only. */
    @Path("/staff/patients/{lead}/profile")
    public static class InPreview extends ProfileResource implements PreviewPage {
    }

    /** These pages for the front desk acting for the patient: reads and writes, recorded as the staff member's. */
    @Path("/staff/acting/{lead}/profile")
    public static class AtDesk extends ProfileResource implements DeskPage {
    }

    /**
     * The patient as the clinic's records have them; {@code shownLanguage} is the language the form
     * offers first: the one chosen, else the page's own.
     */
    public record Profile(String name, String email, String phone, MailPreference.Choices choices, boolean saved,
                          String shownLanguage, List<Language.Choice> languages) {

        /** The chosen language, named in itself: English, Español. */
        public String languageName() {
            return languages.stream().filter(l -> l.tag().equals(choices.language())).map(Language.Choice::name)
                    .findFirst().orElse(choices.language());
        }
    }

    @CheckedTemplate(basePath = "patient")
    static class Templates {
        static native TemplateInstance profile(Profile profile);
    }

    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Transactional
    public TemplateInstance profile(@QueryParam("saved") String saved) {
        return Templates.profile(read(saved != null));
    }

    /** The choices; a form without a language (an older page) keeps the one chosen before. */
    @POST
    @Path("mail")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response choose(@FormParam("reminders") String reminders, @FormParam("changes") String changes,
                           @FormParam("language") String language) {
        String chosen = language == null ? null : emailLanguage(language);
        MailPreference.save(caller.tenantId(), caller.leadId(),
                new MailPreference.Choices(ticked(reminders), ticked(changes), chosen), clock.instant());
        return Response.seeOther(URI.create(caller.getBase() + "/profile?saved=1")).build();
    }

    /** A checkbox: a browser sends "on" for a ticked box and nothing for an unticked one; nothing else ticks it. */
    private static boolean ticked(String value) {
        return value != null && switch (value.trim().toLowerCase()) {
            case "on", "true", "yes", "1" -> true;
            default -> false;
        };
    }

    /** One of the portal's languages, exactly as the form names it (en, es); anything else is refused. */
    private static String emailLanguage(String value) {
        return Language.SUPPORTED.stream().map(Locale::toLanguageTag).filter(tag -> tag.equals(value)).findFirst()
                .orElseThrow(() -> Problem.badRequest(PageMessages.class, PageMessages::languageUnknown));
    }

    /** Each language the portal writes, named in itself. */
    private static List<Language.Choice> languages() {
        return Language.SUPPORTED.stream().map(l -> {
            String name = l.getDisplayLanguage(l);
            return new Language.Choice(l.toLanguageTag(), Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }).toList();
    }

    private Profile read(boolean saved) {
        Lead lead = Lead.<Lead>find("id = ?1 and tenantId = ?2", caller.leadId(), caller.tenantId()).firstResultOptional()
                .orElseThrow(() -> Problem.notFound(PatientMessages.class, PatientMessages::patientNotFound));
        MailPreference.Choices choices = MailPreference.of(caller.tenantId(), caller.leadId());
        String shown = choices.language() != null ? choices.language() : Language.current().toLanguageTag();
        return new Profile(lead.name, lead.email, lead.phone, choices, saved, shown, languages());
    }
}
