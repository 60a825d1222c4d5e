package health.leap.portal.appointments;

import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.platform.Sql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** A patient cancelling their own booking: the money paid goes back, a package session is given back. */
@ApplicationScoped
public class CancelService {

    private final Sql sql;
    private final Clock clock;
    private final Ownership ownership;
    private final ClinicCatalog catalog;
    private final Cancellations cancellations;

    public CancelService(Sql sql, Clock clock, Ownership ownership, ClinicCatalog catalog, Cancellations cancellations) {
        this.sql = sql;
        this.clock = clock;
        this.ownership = ownership;
        this.catalog = catalog;
        this.cancellations = cancellations;
    }

    @Transactional
    public void cancel(long tenantId, long leadId, long appointmentId, String reason) {
        Instant now = clock.instant();
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        CancellationWindow.refusal(appointment.status, appointment.startsAt, now,
                catalog.centre(appointment.centreId).policy()).ifPresent(p -> {
            throw p;
        });
        // compare-and-set on the status we read: a cancel replayed from an old page changes nothing
        if (sql.update("update appointment set status = 'CANCELLED', cancel_reason = ?, updated_at = ? where id = ? and status = ?",
                reason, now, appointmentId, appointment.status) == 0) {
            throw new Problem(ErrorCode.INVALID_STATE, "This booking changed meanwhile. Reload the page to see where it stands.");
        }
        Cancellations.GivenBack givenBack = cancellations.giveBack(appointmentId, appointment.paymentId);
        String detail = (appointment.status == AppointmentStatus.DRAFT ? "Hold released" : "Cancelled")
                + (reason == null ? "" : ": " + reason) + givenBack.wording();
        AppointmentEvent.record(tenantId, appointmentId, now, ActorType.PATIENT, String.valueOf(leadId),
                appointment.status, AppointmentStatus.CANCELLED, detail);
    }
}
