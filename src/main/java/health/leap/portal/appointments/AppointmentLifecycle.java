package health.leap.portal.appointments;

import health.leap.portal.patient.Caller;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of {@code appointment} and its timeline. Every change of a booking's status is a
 * compare-and-set on the status its caller read, and the change, its timeline line (actor and
 * wording) and what a cancellation gives back ({@link Cancellations}) are written together here, in
 * the caller's transaction. Features decide whether a change is allowed; this class makes it, and
 * never makes a move the lifecycle itself does not allow ({@link AppointmentStatus#canMoveTo}).
 * <p>
 * Inserts and sweeps are native SQL through the session because PostgreSQL is the point there:
 * {@code ON CONFLICT DO NOTHING} on the exclusion constraint {@code appointment_doctor_booked_once} (no
 * two active bookings of one doctor overlap) decides every race for a doctor's time, and
 * {@code FOR UPDATE SKIP LOCKED} lets several instances sweep at once. The single-row compare-and-sets
 * are SQL too: Hibernate 7.2 keeps no translated plan of an HQL update, so each one paid its
 * translation again (a tenth of a booking's time).
 * <p>
 * Every timeline line is also announced as a {@link BookingChanged} to synchronous observers, in the
 * same transaction, so what follows from a change (the patient's email) is written with it or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AppointmentLifecycle {

    /** The statuses that keep the doctor's time; the exclusion constraint's predicate lists the same. */
    private static final String KEEPS_THE_SLOT = "status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')";
    /** The cancel reason of a booking the clinic did not decide in time, in {@link TimelineDetail}'s form. */
    static final String NOT_DECIDED = TimelineDetail.notDecided();

    private final Cancellations cancellations;
    private final Event<BookingChanged> changed;
    private final Caller caller;

    public AppointmentLifecycle(Cancellations cancellations, Event<BookingChanged> changed, Caller caller) {
        this.cancellations = cancellations;
        this.changed = changed;
        this.caller = caller;
    }

    /** Who made a change, as the timeline names them. */
    public record Actor(ActorType type, String id) {
        public static final Actor SYSTEM = new Actor(ActorType.SYSTEM, null);

        public static Actor patient(long leadId) {
            return new Actor(ActorType.PATIENT, String.valueOf(leadId));
        }

        public static Actor staff(String user) {
            return new Actor(ActorType.STAFF, user);
        }

        /** A guardian (their lead id) who acted for the patient under the clinic's family link. */
        public static Actor guardian(long guardianLeadId) {
            return new Actor(ActorType.GUARDIAN, String.valueOf(guardianLeadId));
        }
    }

    /** A time to book: the slot with its doctor, centre and times, the service and what is due for it. */
    public record Booking(long tenantId, long leadId, long slotId, long doctorId, long centreId, long serviceId,
                          Instant startsAt, Instant endsAt, BigDecimal amountDue, String currency) {
    }

    /**
     * Holds the doctor's time for the patient until {@code until}; empty when another booking has any of
     * it. {@code overridden} names the patient's online rules the front desk went past for this booking,
     * with {@code deskReason}: the booking keeps the reason (its confirmation does not refuse what the
     * desk allowed) and its timeline says which rules and why.
     */
    public Optional<Long> hold(Booking b, Instant until, Instant now, String detail, Set<ErrorCode> overridden,
                               String deskReason) {
        expirePassedHoldsOverlapping(b.doctorId(), b.startsAt(), b.endsAt(), now);
        String keptReason = overridden.isEmpty() ? null : deskReason;
        Optional<Long> id = NativeSql.one("""
                insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                         status, hold_expires_at, amount_due, currency, desk_reason, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)
                on conflict do nothing returning id""", rs -> rs.getLong(1),
                b.tenantId(), b.leadId(), b.slotId(), b.doctorId(), b.centreId(), b.serviceId(), b.startsAt(), b.endsAt(),
                until, b.amountDue(), b.currency(), keptReason, now, now);
        id.ifPresent(held -> {
            record(b.tenantId(), held, now, Actor.patient(b.leadId()), null, AppointmentStatus.DRAFT, detail);
            if (keptReason != null) {
                record(b.tenantId(), held, now, Actor.patient(b.leadId()), AppointmentStatus.DRAFT, AppointmentStatus.DRAFT,
                        TimelineDetail.deskOverride(overridden, keptReason));
            }
        });
        return id;
    }

    /**
     * A hold is offered to be kept longer in its last two minutes, beside the page's first warning (and
     * its one-minute one), never before: kept the moment it was made, every hold would last twice its length.
     */
    public static final Duration EXTENSION_OFFERED = Duration.ofMinutes(2);

    /**
     * Keeps a hold longer: a compare-and-set on the hold as it was read (its end and how often it was
     * kept), so two clicks or two tabs keep it once, and a hold that has passed meanwhile is not kept.
     * False when it changed or passed.
     */
    public boolean extendHold(Appointment held, Duration by, Instant now) {
        Instant until = held.holdExpiresAt.plus(by);
        boolean won = NativeSql.update("""
                update appointment set hold_expires_at = ?, hold_extensions_used = ?, updated_at = ?
                where id = ? and status = ? and hold_expires_at = ? and hold_expires_at > ? and hold_extensions_used = ?""",
                until, held.holdExtensionsUsed + 1, now, held.id, AppointmentStatus.DRAFT, held.holdExpiresAt, now,
                held.holdExtensionsUsed) == 1;
        if (won) {
            record(held.tenantId, held.id, now, Actor.patient(held.leadId), AppointmentStatus.DRAFT, AppointmentStatus.DRAFT,
                    TimelineDetail.holdExtended(by));
        }
        return won;
    }

    /**
     * Keeps a running hold until {@code until} for the payment link the front desk sent the patient
     * (never shorter than it already runs); false when the hold passed or was confirmed or released meanwhile.
     */
    public boolean holdForPaymentLink(Appointment held, Instant until, Instant now, Actor actor) {
        boolean won = NativeSql.update("""
                update appointment set hold_expires_at = greatest(hold_expires_at, ?), updated_at = ?
                where id = ? and status = ? and hold_expires_at > ?""",
                until, now, held.id, AppointmentStatus.DRAFT, now) == 1;
        if (won) {
            record(held.tenantId, held.id, now, actor, AppointmentStatus.DRAFT, AppointmentStatus.DRAFT,
                    TimelineDetail.paymentLinkSent(Duration.between(now, until)));
        }
        return won;
    }

    /**
     * Confirms a DRAFT only while its hold lasts, so a confirm racing the expiry sweep cannot both win;
     * false when it is no longer a held DRAFT.
     */
    public boolean confirm(Appointment draft, AppointmentStatus to, Instant now, Actor actor, String detail) {
        return confirm(draft, to, now, actor, detail, false);
    }

    /**
     * {@link #confirm(Appointment, AppointmentStatus, Instant, Actor, String)}, the amount due to be paid
     * at the clinic's desk when {@code payAtDesk} (the front desk's choice for the patient).
     */
    public boolean confirm(Appointment draft, AppointmentStatus to, Instant now, Actor actor, String detail, boolean payAtDesk) {
        if (!AppointmentStatus.DRAFT.canMoveTo(to)) {
            throw new IllegalArgumentException("a hold is not confirmed as " + to);
        }
        boolean won = NativeSql.update("""
                update appointment set status = ?, pay_at_desk = ?, updated_at = ?
                where id = ? and status = ? and hold_expires_at > ?""",
                to, payAtDesk, now, draft.id, AppointmentStatus.DRAFT, now) == 1;
        if (won) {
            record(draft.tenantId, draft.id, now, actor, AppointmentStatus.DRAFT, to, detail);
        }
        return won;
    }

    /**
     * Moves the booking from the status it was read in to {@code to}; false when the lifecycle allows no
     * such move from that status, or the status changed meanwhile.
     */
    public boolean transition(Appointment appointment, AppointmentStatus to, Instant now, Actor actor, String detail) {
        AppointmentStatus from = appointment.status;
        if (!from.canMoveTo(to)) {
            return false;
        }
        boolean won = NativeSql.update("update appointment set status = ?, updated_at = ? where id = ? and status = ?",
                to, now, appointment.id, from) == 1;
        if (won) {
            record(appointment.tenantId, appointment.id, now, actor, from, to, detail);
        }
        return won;
    }

    /**
     * Cancels the booking from the status it was read in, keeps {@code reason} to show the patient and
     * gives back what it took; the timeline says {@code wording} (best in {@link TimelineDetail}'s form,
     * e.g. {@link TimelineDetail#cancelled}) and what was given back. Empty when a booking in that status
     * cannot be cancelled, or it changed meanwhile.
     */
    public Optional<Cancellations.GivenBack> cancel(Appointment appointment, String reason, Instant now, Actor actor,
                                                    String wording) {
        return cancel(appointment, reason, now, actor, wording, true);
    }

    /**
     * {@link #cancel(Appointment, String, Instant, Actor, String)}; when {@code giveBack} is false (the
     * front desk's choice for a cancellation inside the window) nothing paid is refunded and no package
     * session comes back, and the timeline says so.
     */
    public Optional<Cancellations.GivenBack> cancel(Appointment appointment, String reason, Instant now, Actor actor,
                                                    String wording, boolean giveBack) {
        AppointmentStatus from = appointment.status;
        if (!from.canMoveTo(AppointmentStatus.CANCELLED)
                || NativeSql.update("update appointment set status = ?, cancel_reason = ?, updated_at = ? where id = ? and status = ?",
                AppointmentStatus.CANCELLED, reason, now, appointment.id, from) == 0) {
            return Optional.empty();
        }
        Cancellations.GivenBack givenBack = giveBack ? cancellations.giveBack(appointment.id, appointment.paymentId)
                : new Cancellations.GivenBack(false, false);
        record(appointment.tenantId, appointment.id, now, actor, from, AppointmentStatus.CANCELLED,
                giveBack ? TimelineDetail.givenBack(wording, givenBack) : TimelineDetail.withoutRefund(wording));
        return Optional.of(givenBack);
    }

    /**
     * Records the amount due paid at the clinic's desk, with the desk's reference (card terminal, cash);
     * false when the booking is not one to pay at the desk, or was recorded paid already.
     */
    public boolean paidAtDesk(Appointment appointment, String reference, Instant now, Actor actor) {
        boolean won = NativeSql.update("""
                update appointment set desk_paid_at = ?, desk_payment_reference = ?, updated_at = ?
                where id = ? and pay_at_desk and desk_paid_at is null""", now, reference, now, appointment.id) == 1;
        if (won) {
            record(appointment.tenantId, appointment.id, now, actor, appointment.status, appointment.status,
                    TimelineDetail.paidAtDesk(reference));
        }
        return won;
    }

    /** Ties the payment just started to the held DRAFT it pays for. */
    public void attachPayment(long appointmentId, long paymentId, Instant now) {
        NativeSql.update("update appointment set payment_id = ?, updated_at = ? where id = ? and status = ?",
                paymentId, now, appointmentId, AppointmentStatus.DRAFT);
    }

    /** Where a booking is moved to, and in which status it arrives there. */
    public record Move(long slotId, long doctorId, long centreId, Instant startsAt, Instant endsAt, AppointmentStatus status) {
    }

    /**
     * Moves the booking: it becomes RESCHEDULED and a new booking at the target takes over its
     * service, payment and count of moves. Returns the new booking's id.
     */
    public long move(Appointment old, Move to, Instant now, Actor actor) {
        return move(old, to, now, actor, Set.of(), null);
    }

    /**
     * {@link #move(Appointment, Move, Instant, Actor)} by the front desk past the patient's online rules
     * {@code overridden} (none for a patient), for the reason it gave: the new booking's timeline says so.
     */
    public long move(Appointment old, Move to, Instant now, Actor actor, Set<ErrorCode> overridden, String deskReason) {
        expirePassedHoldsOverlapping(to.doctorId(), to.startsAt(), to.endsAt(), now);
        if (!old.status.canMoveTo(AppointmentStatus.RESCHEDULED)
                || NativeSql.update("update appointment set status = ?, updated_at = ? where id = ? and status = ?",
                AppointmentStatus.RESCHEDULED, now, old.id, old.status) == 0) {
            throw new Problem(ErrorCode.INVALID_STATE, AppointmentMessages.class, AppointmentMessages::changedMeanwhile);
        }
        long moved = NativeSql.one("""
                insert into appointment (tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at,
                                         status, amount_due, currency, payment_id, rescheduled_from_id, reschedule_count,
                                         created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing returning id""", rs -> rs.getLong(1),
                old.tenantId, old.leadId, to.slotId(), to.doctorId(), to.centreId(), old.serviceId, to.startsAt(),
                to.endsAt(), to.status(), old.amountDue, old.currency, old.paymentId, old.id, old.rescheduleCount + 1,
                now, now).orElseThrow(() -> new Problem(ErrorCode.SLOT_TAKEN, AppointmentMessages.class,
                AppointmentMessages::slotTakenNotMoved));
        record(old.tenantId, old.id, now, actor, old.status, AppointmentStatus.RESCHEDULED, TimelineDetail.movedTo(moved));
        record(old.tenantId, moved, now, actor, null, to.status(),
                TimelineDetail.movedFrom(old.id, to.status() == AppointmentStatus.PENDING_APPROVAL));
        if (!overridden.isEmpty() && deskReason != null) {
            record(old.tenantId, moved, now, actor, to.status(), to.status(), TimelineDetail.deskOverride(overridden, deskReason));
        }
        return moved;
    }

    private record Ended(long id, long tenantId, Long paymentId, AppointmentStatus from) {
    }

    /** Marks up to {@code limit} passed holds EXPIRED, giving back what they took; returns how many. */
    public int expirePassedHolds(int limit, Instant now) {
        return expired(NativeSql.list("""
                update appointment set status = 'EXPIRED', updated_at = ?
                where id in (select id from appointment
                             where status = 'DRAFT' and hold_expires_at <= ?
                             order by hold_expires_at
                             limit ? for update skip locked)
                  and status = 'DRAFT'
                returning id, tenant_id, payment_id""", AppointmentLifecycle::ended, now, now, limit), now);
    }

    /**
     * A constraint cannot see the clock, so a DRAFT keeps the doctor's time until it is marked EXPIRED:
     * a hold, and a move, expire the passed holds that overlap their time first, then let the
     * constraint decide.
     */
    private void expirePassedHoldsOverlapping(long doctorId, Instant startsAt, Instant endsAt, Instant now) {
        expired(NativeSql.list("""
                update appointment set status = 'EXPIRED', updated_at = ?
                where doctor_id = ? and starts_at < ? and starts_at > ?::timestamptz - interval '8 hours' and ends_at > ?
                  and\s""" + KEEPS_THE_SLOT + """
                  and status = 'DRAFT' and hold_expires_at <= ?
                returning id, tenant_id, payment_id""", AppointmentLifecycle::ended, now, doctorId, endsAt, startsAt, startsAt, now),
                now);
    }

    private int expired(List<Ended> expired, Instant now) {
        for (Ended e : expired) {
            record(e.tenantId(), e.id(), now, Actor.SYSTEM, AppointmentStatus.DRAFT, AppointmentStatus.EXPIRED,
                    TimelineDetail.holdExpired(cancellations.giveBack(e.id(), e.paymentId())));
        }
        return expired.size();
    }

    private static Ended ended(Row rs) {
        return new Ended(rs.getLong("id"), rs.getLong("tenant_id"), rs.nullableLong("payment_id"), AppointmentStatus.DRAFT);
    }

    /**
     * Cancels up to {@code limit} bookings whose time came while they still waited for the clinic's
     * approval, giving back what they took; returns how many.
     */
    public int cancelUndecided(int limit, Instant now) {
        List<Ended> undecided = NativeSql.list("""
                update appointment set status = 'CANCELLED', cancel_reason = ?, updated_at = ?
                where id in (select id from appointment
                             where status = 'PENDING_APPROVAL' and starts_at <= ?
                             order by starts_at
                             limit ? for update skip locked)
                  and status = 'PENDING_APPROVAL'
                returning id, tenant_id, payment_id""", rs -> new Ended(rs.getLong(1), rs.getLong(2),
                rs.nullableLong("payment_id"), AppointmentStatus.PENDING_APPROVAL), NOT_DECIDED, now, now, limit);
        for (Ended u : undecided) {
            record(u.tenantId(), u.id(), now, Actor.SYSTEM, u.from(), AppointmentStatus.CANCELLED,
                    TimelineDetail.givenBack(NOT_DECIDED, cancellations.giveBack(u.id(), u.paymentId())));
        }
        return undecided.size();
    }

    /** A visit the completion job ended: from which status, and to which. */
    private record EndedVisit(long id, long tenantId, AppointmentStatus from, AppointmentStatus to) {
    }

    /**
     * Ends up to {@code limit} CONFIRMED or CHECKED_IN visits whose tenant's grace after their end has
     * passed ({@code defaultGraceMinutes} where the tenant has none); returns how many. A visit the
     * patient was checked in for is COMPLETED; one nobody marked becomes what the clinic chose for such
     * visits ({@code booking_policy.unmarked_visits}: COMPLETED, the default, or NO_SHOW).
     */
    public int completePassedVisits(int limit, int defaultGraceMinutes, Instant now) {
        // the grace is per tenant, so the partial index on ends_at finds the candidates and the
        // policy decides which of them are due, and what an unmarked one becomes
        List<EndedVisit> ended = NativeSql.list("""
                with due as (
                    select a.id, a.status,
                           case when a.status = 'CONFIRMED' and bp.unmarked_visits = 'NO_SHOW' then 'NO_SHOW'
                                else 'COMPLETED' end as outcome
                    from appointment a
                    left join booking_policy bp on bp.tenant_id = a.tenant_id
                    where a.status in ('CONFIRMED', 'CHECKED_IN') and a.ends_at <= ?
                      and a.ends_at + make_interval(mins => coalesce(bp.visit_grace_minutes, ?)) <= ?
                    order by a.ends_at
                    limit ? for update of a skip locked)
                update appointment a set status = due.outcome, updated_at = ?
                from due
                where a.id = due.id and a.status = due.status
                returning a.id, a.tenant_id, due.status, due.outcome""",
                rs -> new EndedVisit(rs.getLong(1), rs.getLong(2), AppointmentStatus.valueOf(rs.getString(3)),
                        AppointmentStatus.valueOf(rs.getString(4))),
                now, defaultGraceMinutes, now, limit, now);
        for (EndedVisit e : ended) {
            record(e.tenantId(), e.id(), now, Actor.SYSTEM, e.from(), e.to(),
                    e.to() == AppointmentStatus.NO_SHOW ? TimelineDetail.noShowUnmarked() : TimelineDetail.completedUnmarked());
        }
        return ended.size();
    }

    /** A line on the timeline that changes no status, such as a refund settling ({@link TimelineDetail#refund}). */
    public void note(long tenantId, long appointmentId, AppointmentStatus status, Instant now, Actor actor, String detail) {
        record(tenantId, appointmentId, now, actor, status, status, detail);
    }

    /** The status as the database has it now, past anything this session read before. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppointmentStatus currentStatus(long appointmentId) {
        return Appointment.getEntityManager().createQuery("select a.status from Appointment a where a.id = ?1", AppointmentStatus.class)
                .setParameter(1, appointmentId).getResultStream().findFirst().orElseThrow();
    }

    private void record(long tenantId, long appointmentId, Instant at, Actor actor, AppointmentStatus from,
                        AppointmentStatus to, String detail) {
        // the last guard of the table: a sweep's SQL that drifted from it rolls its transaction back
        if (!AppointmentStatus.allows(from, to)) {
            throw new IllegalStateException("the lifecycle has no move " + from + " → " + to);
        }
        actor = actingFor(actor);
        AppointmentEvent event = new AppointmentEvent();
        event.tenantId = tenantId;
        event.appointmentId = appointmentId;
        event.at = at;
        event.actorType = actor.type();
        event.actorId = actor.id();
        event.fromStatus = from;
        event.toStatus = to;
        event.detail = detail;
        event.persist();
        changed.fire(new BookingChanged(tenantId, appointmentId, at, actor, from, to, detail));
    }

    /**
     * The patient's own change made by someone acting for them: by their guardian, when the request is a
     * guardian's acting for that patient (the link checked in the database on this request), the timeline
     * names the guardian; by the front desk acting for the patient, it names the staff member.
     */
    private Actor actingFor(Actor actor) {
        if (actor.type() != ActorType.PATIENT || !Arc.container().requestContext().isActive() || !caller.isPatient()
                || !actor.id().equals(String.valueOf(caller.leadId()))) {
            return actor;
        }
        if (caller.isDesk()) {
            return Actor.staff(caller.userName());
        }
        Long guardian = caller.guardianLeadId();
        return guardian != null ? Actor.guardian(guardian) : actor;
    }
}
