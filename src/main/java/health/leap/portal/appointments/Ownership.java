package health.leap.portal.appointments;

import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds a patient's own appointment: another patient's is 403, an id that exists nowhere 404. */
@ApplicationScoped
public class Ownership {

    public Appointment appointment(long tenantId, long leadId, long appointmentId) {
        Appointment appointment = Appointment.findById(appointmentId);
        if (appointment == null) {
            throw Problem.notFound(AppointmentMessages.class, AppointmentMessages::appointmentNotFound);
        }
        if (appointment.tenantId != tenantId || appointment.leadId != leadId) {
            throw Problem.forbidden(AppointmentMessages.class, AppointmentMessages::appointmentNotYours);
        }
        return appointment;
    }
}
