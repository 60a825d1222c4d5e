package health.leap.portal.booking;

import health.leap.portal.appointments.AppointmentQueries;
import health.leap.portal.appointments.AppointmentResource;
import health.leap.portal.doctors.DoctorService;
import health.leap.portal.doctors.SlotPicker;
import health.leap.portal.clinic.DeskOverrides;
import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.patient.DeskPage;
import health.leap.portal.patient.PreviewPage;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Htmx;
import health.leap.portal.web.Params;
import health.leap.portal.web.PortalMetrics;
import health.leap.portal.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Hold and confirm. Each answers with the fragment under htmx, or Post/Redirect/Get without it. */
@Path("/appointments")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class BookingResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}/appointments")
    public static class ForFamily extends BookingResource implements FamilyPage {
    }

    /** These pages as the patient sees them, for staff, read-only. */
    @Path("/staff/patients/{lead}/appointments")
    public static class InPreview extends BookingResource implements PreviewPage {
    }

    /** These pages for the front desk acting for the patient: reads and writes, recorded as the staff member's. */
    @Path("/staff/acting/{lead}/appointments")
    public static class AtDesk extends BookingResource implements DeskPage {
    }

    @CheckedTemplate(basePath = "booking")
    static class Templates {
        static native TemplateInstance slotTaken(SlotPicker picker, ErrorCode code, String message);

        static native TemplateInstance slotTaken$content(SlotPicker picker, ErrorCode code, String message);

        static native TemplateInstance draftOpen(long draftId, long slotId, long serviceId, String deskReason, String message);

        static native TemplateInstance draftOpen$content(long draftId, long slotId, long serviceId, String deskReason,
                                                         String message);
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    HoldService holds;
    @Inject
    PortalMetrics metrics;
    @Inject
    ConfirmService confirmations;
    @Inject
    AppointmentQueries queries;
    @Inject
    DoctorService doctors;

    @POST
    public Response hold(@FormParam("slot") String slot, @FormParam("service") String service,
                         @FormParam("release") String release, @FormParam("deskReason") String deskReason) {
        long slotId = Params.id("slot", slot);
        long serviceId = Params.id("service", service);
        DeskOverrides.Desk desk = desk(deskReason);
        try {
            long id = holds.hold(caller.tenantId(), caller.leadId(), slotId, serviceId, "true".equals(release), desk);
            metrics.held();
            return show(id, Response.Status.CREATED);
        } catch (HoldService.OpenDraft open) {
            return Response.status(409)
                    .entity(htmx.isHtmx()
                    ? Templates.draftOpen$content(open.draftId(), slotId, serviceId, desk.reason(), open.sentence())
                    : Templates.draftOpen(open.draftId(), slotId, serviceId, desk.reason(), open.sentence())).build();
        } catch (Problem problem) {
            if (problem.code() != ErrorCode.SLOT_TAKEN && problem.code() != ErrorCode.OVERLAPPING_BOOKING
                    && problem.code() != ErrorCode.SERVICE_DOES_NOT_FIT && problem.code() != ErrorCode.DESK_REASON_REQUIRED) {
                throw problem;
            }
            // The hold rolled back; show the times that are still free, to choose another (the desk, told that
            // a reason lets it past a rule, finds the box for the reason above them)
            metrics.refused(problem.code());
            SlotPicker fresh = doctors.pickerForSlot(caller.tenantId(), slotId, serviceId);
            return Response.status(problem.code().status()).entity(htmx.isHtmx()
                    ? Templates.slotTaken$content(fresh, problem.code(), problem.sentence())
                    : Templates.slotTaken(fresh, problem.code(), problem.sentence())).build();
        }
    }

    @POST
    @Path("{id}/confirm")
    public Response confirm(@PathParam("id") String id, @FormParam("package") String patientPackage,
                            @FormParam("pay") String pay) {
        long appointmentId = Params.id("appointment", id);
        // only the front desk acting for the patient books a visit to be paid at the clinic
        boolean payAtDesk = caller.isDesk() && "desk".equals(pay);
        confirmations.confirm(caller.tenantId(), caller.leadId(), appointmentId, Params.optionalId("package", patientPackage),
                payAtDesk);
        return show(appointmentId, Response.Status.OK);
    }

    /**
     * The front desk emails the patient a link to pay for the held time, which it keeps for {@code hours}
     * (up to the clinic's limit); the patient's payment confirms it. Only the desk acting for the patient.
     */
    @POST
    @Path("{id}/payment-link")
    public Response paymentLink(@PathParam("id") String id, @FormParam("hours") String hours) {
        long appointmentId = Params.id("appointment", id);
        if (!caller.isDesk()) {
            throw Problem.forbidden(BookingMessages.class, BookingMessages::paymentLinkDeskOnly);
        }
        holds.keepForPaymentLink(caller.tenantId(), caller.leadId(), appointmentId, Params.hours("hours", hours));
        return show(appointmentId, Response.Status.OK);
    }

    /** The front desk acting for the patient, with the reason it gave for going past a rule; nobody for a patient. */
    private DeskOverrides.Desk desk(String deskReason) {
        return caller.isDesk() ? DeskOverrides.Desk.acting(Params.optionalText("reason", deskReason, 500))
                : DeskOverrides.Desk.NONE;
    }

    /**
     * Keeps the held time once more, when the page warned that the hold is running out and the clinic
     * allows it (WCAG 2.2.1: the patient can ask for more time).
     */
    @POST
    @Path("{id}/extend")
    public Response extend(@PathParam("id") String id) {
        long appointmentId = Params.id("appointment", id);
        holds.extend(caller.tenantId(), caller.leadId(), appointmentId);
        return show(appointmentId, Response.Status.OK);
    }

    /** The appointment card under htmx; a redirect to its page otherwise. */
    private Response show(long appointmentId, Response.Status status) {
        String location = caller.getBase() + "/appointments/" + appointmentId;
        if (!htmx.isHtmx()) {
            return Response.seeOther(URI.create(location)).build();
        }
        htmx.pushUrl(location);
        return Response.status(status).entity(AppointmentResource.Templates.detail$card(queries.detail(appointmentId))).build();
    }
}
