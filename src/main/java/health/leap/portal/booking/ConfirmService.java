package health.leap.portal.booking;

import health.leap.portal.web.Formats;
import health.leap.portal.web.Language;
import health.leap.portal.appointments.AppointmentMessages;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.appointments.AppointmentLifecycle.Actor;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.Ownership;
import health.leap.portal.clinic.BookingWindow;
import health.leap.portal.clinic.DeskOverrides;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.CentrePolicy;
import health.leap.portal.clinic.CentreRow;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.clinic.TenantPolicy;
import health.leap.portal.packages.Redemptions;
import health.leap.portal.patient.Lead;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.PortalMetrics;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Turning a held DRAFT into a booking: CONFIRMED, or PENDING_APPROVAL when the clinic approves by hand. */
@ApplicationScoped
public class ConfirmService {
    private final Clock clock;
    private final HoldService holds;
    private final Ownership ownership;
    private final Redemptions redemptions;
    private final AppointmentLifecycle lifecycle;
    private final PortalMetrics metrics;

    public ConfirmService(Clock clock, HoldService holds, Ownership ownership, Redemptions redemptions,
                          AppointmentLifecycle lifecycle, PortalMetrics metrics) {
        this.clock = clock;
        this.holds = holds;
        this.ownership = ownership;
        this.redemptions = redemptions;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
    }

    private record Terms(Centre centre, boolean requiresApproval, boolean paid) {
    }

    /**
     * Confirms the patient's DRAFT, paid online or by one session of {@code patientPackageId};
     * confirming again (double click, second tab) returns the same outcome.
     */
    @Transactional
    public AppointmentStatus confirm(long tenantId, long leadId, long appointmentId, Long patientPackageId) {
        return confirm(tenantId, leadId, appointmentId, patientPackageId, false);
    }

    /**
     * {@link #confirm(long, long, long, Long)}; with {@code payAtDesk} (the front desk's choice for the
     * patient) a booking that asks for payment is confirmed unpaid, the amount due to be paid at the
     * clinic's desk.
     */
    @Transactional
    public AppointmentStatus confirm(long tenantId, long leadId, long appointmentId, Long patientPackageId, boolean payAtDesk) {
        Attempt attempt = attempt(tenantId, leadId, appointmentId, patientPackageId, payAtDesk);
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        return attempt.status();
    }

    /**
     * Confirms a DRAFT the gateway says is paid, or says why it cannot be confirmed now: the refusal
     * is returned, not thrown, so that the caller gives the money back in the same transaction
     * instead of rolling back and leaving the payment unresolved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Problem> confirmPaid(long tenantId, long leadId, long appointmentId) {
        return Optional.ofNullable(attempt(tenantId, leadId, appointmentId, null, false).refusal());
    }

    /** What a confirmation came to: the booking's status, or the refusal. */
    private record Attempt(AppointmentStatus status, Problem refusal) {
        static Attempt refused(Problem refusal) {
            return new Attempt(null, refusal);
        }
    }

    private Attempt attempt(long tenantId, long leadId, long appointmentId, Long patientPackageId, boolean payAtDesk) {
        Lead.lockForChanges(tenantId, leadId);
        // read after the lock: a request that waited for it sees the clock as it is now
        Instant now = clock.instant();
        Appointment appointment = ownership.appointment(tenantId, leadId, appointmentId);
        if (appointment.status == AppointmentStatus.CONFIRMED || appointment.status == AppointmentStatus.PENDING_APPROVAL) {
            return new Attempt(appointment.status, null);
        }
        if (appointment.status != AppointmentStatus.DRAFT) {
            return Attempt.refused(invalidState(appointment.status));
        }
        Terms terms = terms(appointment);
        Optional<Problem> refusal = refusal(appointment, terms, now);
        if (refusal.isPresent()) {
            return Attempt.refused(refusal.get());
        }
        boolean packagePays = patientPackageId != null;
        boolean owed = appointment.amountDue.compareTo(BigDecimal.ZERO) > 0 && !terms.paid() && !packagePays;
        payAtDesk = payAtDesk && owed;
        if (owed && !payAtDesk) {
            BigDecimal due = appointment.amountDue;
            String currency = appointment.currency;
            return Attempt.refused(Problem.worded(ErrorCode.PAYMENT_REQUIRED, locale -> Language.bundle(BookingMessages.class, locale)
                    .payFirst(Formats.money(due, currency, locale))));
        }
        AppointmentStatus to = terms.requiresApproval() ? AppointmentStatus.PENDING_APPROVAL : AppointmentStatus.CONFIRMED;
        String detail = payAtDesk ? TimelineDetail.confirmedToPayAtDesk(to == AppointmentStatus.PENDING_APPROVAL)
                : TimelineDetail.confirmed(to == AppointmentStatus.PENDING_APPROVAL, packagePays);
        if (!lifecycle.confirm(appointment, to, now, Actor.patient(leadId), detail, payAtDesk)) {
            // Another request changed it between our read and our write: report what it is now.
            AppointmentStatus current = lifecycle.currentStatus(appointmentId);
            if (current == AppointmentStatus.CONFIRMED || current == AppointmentStatus.PENDING_APPROVAL) {
                return new Attempt(current, null);
            }
            return Attempt.refused(current == AppointmentStatus.DRAFT || current == AppointmentStatus.EXPIRED
                    ? holdExpired() : invalidState(current));
        }
        if (packagePays) {
            redemptions.redeem(tenantId, leadId, patientPackageId, appointmentId, appointment.serviceId, appointment.centreId,
                    appointment.startsAt);
        }
        // counted where the booking changes, so a second click or a paid return counts once
        metrics.confirmed(to.name());
        return new Attempt(to, null);
    }

    /**
     * Why this held DRAFT cannot be confirmed now, if it cannot: the hold ran out, or a booking rule
     * is broken at this moment (rules are checked on hold and again here).
     */
    private Optional<Problem> refusal(Appointment appointment, Terms terms, Instant now) {
        if (!appointment.isHeldAt(now)) {
            return Optional.of(holdExpired());
        }
        // what the front desk went past when it held the time, with its reason, it is not refused again here
        boolean deskAllowed = appointment.deskReason != null;
        Optional<Problem> window = BookingWindow.refusals(now, terms.centre().zone(), terms.centre().policy(),
                appointment.startsAt).stream().filter(p -> !(deskAllowed && DeskOverrides.mayOverride(p.code()))).findFirst();
        if (window.isPresent()) {
            return window;
        }
        int others = holds.activeCount(appointment.tenantId, appointment.leadId, now) - 1;
        if (others >= terms.centre().policy().activeLimit() && !deskAllowed) {
            return Optional.of(new Problem(ErrorCode.ACTIVE_LIMIT_REACHED, BookingMessages.class, m -> m.activeLimit(others)));
        }
        return Optional.empty();
    }

    private Terms terms(Appointment appointment) {
        Object[] row = Appointment.getEntityManager().createQuery("""
                select c, t, cp, d.requiresApproval, sv.requiresApproval,
                       case when exists (select 1 from Payment p where p.id = a.paymentId and p.status = ?2) then true else false end
                from Appointment a
                join CentreRow c on c.id = a.centreId
                join Doctor d on d.id = a.doctorId
                join ServiceRow sv on sv.id = a.serviceId
                left join TenantPolicy t on t.tenantId = c.tenantId
                left join CentrePolicy cp on cp.centreId = c.id
                where a.id = ?1""", Object[].class)
                .setParameter(1, appointment.id).setParameter(2, PaymentStatus.SUCCEEDED)
                .getResultStream().findFirst().orElseThrow();
        return new Terms(ClinicCatalog.centre((CentreRow) row[0], (TenantPolicy) row[1], (CentrePolicy) row[2]),
                (Boolean) row[3] || (Boolean) row[4], (Boolean) row[5]);
    }

    static Problem holdExpired() {
        return new Problem(ErrorCode.HOLD_EXPIRED, BookingMessages.class, BookingMessages::holdExpired);
    }

    static Problem invalidState(AppointmentStatus status) {
        return Problem.worded(ErrorCode.INVALID_STATE, locale -> Language.bundle(BookingMessages.class, locale)
                .invalidState(Language.bundle(AppointmentMessages.class, locale).statusWord(status.name())));
    }
}
