package health.leap.portal.payment;

import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.patient.PreviewPage;
import health.leap.portal.web.Htmx;
import health.leap.portal.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Sending the patient to the gateway to pay for a held booking. */
@Path("/appointments")
@RolesAllowed("patient")
public class PaymentResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}/appointments")
    public static class ForFamily extends PaymentResource implements FamilyPage {
    }

    /** These pages as the patient sees them, for staff, read-only. */
    @Path("/staff/patients/{lead}/appointments")
    public static class InPreview extends PaymentResource implements PreviewPage {
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    PaymentService payments;

    @POST
    @Path("{id}/payment")
    public Response start(@PathParam("id") String id) {
        URI gateway = payments.start(caller.tenantId(), caller.leadId(), Params.id("appointment", id), caller.getBase());
        if (htmx.isHtmx()) {
            // the gateway is a page of its own, never a fragment
            htmx.redirect(gateway.toString());
            return Response.noContent().build();
        }
        return Response.seeOther(gateway).build();
    }
}
