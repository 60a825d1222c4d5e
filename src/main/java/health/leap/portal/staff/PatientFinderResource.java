package health.leap.portal.staff;

import health.leap.portal.patient.Caller;
import health.leap.portal.patient.Lead;
import health.leap.portal.web.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;

/** Staff find a patient of their own clinic by name, to preview the portal as that patient sees it. */
@Path("/staff/patients")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class PatientFinderResource {

    static final int SHOWN = 50;

    public record Patient(long id, String name) {
    }

    /**
     * Where acting for a found patient begins: their home, or, when the desk came from a doctor's free
     * times on the day list, that doctor's picker on that day at that centre.
     */
    public record Booking(Long doctorId, Long centreId, LocalDate date) {
        static final Booking NONE = new Booking(null, null, null);

        public String pageFor(long leadId) {
            String acting = "/staff/acting/" + leadId + "/";
            if (doctorId == null) {
                return acting;
            }
            return acting + "doctors/" + doctorId + "?" + (centreId == null ? "" : "centre=" + centreId + "&")
                    + (date == null ? "" : "date=" + date);
        }

        /** Whether the desk came from a doctor's free times, which the search form keeps. */
        public boolean forADoctor() {
            return doctorId != null;
        }
    }

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance patients(String q, List<Patient> patients, int shown, Booking booking);
    }

    @Inject
    Caller caller;

    @GET
    public TemplateInstance find(@QueryParam("q") String q, @QueryParam("doctor") String doctor,
                                 @QueryParam("centre") String centre, @QueryParam("date") String date) {
        String name = Params.optionalText("name", q, 100);
        Long doctorId = Params.optionalId("doctor", doctor);
        Long centreId = Params.optionalId("centre", centre);
        LocalDate day = Params.optionalDate("date", date);
        Booking booking = doctorId == null ? Booking.NONE : new Booking(doctorId, centreId, day);
        // with no name, the first of the clinic's patients by name; with one, those whose name holds it
        List<Patient> patients = Lead.getEntityManager().createQuery("""
                select l.id, l.name from Lead l
                where l.tenantId = ?1 and l.name ilike ?2 escape '\\'
                order by l.name, l.id""", Patient.class)
                .setParameter(1, caller.tenantId()).setParameter(2, name == null ? "%" : "%" + likeLiteral(name) + "%")
                .setMaxResults(SHOWN).getResultList();
        return Templates.patients(name, patients, SHOWN, booking);
    }

    /** The name as typed, with LIKE's wildcards taken literally. */
    private static String likeLiteral(String name) {
        return name == null ? null : name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
