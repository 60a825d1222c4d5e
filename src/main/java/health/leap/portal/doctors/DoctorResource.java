package health.leap.portal.doctors;

import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.patient.DeskPage;
import health.leap.portal.patient.PreviewPage;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Doctor browsing and the slot picker, as the calling patient may book them. */
@Path("/doctors")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class DoctorResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}/doctors")
    public static class ForFamily extends DoctorResource implements FamilyPage {
    }

    /** These pages as the patient sees them, for staff, read-only. */
    @Path("/staff/patients/{lead}/doctors")
    public static class InPreview extends DoctorResource implements PreviewPage {
    }

    /** These pages for the front desk acting for the patient: reads and writes, recorded as the staff member's. */
    @Path("/staff/acting/{lead}/doctors")
    public static class AtDesk extends DoctorResource implements DeskPage {
    }

    @CheckedTemplate(basePath = "doctors")
    static class Templates {
        static native TemplateInstance list(DoctorBrowsing browsing);

        static native TemplateInstance list$results(DoctorBrowsing browsing);

        static native TemplateInstance profile(SlotPicker picker);

        static native TemplateInstance profile$slots(SlotPicker picker);
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    DoctorService doctors;

    @GET
    public TemplateInstance list(@QueryParam("centre") String centre, @QueryParam("service") String service,
                                 @QueryParam("specialty") String specialty, @QueryParam("q") String q) {
        DoctorDirectory.Filter filter = new DoctorDirectory.Filter(
                Params.optionalId("centre", centre), Params.optionalId("service", service),
                Params.optionalText("specialty", specialty, 100), Params.optionalText("name", q, 100));
        boolean fragment = htmx.wantsFragment();
        DoctorBrowsing browsing = doctors.browse(caller.tenantId(), filter, !fragment);
        return fragment ? Templates.list$results(browsing) : Templates.list(browsing);
    }

    @GET
    @Path("{id}")
    public TemplateInstance profile(@PathParam("id") String id, @QueryParam("centre") String centre,
                                    @QueryParam("service") String service, @QueryParam("date") String date) {
        SlotPicker picker = doctors.picker(caller.tenantId(), Params.id("doctor", id),
                Params.optionalId("centre", centre), Params.optionalId("service", service),
                Params.optionalDate("date", date), true);
        return Templates.profile(picker);
    }

    @GET
    @Path("{id}/slots")
    public TemplateInstance slots(@PathParam("id") String id, @QueryParam("centre") String centre,
                                  @QueryParam("service") String service, @QueryParam("date") String date) {
        boolean fragment = htmx.wantsFragment();
        SlotPicker picker = doctors.picker(caller.tenantId(), Params.id("doctor", id),
                Params.optionalId("centre", centre), Params.optionalId("service", service),
                Params.optionalDate("date", date), !fragment);
        return fragment ? Templates.profile$slots(picker) : Templates.profile(picker);
    }
}
