package health.leap.portal.mail;

import health.leap.portal.patient.Caller;
import health.leap.portal.platform.NativeSql;
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

/**
 * The patient's profile: their name, email and phone as the clinic holds them, and which emails they
 * want. Confirmations, decisions, cancellations and refunds always go; reminders and change notices
 * (a booking moved, a held time released) are theirs to turn off. Staff see it read-only in a preview.
 */
@Path("/profile")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    /** The patient as the clinic's records have them. */
    public record Profile(String name, String email, String phone, MailPreference.Choices choices, boolean saved) {
    }

    @CheckedTemplate(basePath = "mail")
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

    @POST
    @Path("mail")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response choose(@FormParam("reminders") String reminders, @FormParam("changes") String changes) {
        MailPreference.save(caller.tenantId(), caller.leadId(),
                new MailPreference.Choices(ticked(reminders), ticked(changes)), clock.instant());
        return Response.seeOther(URI.create("/profile?saved=1")).build();
    }

    /** A checkbox: a browser sends "on" for a ticked box and nothing for an unticked one; nothing else ticks it. */
    private static boolean ticked(String value) {
        return value != null && switch (value.trim().toLowerCase()) {
            case "on", "true", "yes", "1" -> true;
            default -> false;
        };
    }

    private Profile read(boolean saved) {
        record Lead(String name, String email, String phone) {
        }
        Lead lead = NativeSql.one("select name, email, phone from lead where id = ? and tenant_id = ?",
                rs -> new Lead(rs.getString("name"), rs.getString("email"), rs.getString("phone")),
                caller.leadId(), caller.tenantId()).orElseThrow(() -> Problem.notFound("patient"));
        return new Profile(lead.name(), lead.email(), lead.phone(), MailPreference.of(caller.tenantId(), caller.leadId()), saved);
    }
}
