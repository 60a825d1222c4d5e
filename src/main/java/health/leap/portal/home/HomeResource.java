package health.leap.portal.home;

import health.leap.portal.appointments.AppointmentQueries;
import health.leap.portal.appointments.FamilyUpcoming;
import health.leap.portal.appointments.Upcoming;
import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.patient.DeskPage;
import health.leap.portal.patient.PreviewPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The first page after login: what is coming up (for the family too), and the way to book. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}")
    public static class ForFamily extends HomeResource implements FamilyPage {
    }

    /** These pages as the patient sees them, for staff, read-only. */
    @Path("/staff/patients/{lead}")
    public static class InPreview extends HomeResource implements PreviewPage {
    }

    /** These pages for the front desk acting for the patient: reads and writes, recorded as the staff member's. */
    @Path("/staff/acting/{lead}")
    public static class AtDesk extends HomeResource implements DeskPage {
    }

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance home(List<Upcoming> upcoming, List<FamilyUpcoming> family);

        static native TemplateInstance staffHome();
    }

    @Inject
    Caller caller;
    @Inject
    AppointmentQueries appointments;

    @GET
    @RolesAllowed({"patient", "staff"})
    public TemplateInstance home() {
        if (!caller.isPatient()) {
            return Templates.staffHome();
        }
        List<Upcoming> own = appointments.upcoming(caller.tenantId(), caller.leadId(), 5);
        // a guardian's own home also lists what is coming up for those they book for; a dependant's does not
        List<FamilyUpcoming> family = caller.booksForOthers()
                ? appointments.familyUpcoming(caller.tenantId(), caller.leadId(), 10)
                : List.of();
        return Templates.home(own, family);
    }
}
