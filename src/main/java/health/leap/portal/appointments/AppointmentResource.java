package health.leap.portal.appointments;

import health.leap.portal.patient.Caller;
import health.leap.portal.web.Htmx;
import health.leap.portal.web.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** One appointment: where it stands, its timeline and what the patient can do next. */
@Path("/appointments")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class AppointmentResource {

    @CheckedTemplate(basePath = "appointments")
    public static class Templates {
        public static native TemplateInstance detail(AppointmentDetail appointment);

        public static native TemplateInstance detail$card(AppointmentDetail appointment);
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    Ownership ownership;
    @Inject
    AppointmentQueries queries;
    @Inject
    CancelService cancellations;

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        long appointmentId = Params.id("appointment", id);
        ownership.appointment(caller.tenantId(), caller.leadId(), appointmentId);
        AppointmentDetail detail = queries.detail(appointmentId);
        return htmx.wantsFragment() ? Templates.detail$card(detail) : Templates.detail(detail);
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @FormParam("reason") String reason) {
        long appointmentId = Params.id("appointment", id);
        cancellations.cancel(caller.tenantId(), caller.leadId(), appointmentId, Params.optionalText("reason", reason, 500));
        if (!htmx.isHtmx()) {
            return Response.seeOther(URI.create("/appointments/" + appointmentId)).build();
        }
        htmx.trigger("appointmentChanged");
        return Response.ok(Templates.detail$card(queries.detail(appointmentId))).build();
    }
}
