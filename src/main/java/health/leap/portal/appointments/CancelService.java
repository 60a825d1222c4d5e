package health.leap.portal.appointments;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.DeskOverrides;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A patient cancelling their own booking: the money paid goes back, a package session is given back. */
@ApplicationScoped
public class CancelService {
    private final Clock clock;
    private final Ownership ownership;
    private final ClinicCatalog catalog;
    private final AppointmentLifecycle lifecycle;
    private final Cancellations cancellations;

    public CancelService(Clock clock, Ownership ownership, ClinicCatalog catalog, AppointmentLifecycle lifecycle,
                         Cancellations cancellations) {
        this.clock = clock;
        this.ownership = ownership;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.cancellations = cancellations;
    }

    @Transactional
    public void cancel(long tenantId, long leadId, long appointmentId, String reason) {
        cancel(tenantId, leadId, appointmentId, reason, DeskOverrides.Desk.NONE, null);
    }

    /**
     * Cancels the booking; the front desk acting for the patient ({@code desk}, its reason the cancel
     * reason) may cancel inside the cancellation window, and then says whether what was paid comes back
     * ({@code refund}: {@code full} or {@code none}; not asked when nothing was paid); outside the window everything comes back as it
     * does for the patient.
     */
    @Transactional
    public void cancel(long tenantId, long leadId, long appointmentId, String reason, DeskOverrides.Desk desk, String refund) {
        Instant now = clock.instant();
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        Centre centre = catalog.centre(appointment.centreId);
        if (desk.acting() && appointment.status != AppointmentStatus.DRAFT && !appointment.startsAt.isAfter(now)) {
            throw new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class, AppointmentMessages::visitHasBegun);
        }
        Set<ErrorCode> overridden = EnumSet.noneOf(ErrorCode.class);
        CancellationWindow.refusal(appointment.status, appointment.startsAt, now, centre.policy(), centre.desk())
                .ifPresent(p -> overridden.add(DeskOverrides.pastOrThrow(p, desk)));
        boolean giveBack = true;
        // a booking that took nothing (no payment, no package session) has nothing to decide about
        if (!overridden.isEmpty() && cancellations.tookSomething(appointment.id, appointment.paymentId)) {
            if (!"full".equals(refund) && !"none".equals(refund)) {
                throw new Problem(ErrorCode.DESK_REFUND_CHOICE_REQUIRED, AppointmentMessages.class,
                        AppointmentMessages::deskRefundChoiceRequired);
            }
            giveBack = "full".equals(refund);
        }
        // compare-and-set on the status we read: a cancel replayed from an old page changes nothing
        String wording = TimelineDetail.cancelled(appointment.status == AppointmentStatus.DRAFT, reason);
        AppointmentLifecycle.Actor actor = AppointmentLifecycle.Actor.patient(leadId);
        if (lifecycle.cancel(appointment, reason, now, actor, wording, giveBack).isEmpty()) {
            throw new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class, AppointmentMessages::changedMeanwhile);
        }
        if (!overridden.isEmpty()) {
            lifecycle.note(appointment.tenantId, appointment.id, AppointmentStatus.CANCELLED, now, actor,
                    TimelineDetail.deskOverride(overridden, reason));
        }
    }
}
