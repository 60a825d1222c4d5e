package health.leap.portal.demo;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentEvent;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.VisitCompletion;
import health.leap.portal.booking.HoldExpiry;
import health.leap.portal.clinic.CentreRow;
import health.leap.portal.doctors.SlotGenerator;
import health.leap.portal.packages.PackageExpiry;
import health.leap.portal.packages.PackageStatus;
import health.leap.portal.patient.Tenant;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.PortalConfig;
import health.leap.portal.platform.Row;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Two clinics with doctors, patients, packages and a booking history in every state, laid out around
 * the clock's "now" so that the demo looks the same on any date. Ids below 100000 are fixed because
 * the identity provider's users and the tests name them:
 * <ul>
 *   <li>tenants 1 Harbour Health (London) and 2 Sunrise Clinics (New York); centres 1–3 and 11–12;
 *       services 101–105 and 111–115; doctors 201–206 and 211–216; patients (leads) 1–7 and 11–16;</li>
 *   <li>appointments 501–512 Amelia (lead 1), 513–514 her daughter Mia (lead 6, booked by Amelia),
 *       521–523 and 529 Oliver (lead 2; 529 due in Dublin today), 524–525 Isla (lead 3, an open hold and
 *       a visit of today), 530 Jack (lead 7, due today, to pay at the desk), 526–528 Noah (lead 4), 531–535 Maya (lead 11), 536 Robert (lead 16, booked by
 *       his son Ethan, lead 12), 541 Chloe (lead 13, too close to cancel), 542 Chloe (hours from now, for Sunrise's
 *       desk to move and cancel); payments 601–606, refund 701; a free time for a walk-in at London Bridge
 *       within the next two hours;</li>
 *   <li>packages 301–303 and 311; patient packages 401–407 (407 is Leo's, lead 5); redemptions 801–808;</li>
 *   <li>family links 901–906: Amelia for Leo (5) and Mia (6), Oliver for Jack (7, ended at 18), Ethan for
 *       Robert (16); ended by the front desk, Isla for Noah and Maya for Lucía.</li>
 * </ul>
 * What does not depend on the day (clinics, rules, centres, services, doctors, patients, packages) is
 * {@code demo/clinic.sql}, run in one round trip; the rest is written around "now" here, in a few
 * set-based statements, the timeline lines as entities. The demo is seed data, not a change: it is the
 * one class the architecture lets write every table, and the read-only reference entities stay
 * {@code @Immutable} because it writes them by SQL.
 */
@ApplicationScoped
public class DemoData {

    private static final LocalTime TEN = LocalTime.of(10, 0);
    /** The part of the demo that does not depend on the day it is loaded, run in one round trip. */
    private static final String CLINIC = resource("/demo/clinic.sql");
    private final SlotGenerator slots;
    private final Clock clock;
    private final boolean enabled;
    private final HoldExpiry holdExpiry;
    private final VisitCompletion visitCompletion;
    private final PackageExpiry packageExpiry;

    public DemoData(SlotGenerator slots, Clock clock, PortalConfig config, HoldExpiry holdExpiry,
                    VisitCompletion visitCompletion, PackageExpiry packageExpiry) {
        this.slots = slots;
        this.clock = clock;
        this.enabled = config.demoData();
        this.holdExpiry = holdExpiry;
        this.visitCompletion = visitCompletion;
        this.packageExpiry = packageExpiry;
    }

    /**
     * Flyway has migrated by the time the application starts. The sweeps' first scheduled runs come
     * while the data is still loading, and the next ones minutes later: until then the demo's past
     * would stand as it was written (Noah's unmarked visits filling his limit), so they run once now.
     */
    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
            tidyThePast();
        }
    }

    private static String resource(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the jobs do with the time that passed: holds run out, visits nobody marked, packages ended. */
    void tidyThePast() {
        holdExpiry.sweep();
        visitCompletion.sweep();
        packageExpiry.sweep();
    }

    /** Loads everything, or nothing when tenant 1 already exists: loading twice changes nothing. */
    @Transactional
    public void load() {
        if (Tenant.findById(1L) != null) {
            return;
        }
        // whole minutes read better in the timelines than the clock's microseconds
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        NativeSql.update(CLINIC);
        families(now);
        patientPackages(now);
        // far enough back for the oldest visit of the history below
        slots.generate(today.minusDays(120), today.plusDays(slots.daysAhead()));
        new History(now, today).write();
    }

    /** Who may book for whom, as the clinic's front desk linked them: each link made, audited, by "front-desk". */
    private void families(Instant now) {
        // the last two the front desk ended, one per clinic: Isla once booked for her partner Noah, Maya for Lucía
        NativeSql.update("""
                with link as (
                    insert into family_link (id, tenant_id, guardian_lead_id, dependant_lead_id, relationship, ends_on, linked_by,
                                             linked_at, ended_by, ended_at)
                    overriding system value
                    values (901, 1, 1, 5, 'CHILD', date '2035-04-09', 'front-desk', ?, null, null),
                           (902, 1, 1, 6, 'CHILD', date '2031-09-21', 'front-desk', ?, null, null),
                           (903, 1, 2, 7, 'CHILD', date '2025-06-02', 'front-desk', ?, null, null),
                           (904, 2, 12, 16, 'PARENT', null, 'front-desk', ?, null, null),
                           (905, 1, 3, 4, 'PARTNER', null, 'front-desk', ?, 'front-desk', ?),
                           (906, 2, 11, 14, 'OTHER', null, 'front-desk', ?, 'front-desk', ?)
                    returning id, tenant_id, ends_on, linked_by, linked_at, ended_by, ended_at)
                insert into family_link_audit (tenant_id, link_id, staff_user, action, ends_on, at)
                select tenant_id, id, linked_by, 'LINKED', ends_on, linked_at from link
                union all
                select tenant_id, id, ended_by, 'ENDED', ends_on, ended_at from link where ended_at is not null""",
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(900)),
                now.minus(Duration.ofDays(120)), now.minus(Duration.ofDays(300)), now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(20)));
    }

    private void patientPackages(Instant now) {
        patientPackage(now, 401, 1, 301, PackageStatus.ACTIVE, 5, 2, -60, 120);
        patientPackage(now, 402, 1, 302, PackageStatus.EXHAUSTED, 3, 3, -118, 247);
        patientPackage(now, 403, 1, 303, PackageStatus.EXPIRED, 4, 1, -100, -10);
        patientPackage(now, 404, 1, 301, PackageStatus.CANCELLED, 5, 0, -90, 90);
        patientPackage(now, 405, 11, 311, PackageStatus.ACTIVE, 6, 2, -50, 70);
        patientPackage(now, 406, 2, 303, PackageStatus.ACTIVE, 4, 0, -5, 85);
        // Leo's own physiotherapy, bought by his mother: his sessions, not hers
        patientPackage(now, 407, 5, 301, PackageStatus.ACTIVE, 5, 0, -10, 170);
    }

    private void patientPackage(Instant now, long id, long leadId, long packageId, PackageStatus status,
                                int total, int used, int fromDays, int untilDays) {
        Instant from = now.plus(Duration.ofDays(fromDays));
        NativeSql.update("""
                insert into patient_package (id, tenant_id, lead_id, package_id, status, sessions_total, sessions_used,
                                             valid_from, valid_until, purchased_at)
                select ?, tenant_id, ?, ?, ?, ?, ?, ?, ?, ? from lead where id = ?""",
                id, leadId, packageId, status, total, used, from, now.plus(Duration.ofDays(untilDays)), from, leadId);
    }

    /** The appointments, told as their timelines, each on a real slot of the right doctor and centre. */
    private final class History {

        private final Instant now;
        private final LocalDate today;

        History(Instant now, LocalDate today) {
            this.now = now;
            this.today = today;
        }

        private record Slot(long id, Instant startsAt) {
        }

        /** {@code guardianId}: the guardian who booked for the patient, null when the patient booked. */
        private record Booking(long id, long tenantId, long leadId, Instant startsAt, Instant endsAt,
                               Instant createdAt, Instant holdExpiresAt, boolean needsApproval, Long guardianId) {
        }

        void write() {
            amelia();
            oliver();
            oliverDueInDublin();
            isla();
            jackOwesAtTheDesk();
            walkInTime();
            noah();
            maya();
            chloe();
            mia();
            robert();
            // a timeline's last event is when its appointment last changed
            NativeSql.update("""
                    update appointment a set updated_at = (select max(e.at) from appointment_event e where e.appointment_id = a.id)
                    where a.tenant_id in (1, 2) and a.id < 100000""");
        }

        /** Every state of a history, with two active bookings so that one more is still allowed. */
        private void amelia() {
            attended(book(501, 1, slotAround(202, 1, -45), 102, AppointmentStatus.COMPLETED, Changes.sessionOf(801, 401)));
            attended(book(502, 1, slotAround(202, 1, -20), 102, AppointmentStatus.COMPLETED, Changes.sessionOf(802, 401)));
            attended(book(503, 1, slotAround(201, 1, -40), 101, AppointmentStatus.COMPLETED, Changes.sessionOf(803, 403)));
            attended(book(504, 1, slotAround(203, 1, -30), 103, AppointmentStatus.COMPLETED, Changes.paidWith(601)));
            attended(book(510, 1, slotAround(203, 1, -110), 103, AppointmentStatus.COMPLETED, Changes.sessionOf(804, 402)));
            attended(book(511, 1, slotAround(203, 1, -95), 103, AppointmentStatus.COMPLETED, Changes.sessionOf(805, 402)));
            attended(book(512, 1, slotAround(203, 1, -80), 103, AppointmentStatus.COMPLETED, Changes.sessionOf(806, 402)));

            String feelingBetter = "Feeling better";
            Booking cancelled = confirmed(book(505, 1, slotAround(204, 1, -25), 104, AppointmentStatus.CANCELLED,
                    Changes.cancelled(feelingBetter).andPaidWith(602)));
            Instant cancelledAt = cancelled.createdAt().plus(Duration.ofDays(3));
            cancel(cancelled, cancelledAt, feelingBetter);
            NativeSql.update("""
                    insert into refund (id, tenant_id, payment_id, amount, currency, status, reference, created_at, settled_at)
                    select 701, tenant_id, id, amount, currency, 'COMPLETED', 'SBX-DEMO-R0001', ?, ? from payment where id = 602""",
                    cancelledAt, cancelledAt.plus(Duration.ofDays(2)));
            event(cancelled, cancelledAt.plus(Duration.ofDays(2)), ActorType.SYSTEM, AppointmentStatus.CANCELLED, AppointmentStatus.CANCELLED,
                    "Refund of GBP 240.00 completed");

            Booking expired = held(book(506, 1, slotAround(201, 1, -15), 101, AppointmentStatus.EXPIRED));
            event(expired, expired.holdExpiresAt(), ActorType.SYSTEM, AppointmentStatus.DRAFT, AppointmentStatus.EXPIRED, "Hold expired");

            Instant movedAt = now.minus(Duration.ofDays(2));
            Booking original = confirmed(book(507, 1, slotAround(201, 1, 3), 101, AppointmentStatus.RESCHEDULED, now.minus(Duration.ofDays(6))));
            event(original, movedAt, ActorType.PATIENT, AppointmentStatus.CONFIRMED, AppointmentStatus.RESCHEDULED, "Moved to appointment 508");
            Booking replacement = book(508, 1, slotAround(201, 1, 5), 101, AppointmentStatus.CONFIRMED, movedAt, Changes.replacing(507));
            event(replacement, movedAt, ActorType.PATIENT, null, AppointmentStatus.CONFIRMED, "Rescheduled from appointment 507");

            requested(book(509, 1, slotAround(203, 1, 8), 103, AppointmentStatus.PENDING_APPROVAL, now.minus(Duration.ofDays(1)),
                    Changes.paidWith(603)));
        }

        /** At the front desk now, and a fresh package to book with. */
        private void oliver() {
            attended(book(521, 2, slotAround(201, 1, -50), 101, AppointmentStatus.COMPLETED));
            attended(book(522, 2, slotAround(201, 1, -9), 101, AppointmentStatus.COMPLETED));
            Booking arrived = confirmed(book(523, 2, latestSlotBeforeNow(201, 1), 101, AppointmentStatus.CHECKED_IN));
            event(arrived, arrived.startsAt().minus(Duration.ofMinutes(10)), ActorType.STAFF, AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN, null);
        }

        /**
         * Due at the Dublin desk today, whatever day the demo loads: a general consultation with Dr Byrne
         * in the hour that has begun, which nobody has checked in, so that the desk can mark that he did
         * not come. No other demo booking is hers or Dublin's in that hour, and his limit keeps room.
         */
        private void oliverDueInDublin() {
            confirmed(book(529, 2, slotThisHour(205, 3), 101, AppointmentStatus.CONFIRMED, now.minus(Duration.ofDays(3))));
        }

        /**
         * In the middle of checkout: a hold that runs out a few minutes from now. And due at the front
         * desk today, whatever day the demo loads: a minor surgery consultation with Dr Chen in the hour
         * that has begun, approved by the clinic two days ago.
         */
        private void isla() {
            held(book(524, 3, slotAround(202, 1, 4), 102, AppointmentStatus.DRAFT, now.minus(Duration.ofMinutes(2))));
            confirmed(book(525, 3, slotThisHour(206, 2), 105, AppointmentStatus.CONFIRMED, now.minus(Duration.ofDays(2))));
        }

        /**
         * Due at the London Bridge desk today, whatever day the demo loads: a physiotherapy session with Dr
         * Okafor in the hour that has begun, which the front desk booked for Jack on the phone two days ago
         * to be paid at the clinic (GBP 20.00 owed), for the desk to take his payment as it checks him in.
         * No other demo booking is Dr Okafor's in that hour.
         */
        private void jackOwesAtTheDesk() {
            Booking b = book(530, 7, slotThisHour(202, 1), 102, AppointmentStatus.CONFIRMED, now.minus(Duration.ofDays(2)));
            NativeSql.update("update appointment set pay_at_desk = true where id = ?", b.id());
            event(b, b.createdAt(), ActorType.STAFF, null, AppointmentStatus.DRAFT, "held:600");
            event(b, requestedAt(b), ActorType.STAFF, AppointmentStatus.DRAFT, AppointmentStatus.CONFIRMED, "pay-at-desk");
        }

        /** The doctor's slot at the start of the current hour, laid out for the demo when the schedule has none then. */
        private Slot slotThisHour(long doctorId, long centreId) {
            return slotAt(doctorId, centreId, now.truncatedTo(ChronoUnit.HOURS));
        }

        /**
         * A free time for the front desk's walk-in: Dr Whitcombe at London Bridge on the half hour an hour
         * to an hour and a half from now, inside the two hours' notice patients need online (and, from
         * noon, past Harbour's same-day cutoff), laid out when his schedule has none then, whatever the
         * time the demo loads.
         */
        private void walkInTime() {
            Instant latest = now.plus(Duration.ofMinutes(90));
            Instant halfHour = latest.truncatedTo(ChronoUnit.HOURS);
            if (!latest.isBefore(halfHour.plus(Duration.ofMinutes(30)))) {
                halfHour = halfHour.plus(Duration.ofMinutes(30));
            }
            slotAt(204, 1, halfHour);
        }

        /** The doctor's slot starting at {@code startsAt}, laid out for the demo when the schedule has none then. */
        private Slot slotAt(long doctorId, long centreId, Instant startsAt) {
            return NativeSql.one("""
                    with laid as (
                        insert into slot (tenant_id, doctor_id, centre_id, starts_at, ends_at)
                        select tenant_id, id, ?, ?, ? from doctor where id = ?
                        on conflict (doctor_id, starts_at) do nothing
                        returning id, starts_at)
                    select id, starts_at from laid
                    union all
                    select id, starts_at from slot where doctor_id = ? and starts_at = ?""",
                    History::slot, centreId, startsAt, startsAt.plus(Duration.ofMinutes(30)), doctorId, doctorId, startsAt).orElseThrow();
        }

        /**
         * Three visits in Dublin last week that nobody marked at the front desk: until the visit
         * completion job has run they fill his limit of three; once it has, he books again.
         */
        private void noah() {
            confirmed(book(526, 4, slotAround(205, 3, -11), 101, AppointmentStatus.CONFIRMED));
            confirmed(book(527, 4, slotAround(205, 3, -7), 101, AppointmentStatus.CONFIRMED));
            confirmed(book(528, 4, slotAround(205, 3, -5), 101, AppointmentStatus.CONFIRMED));
        }

        private void maya() {
            attended(book(531, 11, slotAround(212, 11, -40), 112, AppointmentStatus.COMPLETED, Changes.sessionOf(807, 405)));
            attended(book(532, 11, slotAround(212, 11, -20), 112, AppointmentStatus.COMPLETED, Changes.sessionOf(808, 405)));
            confirmed(book(533, 11, slotAround(211, 11, 6), 111, AppointmentStatus.CONFIRMED, now.minus(Duration.ofDays(3))));
            String travelling = "Travelling for work";
            Booking cancelled = confirmed(book(534, 11, slotAround(211, 11, -25), 111, AppointmentStatus.CANCELLED,
                    Changes.cancelled(travelling)));
            cancel(cancelled, cancelled.createdAt().plus(Duration.ofDays(2)), travelling);
            requested(book(535, 11, slotAround(214, 11, 9), 114, AppointmentStatus.PENDING_APPROVAL,
                    now.minus(Duration.ofHours(20)), Changes.paidWith(604)));
        }

        /**
         * Paid physiotherapy at the first time Dr Ortega sees patients from an hour from now: his
         * Saturday mornings in Chicago make that always less than the 48 hours before which Sunrise
         * takes cancellations online and, unless the demo loads in the evening or at the weekend, less
         * than the 12 hours before which it takes moves.
         */
        private void chloe() {
            Booking tooClose = confirmed(book(541, 13, firstSlotFrom(212, now.plus(Duration.ofHours(1))), 112,
                    AppointmentStatus.CONFIRMED, now.minus(Duration.ofDays(1)), Changes.paidWith(605)));
            chloeForTheDesk(tooClose);
        }

        /**
         * A paid specialist referral with Dr Foster in Chicago on the hour four to eight hours from now,
         * laid out when her schedule has none then: inside the 12 hours before which Sunrise takes moves
         * online and the 48 hours for cancellations whenever the demo loads, for Sunrise's front desk to
         * move and then cancel with its reasons (once per data load). Clear of the session with Dr Ortega.
         */
        private void chloeForTheDesk(Booking tooClose) {
            Instant hour = now.plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.HOURS);
            while (!hour.plus(Duration.ofMinutes(30)).isBefore(tooClose.startsAt()) && hour.isBefore(tooClose.endsAt())) {
                hour = hour.plus(Duration.ofHours(1));
            }
            confirmed(book(542, 13, slotAt(215, 12, hour), 115, AppointmentStatus.CONFIRMED,
                    now.minus(Duration.ofDays(2)), Changes.paidWith(606)));
            // and a free time of hers an hour later, so that a time to move it to is inside the 48 hours too
            slotAt(215, 12, hour.plus(Duration.ofHours(1)));
        }

        /** Booked by her mother, Amelia, for a week from now; a check-up last month. */
        private void mia() {
            attended(book(513, 6, slotAround(201, 1, -30), 101, AppointmentStatus.COMPLETED, Changes.bookedBy(1)));
            confirmed(book(514, 6, slotAround(201, 1, 7), 101, AppointmentStatus.CONFIRMED, now.minus(Duration.ofDays(2)),
                    Changes.bookedBy(1)));
        }

        /** Booked by his son, Ethan, in Chicago next week. */
        private void robert() {
            confirmed(book(536, 16, slotAround(215, 12, 6), 111, AppointmentStatus.CONFIRMED, now.minus(Duration.ofDays(1)),
                    Changes.bookedBy(12)));
        }

        /**
         * The doctor's first slot at the centre from 10:00 local on today + {@code days}. A weekend day
         * moves on to Monday, so bookings of one doctor on days two or more apart never share a slot.
         */
        private Slot slotAround(long doctorId, long centreId, int days) {
            ZoneId zone = ZoneId.of(CentreRow.<CentreRow>findById(centreId).timezone);
            return first("doctorId = ?1 and centreId = ?2 and startsAt >= ?3 order by startsAt", doctorId, centreId,
                    today.plusDays(days).atTime(TEN).atZone(zone).toInstant())
                    .orElseThrow(() -> new IllegalStateException("No demo slot for doctor " + doctorId + " on day " + days));
        }

        /** The doctor's first slot at any of their centres from an instant on. */
        private Slot firstSlotFrom(long doctorId, Instant from) {
            return first("doctorId = ?1 and startsAt >= ?2 order by startsAt", doctorId, from)
                    .orElseThrow(() -> new IllegalStateException("No demo slot for doctor " + doctorId + " from " + from));
        }

        /** The slot that started last before now: earlier today, or the last one of the previous working day. */
        private Slot latestSlotBeforeNow(long doctorId, long centreId) {
            return first("doctorId = ?1 and centreId = ?2 and startsAt < ?3 order by startsAt desc", doctorId, centreId, now)
                    .orElseThrow(() -> new IllegalStateException("No past demo slot for doctor " + doctorId));
        }

        private static Optional<Slot> first(String query, Object... params) {
            return health.leap.portal.doctors.Slot.<health.leap.portal.doctors.Slot>find(query, params).firstResultOptional()
                    .map(slot -> new Slot(slot.id, slot.startsAt));
        }

        private static Slot slot(Row rs) {
            return new Slot(rs.getLong("id"), rs.instant("starts_at"));
        }

        /** Booked five days ahead, as most patients do. */
        private Booking book(long id, long leadId, Slot slot, long serviceId, AppointmentStatus status) {
            return book(id, leadId, slot, serviceId, status, Changes.NONE);
        }

        private Booking book(long id, long leadId, Slot slot, long serviceId, AppointmentStatus status, Changes changes) {
            return book(id, leadId, slot, serviceId, status, slot.startsAt().minus(Duration.ofDays(5)), changes);
        }

        /** The amount due and the hold follow the service's payment mode and the clinic's rules, as a real hold does. */
        private Booking book(long id, long leadId, Slot slot, long serviceId, AppointmentStatus status, Instant createdAt) {
            return book(id, leadId, slot, serviceId, status, createdAt, Changes.NONE);
        }

        /**
         * What else a booking carries from its start: the guardian who made it, the booking it replaced, why
         * it was cancelled, the payment that paid it online just before confirming, or the session of a
         * package that paid it instead of money.
         */
        private record Changes(Long guardianId, Long rescheduledFromId, String cancelReason, Long paymentId,
                               Long redemptionId, Long patientPackageId) {
            static final Changes NONE = new Changes(null, null, null, null, null, null);

            static Changes bookedBy(long guardianId) {
                return new Changes(guardianId, null, null, null, null, null);
            }

            static Changes replacing(long appointmentId) {
                return new Changes(null, appointmentId, null, null, null, null);
            }

            static Changes cancelled(String reason) {
                return new Changes(null, null, reason, null, null, null);
            }

            static Changes paidWith(long paymentId) {
                return NONE.andPaidWith(paymentId);
            }

            static Changes sessionOf(long redemptionId, long patientPackageId) {
                return new Changes(null, null, null, null, redemptionId, patientPackageId);
            }

            Changes andPaidWith(long paymentId) {
                return new Changes(guardianId, rescheduledFromId, cancelReason, paymentId, redemptionId, patientPackageId);
            }
        }

        private Booking book(long id, long leadId, Slot slot, long serviceId, AppointmentStatus status, Instant createdAt,
                             Changes changes) {
            return NativeSql.one("""
                    with booked as (
                        insert into appointment (id, tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id,
                                                 starts_at, ends_at, status, hold_expires_at, amount_due, currency,
                                                 rescheduled_from_id, reschedule_count, cancel_reason, payment_id, created_at,
                                                 updated_at)
                        select ?, sv.tenant_id, ?, s.id, s.doctor_id, s.centre_id, sv.id, s.starts_at,
                               s.starts_at + make_interval(mins => sv.duration_minutes), ?::text,
                               ?::timestamptz + make_interval(mins => coalesce(cp.hold_minutes, p.hold_minutes)),
                               round(case sv.payment_mode when 'TOKEN' then sv.token_amount
                                                          when 'ADVANCE' then sv.fee * sv.advance_percent / 100
                                                          when 'FULL' then sv.fee
                                                          else 0 end, 2),
                               sv.currency, ?::bigint, ?, ?::text, ?::bigint, ?::timestamptz, ?::timestamptz
                        from slot s
                        join service sv on sv.id = ?
                        join booking_policy p on p.tenant_id = sv.tenant_id
                        left join centre_booking_policy cp on cp.centre_id = s.centre_id
                        where s.id = ?
                        returning *),
                    paid as (
                        insert into payment (id, tenant_id, lead_id, appointment_id, amount, currency, reference, status,
                                             created_at, completed_at)
                        select payment_id, tenant_id, lead_id, id, amount_due, currency, ?, 'SUCCEEDED', ?::timestamptz, ?::timestamptz
                        from booked where payment_id is not null),
                    redeemed as (
                        insert into package_redemption (id, tenant_id, patient_package_id, appointment_id, service_id, centre_id,
                                                        redeemed_at)
                        select ?::bigint, tenant_id, ?::bigint, id, service_id, centre_id, ?::timestamptz
                        from booked where ?::bigint is not null)
                    select b.id, b.tenant_id, b.lead_id, b.starts_at, b.ends_at, b.created_at, b.hold_expires_at,
                           d.requires_approval or sv.requires_approval as needs_approval
                    from booked b join doctor d on d.id = b.doctor_id join service sv on sv.id = b.service_id""",
                    rs -> new Booking(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("lead_id"),
                            rs.instant("starts_at"), rs.instant("ends_at"), rs.instant("created_at"),
                            rs.instant("hold_expires_at"), rs.getBoolean("needs_approval"), changes.guardianId()),
                    id, leadId, status, createdAt, changes.rescheduledFromId(), changes.rescheduledFromId() == null ? 0 : 1,
                    changes.cancelReason(), changes.paymentId(), createdAt, createdAt, serviceId, slot.id(),
                    changes.paymentId() == null ? null : "SBX-DEMO-%04d".formatted(changes.paymentId() - 600),
                    createdAt.plus(Duration.ofMinutes(1)), createdAt.plus(Duration.ofMinutes(2)),
                    changes.redemptionId(), changes.patientPackageId(), createdAt.plus(Duration.ofMinutes(3)), changes.redemptionId())
                    .orElseThrow();
        }

        private Instant requestedAt(Booking b) {
            return b.createdAt().plus(Duration.ofMinutes(3));
        }

        private Booking held(Booking b) {
            event(b, b.createdAt(), ActorType.PATIENT, null, AppointmentStatus.DRAFT,
                    "Held for " + Duration.between(b.createdAt(), b.holdExpiresAt()).toMinutes() + " minutes");
            return b;
        }

        /** Held, then confirmed by the patient, or sent for approval when the doctor or service asks for it. */
        private Booking requested(Booking b) {
            held(b);
            if (b.needsApproval()) {
                event(b, requestedAt(b), ActorType.PATIENT, AppointmentStatus.DRAFT, AppointmentStatus.PENDING_APPROVAL, "Waiting for the clinic's approval");
            } else {
                event(b, requestedAt(b), ActorType.PATIENT, AppointmentStatus.DRAFT, AppointmentStatus.CONFIRMED, null);
            }
            return b;
        }

        private Booking confirmed(Booking b) {
            requested(b);
            if (b.needsApproval()) {
                event(b, requestedAt(b).plus(Duration.ofHours(4)), ActorType.STAFF, AppointmentStatus.PENDING_APPROVAL, AppointmentStatus.CONFIRMED, "Approved");
            }
            return b;
        }

        /** Confirmed, checked in at the front desk, and seen. */
        private void attended(Booking b) {
            confirmed(b);
            event(b, b.startsAt().minus(Duration.ofMinutes(10)), ActorType.STAFF, AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN, null);
            event(b, b.endsAt(), ActorType.STAFF, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED, null);
        }

        private void cancel(Booking b, Instant at, String reason) {
            event(b, at, ActorType.PATIENT, AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED, reason);
        }

        private void event(Booking b, Instant at, ActorType actorType, AppointmentStatus from, AppointmentStatus to,
                           String detail) {
            boolean byGuardian = actorType == ActorType.PATIENT && b.guardianId() != null;
            AppointmentEvent event = new AppointmentEvent();
            event.tenantId = b.tenantId();
            event.appointmentId = b.id();
            event.at = at;
            event.actorType = byGuardian ? ActorType.GUARDIAN : actorType;
            event.actorId = switch (actorType) {
                case PATIENT -> String.valueOf(byGuardian ? b.guardianId() : b.leadId());
                case GUARDIAN -> throw new IllegalArgumentException("a guardian's line names the guardian");
                // the clinic's own front desk, as the demo's staff logins are named
                case STAFF -> b.tenantId() == 1 ? "staff.harbour" : "staff.sunrise";
                case SYSTEM -> null;
            };
            event.fromStatus = from;
            event.toStatus = to;
            event.detail = detail;
            event.persist();
        }
    }
}
