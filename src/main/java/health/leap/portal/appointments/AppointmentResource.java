package health.leap.portal.appointments;

import health.leap.portal.patient.Caller;
import health.leap.portal.web.Htmx;
import health.leap.portal.web.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        long appointmentId = Params.id("appointment", id);
        ownership.appointment(caller.tenantId(), caller.leadId(), appointmentId);
        AppointmentDetail detail = queries.detail(appointmentId);
        return htmx.wantsFragment() ? Templates.detail$card(detail) : Templates.detail(detail);
    }
}
