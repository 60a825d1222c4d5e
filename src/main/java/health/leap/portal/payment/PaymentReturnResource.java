package health.leap.portal.payment;

import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The gateway sends the patient back here with its signed answer. */
@Path("/payments")
@RolesAllowed("patient")
public class PaymentReturnResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}/payments")
    public static class ForFamily extends PaymentReturnResource implements FamilyPage {
    }

    @Inject
    Caller caller;
    @Inject
    PaymentService payments;

    @GET
    @Path("return")
    public Response returned(@QueryParam("reference") String reference, @QueryParam("outcome") String outcome,
                             @QueryParam("signature") String signature) {
        Map<String, String> callback = new HashMap<>();
        callback.put("reference", Params.optionalText("reference", reference, 100));
        callback.put("outcome", Params.optionalText("outcome", outcome, 20));
        callback.put("signature", Params.optionalText("signature", signature, 200));
        long appointmentId = payments.complete(caller.tenantId(), caller.leadId(), callback);
        return Response.seeOther(URI.create(caller.getBase() + "/appointments/" + appointmentId)).build();
    }
}
