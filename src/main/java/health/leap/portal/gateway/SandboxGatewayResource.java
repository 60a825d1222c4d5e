package health.leap.portal.gateway;

import health.leap.portal.patient.Caller;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Params;
import health.leap.portal.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** The SANDBOX gateway's own pages: pay, fail or abandon; no money moves. */
@Path("/sandbox-gateway")
@Produces(MediaType.TEXT_HTML)
public class SandboxGatewayResource {

    @CheckedTemplate(basePath = "booking")
    static class Templates {
        static native TemplateInstance sandboxPay(SandboxOrder order);

        static native TemplateInstance sandboxRefunds(List<SandboxGateway.OpenRefund> refunds);
    }

    /** An order as the portal signed it. */
    public record SandboxOrder(String reference, String amount, String currency, String description, String returnTo,
                               String signature) {
        public List<PaymentGateway.Outcome> outcomes() {
            return Arrays.asList(PaymentGateway.Outcome.values());
        }
    }

    @Inject
    Gateways gateways;
    @Inject
    SandboxGateway gateway;
    @Inject
    Event<PaymentGateway.RefundAnswered> answered;
    @Inject
    Caller caller;

    @GET
    @Path("pay")
    public TemplateInstance page(@QueryParam("reference") String reference, @QueryParam("amount") String amount,
                                 @QueryParam("currency") String currency, @QueryParam("description") String description,
                                 @QueryParam("return") String returnTo, @QueryParam("signature") String signature) {
        requireChosen();
        return Templates.sandboxPay(genuine(reference, amount, currency, description, returnTo, signature));
    }

    @POST
    @Path("pay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("reference") String reference, @FormParam("amount") String amount,
                           @FormParam("currency") String currency, @FormParam("description") String description,
                           @FormParam("return") String returnTo, @FormParam("signature") String signature,
                           @FormParam("outcome") String outcome) {
        requireChosen();
        SandboxOrder order = genuine(reference, amount, currency, description, returnTo, signature);
        PaymentGateway.Outcome chosen;
        try {
            chosen = PaymentGateway.Outcome.valueOf(String.valueOf(outcome));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(PaymentMessages.class, PaymentMessages::chooseOutcome);
        }
        return Response.seeOther(gateway.answer(order.returnTo(), order.reference(), chosen)).build();
    }

    /** QA's view of the clinic's refunds the sandbox has not settled yet. */
    @GET
    @Path("refunds")
    @RolesAllowed("staff")
    public TemplateInstance refunds() {
        requireChosen();
        return Templates.sandboxRefunds(gateway.openRefunds(caller.tenantId()));
    }

    /**
     * QA settles a refund now, as completed or failed, and the sandbox tells the portal at once, as a
     * real gateway's notification would; otherwise the portal learns it at its next poll.
     */
    @POST
    @Path("refunds/{id}")
    @RolesAllowed("staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settleRefund(@PathParam("id") String reference, @FormParam("outcome") String outcome) {
        requireChosen();
        PaymentGateway.RefundOutcome chosen;
        try {
            chosen = PaymentGateway.RefundOutcome.valueOf(String.valueOf(outcome));
        } catch (IllegalArgumentException e) {
            chosen = PaymentGateway.RefundOutcome.PENDING;
        }
        if (chosen == PaymentGateway.RefundOutcome.PENDING) {
            throw Problem.badRequest(PaymentMessages.class, PaymentMessages::chooseRefundOutcome);
        }
        String ref = Params.optionalText("reference", reference, 100);
        if (ref == null || gateway.openRefunds(caller.tenantId()).stream().noneMatch(r -> r.reference().equals(ref))) {
            throw new Problem(ErrorCode.NOT_FOUND, PaymentMessages.class, PaymentMessages::noSuchRefund);
        }
        gateway.settleRefund(ref, chosen);
        answered.fire(new PaymentGateway.RefundAnswered(ref));
        return Response.seeOther(URI.create("/sandbox-gateway/refunds")).build();
    }

    private SandboxOrder genuine(String reference, String amount, String currency, String description, String returnTo,
                                 String signature) {
        if (reference == null || amount == null || currency == null || returnTo == null
                || !returnTo.startsWith("/") || returnTo.startsWith("//")
                || !gateway.isGenuineOrder(reference, amount, currency, returnTo, signature)) {
            throw new Problem(ErrorCode.PAYMENT_UNVERIFIED, PaymentMessages.class, PaymentMessages::notSigned);
        }
        return new SandboxOrder(reference, amount, currency, description == null ? "" : description, returnTo, signature);
    }

    /** Where the sandbox is not the chosen gateway its pages do not exist. */
    private void requireChosen() {
        if (!gateways.sandbox()) {
            throw new Problem(ErrorCode.NOT_FOUND, PaymentMessages.class, PaymentMessages::noSandbox);
        }
    }
}
