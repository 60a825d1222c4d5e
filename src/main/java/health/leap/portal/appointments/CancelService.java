package health.leap.portal.appointments;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** A patient cancelling their own booking: the money paid goes back, a package session is given back. */
@ApplicationScoped
public class CancelService {
    private final Clock clock;
    private final Ownership ownership;
    private final ClinicCatalog catalog;
    private final AppointmentLifecycle lifecycle;

    public CancelService(Clock clock, Ownership ownership, ClinicCatalog catalog, AppointmentLifecycle lifecycle) {
        this.clock = clock;
        this.ownership = ownership;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
    }

    @Transactional
    public void cancel(long tenantId, long leadId, long appointmentId, String reason) {
        Instant now = clock.instant();
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        Centre centre = catalog.centre(appointment.centreId);
        CancellationWindow.refusal(appointment.status, appointment.startsAt, now, centre.policy(), centre.desk()).ifPresent(p -> {
            throw p;
        });
        // compare-and-set on the status we read: a cancel replayed from an old page changes nothing
        String wording = TimelineDetail.cancelled(appointment.status == AppointmentStatus.DRAFT, reason);
        if (lifecycle.cancel(appointment, reason, now, AppointmentLifecycle.Actor.patient(leadId), wording).isEmpty()) {
            throw new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class, AppointmentMessages::changedMeanwhile);
        }
    }
}
