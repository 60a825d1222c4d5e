package health.leap.portal.appointments;

import health.leap.portal.clinic.DeskOverrides;
import health.leap.portal.doctors.DoctorService;
import health.leap.portal.doctors.SlotPicker;
import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.patient.DeskPage;
import health.leap.portal.patient.PreviewPage;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Htmx;
import health.leap.portal.web.Language;
import health.leap.portal.web.Params;
import health.leap.portal.web.PortalMetrics;
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
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** One appointment: where it stands, its timeline and what the patient can do next. */
@Path("/appointments")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class AppointmentResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}/appointments")
    public static class ForFamily extends AppointmentResource implements FamilyPage {
    }

    /** These pages as the patient sees them, for staff, read-only. */
    @Path("/staff/patients/{lead}/appointments")
    public static class InPreview extends AppointmentResource implements PreviewPage {
    }

    /** These pages for the front desk acting for the patient: reads and writes, recorded as the staff member's. */
    @Path("/staff/acting/{lead}/appointments")
    public static class AtDesk extends AppointmentResource implements DeskPage {
    }

    @CheckedTemplate(basePath = "appointments")
    public static class Templates {
        public static native TemplateInstance detail(AppointmentDetail appointment);

        public static native TemplateInstance detail$card(AppointmentDetail appointment);

        public static native TemplateInstance reschedule(ReschedulePage page);

        public static native TemplateInstance history(HistoryPage page);

        public static native TemplateInstance history$list(HistoryPage page);

        public static native TemplateInstance history$page(HistoryPage page);
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    PortalMetrics metrics;
    @Inject
    Ownership ownership;
    @Inject
    AppointmentQueries queries;
    @Inject
    CancelService cancellations;
    @Inject
    HistoryService history;
    @Inject
    RescheduleService reschedules;
    @Inject
    CalendarExport calendar;
    @Inject
    DoctorService doctors;

    @GET
    public TemplateInstance history(@RestQuery("status") List<String> statuses, @QueryParam("doctor") String doctor,
                                    @QueryParam("centre") String centre, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("fromDate") String fromDate,
                                    @QueryParam("toDate") String toDate, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") String limit) {
        HistoryFilter filter = HistoryFilter.parse(statuses, doctor, centre, from, to, fromDate, toDate, limit,
                caller.tenantZone());
        boolean fragment = htmx.wantsFragment();
        HistoryPage page = history.page(caller.tenantId(), caller.leadId(), caller.tenantZone(), filter,
                cursor == null || cursor.isBlank() ? null : cursor, !fragment);
        if (!fragment) {
            return Templates.history(page);
        }
        // "load more" appends a page; a change of filters replaces the list
        return cursor == null || cursor.isBlank() ? Templates.history$list(page) : Templates.history$page(page);
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        long appointmentId = Params.id("appointment", id);
        ownership.appointment(caller.tenantId(), caller.leadId(), appointmentId);
        AppointmentDetail detail = queries.detail(appointmentId);
        return htmx.wantsFragment() ? Templates.detail$card(detail) : Templates.detail(detail);
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces("text/calendar")
    public Response calendarFile(@PathParam("id") String id) {
        long appointmentId = Params.id("appointment", id);
        ownership.appointment(caller.tenantId(), caller.leadId(), appointmentId);
        AppointmentDetail detail = queries.detail(appointmentId);
        if (!CalendarExport.EXPORTABLE.contains(detail.status())) {
            throw new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class, AppointmentMessages::calendarOnlyConfirmed);
        }
        return Response.ok(calendar.ics(detail, Language.current()), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"appointment-" + appointmentId + ".ics\"").build();
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @FormParam("reason") String reason, @FormParam("refund") String refund) {
        long appointmentId = Params.id("appointment", id);
        String words = Params.optionalText("reason", reason, 500);
        cancellations.cancel(caller.tenantId(), caller.leadId(), appointmentId, words, desk(words),
                caller.isDesk() ? Params.optionalText("refund", refund, 10) : null);
        metrics.cancelled();
        if (!htmx.isHtmx()) {
            return Response.seeOther(URI.create(caller.getBase() + "/appointments/" + appointmentId)).build();
        }
        return Response.ok(Templates.detail$card(queries.detail(appointmentId))).build();
    }

    @GET
    @Path("{id}/reschedule")
    public TemplateInstance reschedulePicker(@PathParam("id") String id, @QueryParam("doctor") String doctor,
                                             @QueryParam("centre") String centre, @QueryParam("date") String date) {
        long appointmentId = Params.id("appointment", id);
        return Templates.reschedule(reschedulePage(appointmentId, Params.optionalId("doctor", doctor),
                Params.optionalId("centre", centre), Params.optionalDate("date", date), null));
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reschedule(@PathParam("id") String id, @FormParam("slot") String slot,
                               @FormParam("deskReason") String deskReason) {
        long appointmentId = Params.id("appointment", id);
        long slotId = Params.id("slot", slot);
        DeskOverrides.Desk desk = desk(caller.isDesk() ? Params.optionalText("reason", deskReason, 500) : null);
        long moved;
        try {
            moved = reschedules.reschedule(caller.tenantId(), caller.leadId(), appointmentId, slotId, desk);
        } catch (Problem problem) {
            if (problem.code() != ErrorCode.SLOT_TAKEN && problem.code() != ErrorCode.OVERLAPPING_BOOKING
                    && problem.code() != ErrorCode.SERVICE_DOES_NOT_FIT && problem.code() != ErrorCode.DESK_REASON_REQUIRED) {
                throw problem;
            }
            // nothing moved; show what is still free at that doctor and centre on that day, to choose another
            // (the desk, told that a reason lets it past a rule, finds the box for the reason above them)
            metrics.refused(problem.code());
            SlotPicker taken = doctors.pickerForSlot(caller.tenantId(), slotId, queries.serviceOf(appointmentId));
            return Response.status(problem.code().status()).entity(Templates.reschedule(reschedulePage(appointmentId, taken.doctor().id(),
                    taken.centre().id(), taken.day(), problem))).build();
        }
        metrics.rescheduled();
        if (!htmx.isHtmx()) {
            return Response.seeOther(URI.create(caller.getBase() + "/appointments/" + moved)).build();
        }
        htmx.pushUrl(caller.getBase() + "/appointments/" + moved);
        return Response.ok(Templates.detail$card(queries.detail(moved))).build();
    }

    private ReschedulePage reschedulePage(long appointmentId, Long doctorId, Long centreId, LocalDate date, Problem error) {
        Appointment appointment = reschedules.movable(caller.tenantId(), caller.leadId(), appointmentId, caller.isDesk());
        long doctor = doctorId == null ? appointment.doctorId : doctorId;
        // the centre list showed the previous doctor's centres: when the new doctor is not there, start at theirs
        Long centre = centreId != null && doctors.offers(doctor, centreId, appointment.serviceId) ? centreId : null;
        SlotPicker picker = doctors.picker(caller.tenantId(), doctor, centre, appointment.serviceId,
                centre == null && doctorId != null ? null : date, true, appointment.id);
        return new ReschedulePage(queries.detail(appointmentId), doctors.doctorsOffering(caller.tenantId(), appointment.serviceId),
                picker, error == null ? null : error.code(), error == null ? null : error.sentence(), appointment.slotId);
    }

    /** The front desk acting for the patient, with the reason it gave for going past a rule; nobody for a patient. */
    private DeskOverrides.Desk desk(String reason) {
        return caller.isDesk() ? DeskOverrides.Desk.acting(reason) : DeskOverrides.Desk.NONE;
    }
}
