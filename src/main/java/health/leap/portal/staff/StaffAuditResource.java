package health.leap.portal.staff;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentEvent;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.patient.Caller;
import health.leap.portal.patient.Lead;
import health.leap.portal.patient.PreviewAudit;
import health.leap.portal.web.Params;
import health.leap.portal.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the clinic's staff did for one patient, for whoever answers for it: every change a staff member
 * made to the patient's bookings (the front desk acting for them, check-ins, approvals), with who, when
 * and the reason on the line, and every page of the patient's portal staff opened (a preview, or acting).
 * Only staff of the patient's own clinic see it.
 */
@Path("/staff/audit/{id}")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class StaffAuditResource {

    /** The newest lines shown, of each kind. */
    static final int SHOWN = 200;

    /** One thing a staff member did: a booking's timeline line, or a page opened (then {@code appointmentId} is null). */
    public record Action(Instant at, String staffUser, Long appointmentId, AppointmentStatus fromStatus,
                         AppointmentStatus toStatus, String detail, String page) {
    }

    public record Audit(long leadId, String patientName, ZoneId zone, List<Action> actions) {
    }

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance audit(Audit audit);
    }

    @Inject
    Caller caller;

    @GET
    public TemplateInstance audit(@PathParam("id") String lead) {
        long leadId = Params.id("patient", lead);
        long tenantId = caller.tenantId();
        Object[] patient = Lead.getEntityManager().createQuery("select l.tenantId, l.name from Lead l where l.id = ?1", Object[].class)
                .setParameter(1, leadId).getResultStream().findFirst()
                .orElseThrow(() -> Problem.notFound(StaffMessages.class, StaffMessages::patientNotFound));
        if ((Long) patient[0] != tenantId) {
            throw Problem.forbidden(StaffMessages.class, StaffMessages::patientNotYours);
        }
        record Changed(Instant at, String staffUser, long appointmentId, AppointmentStatus fromStatus,
                       AppointmentStatus toStatus, String detail) {
        }
        record Opened(Instant at, String staffUser, String page) {
        }
        List<Action> actions = new ArrayList<>();
        AppointmentEvent.getEntityManager().createQuery("""
                select e.at, e.actorId, e.appointmentId, e.fromStatus, e.toStatus, e.detail
                from AppointmentEvent e join Appointment a on a.id = e.appointmentId
                where a.leadId = ?1 and a.tenantId = ?2 and e.actorType = ?3
                order by e.at desc, e.id desc""", Changed.class)
                .setParameter(1, leadId).setParameter(2, tenantId).setParameter(3, ActorType.STAFF)
                .setMaxResults(SHOWN).getResultStream()
                .forEach(c -> actions.add(new Action(c.at(), c.staffUser(), c.appointmentId(), c.fromStatus(), c.toStatus(),
                        c.detail(), null)));
        PreviewAudit.getEntityManager().createQuery("""
                select p.viewedAt, p.staffUser, p.page from PreviewAudit p
                where p.leadId = ?1 and p.tenantId = ?2
                order by p.viewedAt desc, p.id desc""", Opened.class)
                .setParameter(1, leadId).setParameter(2, tenantId).setMaxResults(SHOWN).getResultStream()
                .forEach(o -> actions.add(new Action(o.at(), o.staffUser(), null, null, null, null, o.page())));
        actions.sort(Comparator.comparing(Action::at).reversed());
        return Templates.audit(new Audit(leadId, (String) patient[1], caller.tenantZone(), actions));
    }
}
