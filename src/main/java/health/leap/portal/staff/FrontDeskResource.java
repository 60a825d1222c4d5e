package health.leap.portal.staff;

import health.leap.portal.patient.Caller;
import health.leap.portal.web.Htmx;
import health.leap.portal.web.Params;
import health.leap.portal.web.Problem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The front desk's day list of a centre, where staff check patients in, complete their visits and mark no-shows. */
@Path("/staff/day")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class FrontDeskResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance day(DayList list);

        static native TemplateInstance day$visits(DayList list);
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    FrontDeskService frontDesk;

    @GET
    public TemplateInstance day(@QueryParam("centre") String centre, @QueryParam("doctor") String doctor,
                                @QueryParam("date") String date) {
        DayList list = frontDesk.day(caller.tenantId(), Params.optionalId("centre", centre),
                Params.optionalId("doctor", doctor), Params.optionalDate("date", date));
        return htmx.wantsFragment() ? Templates.day$visits(list) : Templates.day(list);
    }

    @POST
    @Path("{id}/check-in")
    public Response checkIn(@PathParam("id") String id, @QueryParam("doctor") String doctor,
                            @FormParam("paidBy") String paidBy, @FormParam("reference") String reference) {
        long appointmentId = Params.id("appointment", id);
        Long doctorId = Params.optionalId("doctor", doctor);
        String ref = Params.optionalText("reference", reference, 90);
        // sent only by the check-in of a visit to pay at the desk, where "later" leaves it owed
        String payment = paidBy == null ? null : FrontDeskService.deskPayment(paidBy.trim(), ref);
        return afterMark(frontDesk.checkIn(caller.tenantId(), caller.userName(), appointmentId, payment), doctorId);
    }

    /** What a visit booked to be paid at the clinic owed, paid at the desk: by card terminal or cash, with a reference. */
    @POST
    @Path("{id}/paid")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response paid(@PathParam("id") String id, @QueryParam("doctor") String doctor,
                         @FormParam("paidBy") String paidBy, @FormParam("reference") String reference) {
        long appointmentId = Params.id("appointment", id);
        Long doctorId = Params.optionalId("doctor", doctor);
        String payment = FrontDeskService.deskPayment(paidBy == null ? "" : paidBy.trim(),
                Params.optionalText("reference", reference, 90));
        if (payment == null) {
            throw Problem.badRequest(StaffMessages.class, StaffMessages::paidByUnknown);
        }
        return afterMark(frontDesk.paidAtDesk(caller.tenantId(), caller.userName(), appointmentId, payment), doctorId);
    }

    @POST
    @Path("{id}/complete")
    public Response complete(@PathParam("id") String id, @QueryParam("doctor") String doctor) {
        long appointmentId = Params.id("appointment", id);
        Long doctorId = Params.optionalId("doctor", doctor);
        return afterMark(frontDesk.complete(caller.tenantId(), caller.userName(), appointmentId), doctorId);
    }

    @POST
    @Path("{id}/no-show")
    public Response noShow(@PathParam("id") String id, @QueryParam("doctor") String doctor) {
        long appointmentId = Params.id("appointment", id);
        Long doctorId = Params.optionalId("doctor", doctor);
        return afterMark(frontDesk.noShow(caller.tenantId(), caller.userName(), appointmentId), doctorId);
    }

    /** The day list the visit is on, as the desk had it filtered: the fragment under htmx, a redirect otherwise. */
    private Response afterMark(FrontDeskService.Marked visit, Long doctorId) {
        DayList list = frontDesk.day(caller.tenantId(), visit.centreId(), doctorId, visit.day());
        if (!htmx.isHtmx()) {
            return Response.seeOther(URI.create("/staff/day?" + list.query(visit.day()))).build();
        }
        return Response.ok(Templates.day$visits(list)).build();
    }
}
