package health.leap.portal.staff;

import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyLinks;
import health.leap.portal.patient.PatientMessages;
import health.leap.portal.patient.Relationship;
import health.leap.portal.web.Params;
import health.leap.portal.web.Problem;
import health.leap.portal.web.PageMessages;
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
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's family links, as the clinic keeps them: whom they may act for and who may act for them.
 * Staff of the same clinic link a dependant, extend a link (a child's past 18) and end one; each
 * change is recorded with who made it, shown on the same page.
 */
@Path("/staff/family")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class FamilyResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance family(FamilyLinks.Record family, List<Relationship> relationships, String saved);
    }

    private static final List<String> SAVED = List.of("linked", "extended", "ended");

    @Inject
    Caller caller;
    @Inject
    FamilyLinks links;

    @GET
    public TemplateInstance family(@QueryParam("patient") String patient, @QueryParam("saved") String saved) {
        long leadId = Params.id("patient", patient);
        // only says what the last form did: anything but its three words is not said
        String done = saved != null && SAVED.contains(saved) ? saved : null;
        return Templates.family(links.of(caller.tenantId(), leadId), List.of(Relationship.values()), done);
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@FormParam("guardian") String guardian, @FormParam("dependant") String dependant,
                         @FormParam("relationship") String relationship, @FormParam("ends") String ends) {
        long guardianId = Params.id("guardian", guardian);
        long dependantId = Params.id("dependant", dependant);
        Relationship as = relationship(relationship);
        LocalDate endsOn = Params.optionalDate("ends on", ends);
        links.link(caller.tenantId(), caller.userName(), guardianId, dependantId, as, endsOn);
        return back(guardianId, "linked");
    }

    @POST
    @Path("links/{id}/extend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") String id, @FormParam("ends") String ends, @FormParam("noEnd") String noEnd,
                           @FormParam("back") String back) {
        long linkId = Params.id("link", id);
        LocalDate endsOn = Params.optionalDate("ends on", ends);
        // no end date is said, never read from an empty field: a forgotten date must not make a link last for ever
        if ((noEnd != null && !noEnd.isBlank()) == (endsOn != null)) {
            throw Problem.badRequest(PatientMessages.class, PatientMessages::familyExtendChoose);
        }
        Long page = Params.optionalId("patient", back);
        long guardian = links.extend(caller.tenantId(), caller.userName(), linkId, endsOn);
        return back(page != null ? page : guardian, "extended");
    }

    @POST
    @Path("links/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("id") String id, @FormParam("back") String back) {
        long linkId = Params.id("link", id);
        Long page = Params.optionalId("patient", back);
        long guardian = links.end(caller.tenantId(), caller.userName(), linkId);
        return back(page != null ? page : guardian, "ended");
    }

    private static Relationship relationship(String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(PageMessages.class, m -> m.chooseField("relationship"));
        }
        try {
            return Relationship.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(StaffMessages.class, StaffMessages::unknownRelationship);
        }
    }

    /** Post/Redirect/Get to the family page the form was on, saying what was done. */
    private static Response back(long patientId, String saved) {
        return Response.seeOther(URI.create("/staff/family?patient=" + patientId + "&saved=" + saved)).build();
    }
}
