package health.leap.portal.booking;

import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.appointments.AppointmentLifecycle.Actor;
import health.leap.portal.appointments.AppointmentLifecycle.Booking;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.Overlaps;
import health.leap.portal.appointments.Ownership;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.AmountDue;
import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.clinic.BookingWindow;
import health.leap.portal.clinic.DeskOverrides;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.clinic.ClinicService;
import health.leap.portal.clinic.TenantPolicy;
import health.leap.portal.gateway.Payment;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.appointments.AppointmentMessages;
import health.leap.portal.patient.Lead;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Holding a time: a DRAFT appointment that keeps the doctor from the slot's start for the service's
 * length, for the hold length. The database's exclusion constraint (no two active bookings of one
 * doctor overlap) decides every race, across any number of portal instances.
 */
@ApplicationScoped
public class HoldService {
    private final Clock clock;
    private final AppointmentLifecycle lifecycle;
    private final HoldLength holdLength;
    private final Overlaps overlaps;
    private final Ownership ownership;
    private final ClinicCatalog catalog;

    public HoldService(Clock clock, AppointmentLifecycle lifecycle, HoldLength holdLength, Overlaps overlaps,
                       Ownership ownership, ClinicCatalog catalog) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.holdLength = holdLength;
        this.overlaps = overlaps;
        this.ownership = ownership;
        this.catalog = catalog;
    }

    /** A refusal that names the patient's open hold, so the page can offer to continue or release it. */
    public static class OpenDraft extends Problem {
        private final long draftId;

        OpenDraft(long draftId) {
            super(ErrorCode.DRAFT_OPEN, BookingMessages.class, BookingMessages::draftOpen);
            this.draftId = draftId;
        }

        public long draftId() {
            return draftId;
        }
    }

    /** Places a hold and returns the new DRAFT's id. */
    @Transactional
    public long hold(long tenantId, long leadId, long slotId, long serviceId, boolean releaseOpenDraft) {
        return hold(tenantId, leadId, slotId, serviceId, releaseOpenDraft, DeskOverrides.Desk.NONE);
    }

    /**
     * Places a hold and returns the new DRAFT's id; the front desk acting for the patient ({@code desk})
     * may go past the minimum advance, the same-day rules and the active limit with a reason
     * ({@link DeskOverrides}), never past the maximum advance nor the doctor's schedule.
     */
    @Transactional
    public long hold(long tenantId, long leadId, long slotId, long serviceId, boolean releaseOpenDraft, DeskOverrides.Desk desk) {
        Instant now = clock.instant();
        // A time someone else already holds is refused at once, before any lock: when a clinic opens its
        // calendar, most of a burst of holds on one time lose. The exclusion constraint still decides every race.
        if (heldByAnother(tenantId, leadId, slotId, now)) {
            throw slotTaken();
        }
        // One patient's writes run one at a time: the active limit cannot be overrun by two tabs.
        Lead.lockForChanges(tenantId, leadId);
        BookableSlot slot = bookableSlot(slotId, serviceId).orElseThrow(() -> Problem.notFound(BookingMessages.class, BookingMessages::timeNotFound));
        if (slot.tenantId() != tenantId) {
            throw Problem.forbidden(BookingMessages.class, BookingMessages::timeNotYours);
        }
        if (slot.service() == null) {
            throw new Problem(ErrorCode.SERVICE_NOT_OFFERED, BookingMessages.class,
                    m -> m.serviceNotOfferedAt(slot.centre().name()));
        }
        if (!slot.fits()) {
            throw new Problem(ErrorCode.SERVICE_DOES_NOT_FIT, BookingMessages.class,
                    m -> m.serviceDoesNotFit(slot.service().name(), slot.service().durationMinutes()));
        }
        BookingPolicy policy = slot.centre().policy();
        Set<ErrorCode> overridden = EnumSet.noneOf(ErrorCode.class);
        BookingWindow.refusals(now, slot.centre().zone(), policy, slot.startsAt())
                .forEach(p -> overridden.add(DeskOverrides.pastOrThrow(p, desk)));
        if (slot.startsAt().isBefore(now)) {
            // not even a walk-in books a time that has begun
            throw new Problem(ErrorCode.TOO_SOON, BookingMessages.class, BookingMessages::timeHasBegun);
        }
        Optional<Appointment> openDraft = Appointment.find(
                "tenantId = ?1 and leadId = ?2 and status = ?3 and holdExpiresAt > ?4 order by id",
                tenantId, leadId, AppointmentStatus.DRAFT, now).firstResultOptional();
        if (openDraft.isPresent()) {
            if (!releaseOpenDraft) {
                throw new OpenDraft(openDraft.get().id);
            }
            lifecycle.transition(openDraft.get(), AppointmentStatus.CANCELLED, now, Actor.patient(leadId),
                    TimelineDetail.releasedForAnother());
        }
        overlaps.refusal(tenantId, leadId, slot.startsAt(), slot.endsAt(), now, 0).ifPresent(p -> {
            throw p;
        });
        int active = activeCount(tenantId, leadId, now);
        if (active >= policy.activeLimit()) {
            overridden.add(DeskOverrides.pastOrThrow(
                    new Problem(ErrorCode.ACTIVE_LIMIT_REACHED, BookingMessages.class, m -> m.activeLimit(active)), desk));
        }
        Duration length = holdLength.at(slot.centre().id(), policy);
        Booking booking = new Booking(tenantId, leadId, slot.id(), slot.doctorId(), slot.centre().id(), slot.service().id(),
                slot.startsAt(), slot.endsAt(), AmountDue.of(slot.service()), slot.service().currency().trim());
        return lifecycle.hold(booking, now.plus(length), now, TimelineDetail.heldFor(length), overridden, desk.reason())
                .orElseThrow(HoldService::slotTaken);
    }

    /**
     * Keeps a running hold for one more hold length, as often as the centre allows (once by default),
     * and only in its last {@link AppointmentLifecycle#EXTENSION_OFFERED} (the page's warning offers it then): kept the moment
     * it was made, every hold would last twice its length. The write is a compare-and-set on the hold as
     * read, so two clicks keep it once; a hold that has passed, or was confirmed or released meanwhile,
     * is not kept.
     */
    @Transactional
    public void extend(long tenantId, long leadId, long appointmentId) {
        Instant now = clock.instant();
        Appointment held = ownership.appointment(tenantId, leadId, appointmentId);
        if (!held.isHeldAt(now)) {
            throw ConfirmService.holdExpired();
        }
        Centre centre = catalog.centre(held.centreId);
        if (held.holdExtensionsUsed >= centre.policy().holdExtensions()) {
            throw extensionUsed();
        }
        if (Duration.between(now, held.holdExpiresAt).compareTo(AppointmentLifecycle.EXTENSION_OFFERED) > 0) {
            throw new Problem(ErrorCode.HOLD_EXTENSION_NOT_YET, BookingMessages.class, BookingMessages::holdExtensionNotYet);
        }
        if (!lifecycle.extendHold(held, holdLength.at(centre.id(), centre.policy()), now)) {
            // another click won meanwhile, or the hold ended: say which, as it stands now
            boolean stillHeld = Appointment.countWhere("id = ?1 and status = ?2 and holdExpiresAt > ?3", appointmentId,
                    AppointmentStatus.DRAFT, now) > 0;
            throw stillHeld ? extensionUsed() : ConfirmService.holdExpired();
        }
    }

    /**
     * The front desk sends the patient a link to pay for their held time: the hold is kept {@code hours}
     * from now (at most the clinic's limit, and never past the visit's start), the timeline says so and
     * the patient is emailed the link to the booking's page, where paying confirms it as online. An
     * unpaid link lapses with the hold. Returns until when the time is kept.
     */
    @Transactional
    public Instant keepForPaymentLink(long tenantId, long leadId, long appointmentId, int hours) {
        Lead.lockForChanges(tenantId, leadId);
        Instant now = clock.instant();
        Appointment held = ownership.appointment(tenantId, leadId, appointmentId);
        if (!held.isHeldAt(now)) {
            throw ConfirmService.holdExpired();
        }
        boolean paid = held.paymentId != null && Payment.count("id = ?1 and status = ?2", held.paymentId, PaymentStatus.SUCCEEDED) > 0;
        if (held.amountDue.signum() == 0 || paid) {
            throw new Problem(ErrorCode.NOTHING_TO_PAY, BookingMessages.class, BookingMessages::nothingToPayByLink);
        }
        int limit = TenantPolicy.<TenantPolicy>findByIdOptional(tenantId).map(p -> p.paymentLinkHoldHours).orElse(48);
        if (hours < 1 || hours > limit) {
            throw Problem.badRequest(AppointmentMessages.class, m -> m.paymentLinkTooLong(limit));
        }
        Instant until = now.plus(Duration.ofHours(hours));
        if (until.isAfter(held.startsAt)) {
            until = held.startsAt;
        }
        if (!lifecycle.holdForPaymentLink(held, until, now, Actor.patient(leadId))) {
            throw ConfirmService.holdExpired();
        }
        return until.isAfter(held.holdExpiresAt) ? until : held.holdExpiresAt;
    }

    private static Problem extensionUsed() {
        return new Problem(ErrorCode.HOLD_EXTENSION_USED, BookingMessages.class, BookingMessages::holdExtensionUsed);
    }

    private static Problem slotTaken() {
        return new Problem(ErrorCode.SLOT_TAKEN, BookingMessages.class, BookingMessages::slotTaken);
    }

    /** Whether another patient of the tenant has the slot: booked, or held with the hold still running. */
    private boolean heldByAnother(long tenantId, long leadId, long slotId, Instant now) {
        return Appointment.countWhere("""
                slotId = ?1 and tenantId = ?2 and leadId <> ?3
                and (status in (?4, ?5, ?6) or (status = ?7 and holdExpiresAt > ?8))""",
                slotId, tenantId, leadId, AppointmentStatus.PENDING_APPROVAL, AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN,
                AppointmentStatus.DRAFT, now) > 0;
    }

    /** DRAFT, PENDING_APPROVAL, CONFIRMED and CHECKED_IN count; a DRAFT whose hold passed does not. */
    public int activeCount(long tenantId, long leadId, Instant now) {
        return (int) Appointment.countWhere("""
                tenantId = ?1 and leadId = ?2 and (status in (?3, ?4, ?5) or (status = ?6 and holdExpiresAt > ?7))""",
                tenantId, leadId, AppointmentStatus.PENDING_APPROVAL, AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN,
                AppointmentStatus.DRAFT, now);
    }

    private Optional<BookableSlot> bookableSlot(long slotId, long serviceId) {
        return NativeSql.one("""
                select s.id as slot_id, s.tenant_id as slot_tenant, s.doctor_id, s.starts_at, f.until,
                       f.until <= s.ends_at
                           or (select range_agg(tstzrange(b.starts_at, b.ends_at)) from slot b
                               where b.doctor_id = s.doctor_id and b.centre_id = s.centre_id
                                 and b.starts_at >= s.starts_at and b.starts_at < f.until)
                              @> tstzrange(s.starts_at, f.until) as fits,
                       d.requires_approval as doctor_requires_approval,
                       c.id, c.name, c.address, c.timezone, c.phone,
                       sv.id as service_id, sv.name as service_name, sv.duration_minutes, sv.fee, sv.currency,
                       sv.payment_mode, sv.token_amount, sv.advance_percent, sv.requires_approval,
                """ + BookingPolicy.EFFECTIVE_COLUMNS + """

                from slot s
                join doctor d on d.id = s.doctor_id
                join centre c on c.id = s.centre_id
                left join offering o on o.doctor_id = s.doctor_id and o.centre_id = s.centre_id and o.service_id = ?
                left join service sv on sv.id = o.service_id
                cross join lateral (select s.starts_at + make_interval(mins => coalesce(sv.duration_minutes, 0)) as until) f
                """ + BookingPolicy.EFFECTIVE_JOINS + """

                where s.id = ?""", rs -> {
            ClinicService service = ClinicService.fromRow(rs);
            return new BookableSlot(rs.getLong("slot_id"), rs.getLong("slot_tenant"), rs.getLong("doctor_id"),
                    rs.getBoolean("doctor_requires_approval"), ClinicCatalog.centre(rs), rs.instant("starts_at"),
                    rs.instant("until"), rs.getBoolean("fits"), service);
        }, serviceId, slotId);
    }
}
