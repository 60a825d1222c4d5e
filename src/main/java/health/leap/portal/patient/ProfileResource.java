package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Htmx;
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
import java.util.Set;

/**
 * The patient's profile: their name, email and phone as the clinic holds them, and which emails they
 * want, in which language. Confirmations, decisions, cancellations and refunds always go; reminders and
 * change notices (a booking moved, a held time released) are theirs to turn off. Staff see it read-only
 * in a preview. The patient (or a guardian, for a dependant) changes their phone here, and their email
 * through a link mailed to the new address ({@link ContactDetails}); the front desk acting for a patient
 * may change the phone. The trail of those changes is on the page for everyone who sees it.
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
                          String shownLanguage, List<Language.Choice> languages, Contact contact) {

        /** The chosen language, named in itself: English, Español. */
        public String languageName() {
            return languages.stream().filter(l -> l.tag().equals(choices.language())).map(Language.Choice::name)
                    .findFirst().orElse(choices.language());
        }
    }

    /**
     * The contact-details forms: what was just saved ({@code saved}: phone, email, sent), the values a
     * refused form is shown again with and the refusal tied to its field, the address waiting for its
     * link, and the trail of changes.
     */
    public record Contact(String saved, String phoneValue, Refusal phoneRefusal, String emailValue, Refusal emailRefusal,
                          ContactDetails.PendingEmail pending, List<ContactChange.Line> trail) {

        static Contact shown(String saved) {
            return new Contact(saved, null, null, null, null, null, List.of());
        }
    }

    /** A refused field: the code pages carry in {@code data-error-code} and the sentence. */
    public record Refusal(ErrorCode code, String sentence) {
    }

    /** The page that shows the new address a link names before the patient confirms it. */
    public record EmailLink(String token, ContactDetails.PendingEmail pending) {
    }

    @CheckedTemplate(basePath = "patient")
    static class Templates {
        static native TemplateInstance profile(Profile profile);

        /** The contact details with their forms: a refused form under htmx. */
        static native TemplateInstance profile$contact(Profile profile);

        static native TemplateInstance confirmEmail(EmailLink link);
    }

    /** What {@code ?contact=} may say was saved; anything else says nothing. */
    private static final Set<String> CONTACT_SAVED = Set.of("phone", "email", "sent");

    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    ContactDetails contactDetails;
    @Inject
    Htmx htmx;

    @GET
    @Transactional
    public TemplateInstance profile(@QueryParam("saved") String saved, @QueryParam("contact") String contact) {
        return Templates.profile(read(saved != null, Contact.shown(contact != null && CONTACT_SAVED.contains(contact) ? contact : null)));
    }

    /** A new phone number, saved at once; refused, the page again with the sentence at the field (4xx). */
    @POST
    @Path("phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePhone(@FormParam("phone") String phone) {
        try {
            contactDetails.changePhone(phone);
        } catch (Problem refused) {
            return refusedForm(refused, new Contact(null, phone, refusal(refused), null, null, null, List.of()));
        }
        return seeProfile("phone");
    }

    /** A new email address: a link goes to it, and the address changes when it is opened. */
    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestEmail(@FormParam("email") String email) {
        try {
            contactDetails.requestEmail(email);
        } catch (Problem refused) {
            if (refused.code() == ErrorCode.EMAIL_CHANGE_NOT_AT_DESK || refused.status() >= 500) {
                throw refused;
            }
            return refusedForm(refused, new Contact(null, null, null, email, refusal(refused), null, List.of()));
        }
        return seeProfile("sent");
    }

    /**
     * The link in the mail: the new address, and a button that confirms it (a link alone changes nothing,
     * so a mail scanner that follows it does no harm). A link that cannot change it is refused with its code.
     */
    @GET
    @Path("email/confirm")
    @Transactional
    public TemplateInstance emailLink(@QueryParam("token") String token) {
        return Templates.confirmEmail(new EmailLink(token, contactDetails.pending(token)));
    }

    @POST
    @Path("email/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmEmail(@FormParam("token") String token) {
        contactDetails.confirmEmail(token);
        return seeProfile("email");
    }

    private Response seeProfile(String saved) {
        return Response.seeOther(URI.create(caller.getBase() + "/profile?contact=" + saved)).build();
    }

    /**
     * The profile again, as it was filled in, with the refusal at its field and the refusal's status; under
     * htmx only the contact details (the forms post without it, but a refusal is never a whole page there).
     */
    private Response refusedForm(Problem refused, Contact contact) {
        Profile profile = read(false, contact);
        return Response.status(refused.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(htmx.wantsFragment() ? Templates.profile$contact(profile) : Templates.profile(profile)).build();
    }

    private static Refusal refusal(Problem refused) {
        return new Refusal(refused.code(), refused.sentence());
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

    private Profile read(boolean saved, Contact contact) {
        Lead lead = Lead.<Lead>find("id = ?1 and tenantId = ?2", caller.leadId(), caller.tenantId()).firstResultOptional()
                .orElseThrow(() -> Problem.notFound(PatientMessages.class, PatientMessages::patientNotFound));
        MailPreference.Choices choices = MailPreference.of(caller.tenantId(), caller.leadId());
        String shown = choices.language() != null ? choices.language() : Language.current().toLanguageTag();
        Contact shownContact = new Contact(contact.saved(), contact.phoneValue() != null ? contact.phoneValue() : lead.phone,
                contact.phoneRefusal(), contact.emailValue(), contact.emailRefusal(), contactDetails.openRequest().orElse(null),
                contactDetails.trail());
        return new Profile(lead.name, lead.email, lead.phone, choices, saved, shown, languages(), shownContact);
    }
}
