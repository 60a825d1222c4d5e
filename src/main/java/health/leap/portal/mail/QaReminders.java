package health.leap.portal.mail;

import health.leap.portal.patient.Caller;
import health.leap.portal.platform.PortalConfig;
import health.leap.portal.web.Language;
import health.leap.portal.web.Params;
import health.leap.portal.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * QA and staging only ({@code PORTAL_QA_ENDPOINTS=true}; a production start refuses it): the test
 * clock of the reminder rule. Clinic staff ask whether one booking's reminder is due {@code at} a
 * time of their choosing, by the job's own rule, and it is queued as the job would queue it. The
 * browser journeys use it to see a reminder go out, once, without waiting a day; nothing else moves.
 * Where it is off, the route does not exist.
 */
@Path("/qa/reminders")
@RolesAllowed("staff")
public class QaReminders {

    @Inject
    PortalConfig config;
    @Inject
    Caller caller;
    @Inject
    Reminders reminders;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String remindAt(@FormParam("appointment") String appointment, @FormParam("at") String at) {
        if (!config.qa().endpoints()) {
            throw Problem.notFound(MailMessages.class, MailMessages::pageNotFound);
        }
        long id = Params.id("appointment", appointment);
        Instant when = instant(at);
        MailMessages words = Language.bundle(MailMessages.class);
        return reminders.queueDueFor(caller.tenantId(), id, when)
                ? words.qaQueued(id, when.toString())
                : words.qaNotDue(id, when.toString());
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(MailMessages.class, MailMessages::qaNoTime);
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            throw Problem.badRequest(MailMessages.class, m -> m.qaBadTime(shown));
        }
    }
}
