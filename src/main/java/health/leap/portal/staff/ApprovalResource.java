package health.leap.portal.staff;

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
import java.util.List;

/** The staff queue of bookings waiting for approval, in the staff member's own tenant only. */
@Path("/staff/approvals")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class ApprovalResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance approvals(List<PendingApproval> queue);

        static native TemplateInstance approvals$queue(List<PendingApproval> queue);
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    ApprovalService approvals;

    @GET
    public TemplateInstance queue() {
        List<PendingApproval> queue = approvals.queue(caller.tenantId());
        return htmx.wantsFragment() ? Templates.approvals$queue(queue) : Templates.approvals(queue);
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") String id) {
        approvals.approve(caller.tenantId(), caller.userName(), Params.id("appointment", id));
        return queueAfterWrite();
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") String id, @FormParam("reason") String reason) {
        long appointmentId = Params.id("appointment", id);
        approvals.decline(caller.tenantId(), caller.userName(), appointmentId, Params.optionalText("reason", reason, 500));
        return queueAfterWrite();
    }

    private Response queueAfterWrite() {
        if (!htmx.isHtmx()) {
            return Response.seeOther(URI.create("/staff/approvals")).build();
        }
        return Response.ok(Templates.approvals$queue(approvals.queue(caller.tenantId()))).build();
    }
}
