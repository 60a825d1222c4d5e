package health.leap.portal.mydata;

import health.leap.portal.patient.Caller;
import health.leap.portal.patient.DeskPage;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.patient.PatientMessages;
import health.leap.portal.patient.PreviewPage;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Language;
import health.leap.portal.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;

/**
 * My data: everything the portal holds about the patient, as a page and as a file to keep or take
 * elsewhere, whenever they ask. A guardian gets a dependant's while a link between them is in force.
 * Staff get neither: what the patient takes away is the patient's to ask for.
 */
@Path("/profile")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class MyDataResource {

    /** A dependant's data, for the guardian acting for them. */
    @Path("/family/{lead}/profile")
    public static class ForFamily extends MyDataResource implements FamilyPage {
    }

    /** In a staff preview: refused, with the reason. */
    @Path("/staff/patients/{lead}/profile")
    public static class InPreview extends MyDataResource implements PreviewPage {
    }

    /** At the front desk: refused, with the reason. */
    @Path("/staff/acting/{lead}/profile")
    public static class AtDesk extends MyDataResource implements DeskPage {
    }

    @CheckedTemplate(basePath = "mydata")
    static class Templates {
        static native TemplateInstance data(PatientData data);
    }

    @Inject
    Caller caller;
    @Inject
    MyData myData;

    @GET
    @Path("data")
    public TemplateInstance page() {
        return Templates.data(read());
    }

    /** The same as a file; kept out of any cache, as the whole record in one answer. */
    @GET
    @Path("data.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response file() {
        PatientData data = read();
        LocalDate day = data.exportedAt().atZone(data.clinicZone()).toLocalDate();
        return Response.ok(PatientDataJson.of(data), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"leaphealth-data-" + data.patient().id() + "-" + day + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private PatientData read() {
        if (caller.isPreview() || caller.isDesk()) {
            throw new Problem(ErrorCode.FORBIDDEN, PatientMessages.class, PatientMessages::myDataPatientsOnly);
        }
        return myData.of(caller.tenantId(), caller.leadId(), Language.current());
    }
}
