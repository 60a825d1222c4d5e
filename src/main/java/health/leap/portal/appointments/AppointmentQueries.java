package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.packages.Redemptions;
import health.leap.portal.patient.Family;
import health.leap.portal.patient.Lead;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.gateway.RefundStatus;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import health.leap.portal.web.Cursors;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Read models of a patient's appointments, always filtered by tenant and lead. */
@ApplicationScoped
public class AppointmentQueries {
    private final Clock clock;
    private final Redemptions redemptions;

    public AppointmentQueries(Clock clock, Redemptions redemptions) {
        this.clock = clock;
        this.redemptions = redemptions;
    }

    /**
     * How a booking {@code a} is paid, for the pages that say so: its payment {@code p}, that
     * payment's refund {@code r}, and the package {@code pk} whose session it took.
     */
    private static final String PAID_BY_JOINS = """
            left join payment p on p.id = a.payment_id
            left join refund r on r.payment_id = p.id
            left join package_redemption pr on pr.appointment_id = a.id and pr.reversed_at is null
            left join patient_package pp on pp.id = pr.patient_package_id
            left join package pk on pk.id = pp.package_id
            """;

    /**
     * Active appointments of the leads whose ids fill {@code %s} that have not started yet, and holds
     * still running, soonest first, with whose each is.
     */
    private static final String UPCOMING = """
            select a.id, a.status, a.starts_at, c.timezone, d.name as doctor, c.name as centre, s.name as service,
                   l.id as lead_id, l.name as patient
            from appointment a
            join lead l on l.id = a.lead_id
            join doctor d on d.id = a.doctor_id
            join centre c on c.id = a.centre_id
            join service s on s.id = a.service_id
            where a.tenant_id = ? and a.lead_id in (%s)
              and (a.status in ('PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN') or (a.status = 'DRAFT' and a.hold_expires_at > ?))
              and a.starts_at >= ?
            order by a.starts_at, a.id
            limit ?""";

    /** Active appointments that have not started yet, and a hold still running, soonest first. */
    public List<Upcoming> upcoming(long tenantId, long leadId, int limit) {
        Instant now = clock.instant();
        return NativeSql.list(UPCOMING.formatted("?"), AppointmentQueries::upcomingOf, tenantId, leadId, now, now, limit);
    }

    /**
     * The upcoming visits of everyone a guardian may book for now, soonest first, each with whose it
     * is: the guardian's home lists them. A link is read in force at this moment, not from a cache.
     */
    public List<FamilyUpcoming> familyUpcoming(long tenantId, long guardianLeadId, int limit) {
        Instant now = clock.instant();
        List<Long> dependants = Family.dependantsOf(tenantId, guardianLeadId, now).stream().map(Family.Dependant::leadId).toList();
        if (dependants.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        params.addAll(dependants);
        params.addAll(List.of(now, now, limit));
        return NativeSql.list(UPCOMING.formatted(String.join(", ", Collections.nCopies(dependants.size(), "?"))),
                rs -> new FamilyUpcoming(rs.getLong("lead_id"), rs.getString("patient"), upcomingOf(rs)), params.toArray());
    }

    private static Upcoming upcomingOf(Row rs) {
        return new Upcoming(rs.getLong("id"), AppointmentStatus.valueOf(rs.getString("status")), rs.instant("starts_at"),
                ZoneId.of(rs.getString("timezone")), rs.getString("doctor"), rs.getString("centre"), rs.getString("service"));
    }

    /** The appointment page's data; call only after ownership was checked. */
    public AppointmentDetail detail(long appointmentId) {
        Instant now = clock.instant();
        List<AppointmentEvent> timeline = AppointmentEvent.timelineOf(appointmentId);
        nameGuardians(timeline);
        record Read(AppointmentDetail detail, long tenantId, long leadId, long serviceId, long centreId) {
        }
        Read read = NativeSql.one("""
                select a.id, a.status, a.starts_at, a.ends_at, a.hold_expires_at, a.hold_extensions_used, a.amount_due, a.currency, a.reschedule_count,
                       (select n.id from appointment n where n.rescheduled_from_id = a.id) as replaced_by,
                       d.id as doctor_id, d.name as doctor, c.name as centre, c.address, c.phone, c.timezone, s.name as service,
                       p.status as payment_status, p.reference, a.rescheduled_from_id,
                       a.service_id, a.centre_id, a.tenant_id, a.lead_id, pk.name as package_name,
                       r.status as refund_status, r.amount as refund_amount, r.settled_at as refund_settled_at, a.cancel_reason,
                       a.pay_at_desk, a.desk_paid_at, a.desk_payment_reference,
                """ + BookingPolicy.EFFECTIVE_COLUMNS + """

                from appointment a
                join doctor d on d.id = a.doctor_id
                join centre c on c.id = a.centre_id
                join service s on s.id = a.service_id
                """ + PAID_BY_JOINS + BookingPolicy.EFFECTIVE_JOINS + """

                where a.id = ?""", rs -> new Read(new AppointmentDetail(rs.getLong("id"),
                AppointmentStatus.valueOf(rs.getString("status")), rs.instant("starts_at"),
                rs.instant("ends_at"), rs.instant("hold_expires_at"), rs.getInt("hold_extensions_used"), rs.getBigDecimal("amount_due"),
                rs.getString("currency").trim(), rs.getInt("reschedule_count"), rs.getString("doctor"), rs.getLong("doctor_id"), rs.getString("centre"),
                rs.getString("address"), rs.getString("phone"), ZoneId.of(rs.getString("timezone")), rs.getString("service"),
                BookingPolicy.from(rs), PaymentStatus.of(rs.getString("payment_status")), rs.getString("reference"),
                RefundStatus.of(rs.getString("refund_status")),
                rs.getBigDecimal("refund_amount"), rs.instant("refund_settled_at"), rs.getString("cancel_reason"),
                rs.nullableLong("rescheduled_from_id"), rs.nullableLong("replaced_by"),
                rs.getString("package_name"), List.of(), timeline, now,
                new AppointmentDetail.AtDesk(rs.getBoolean("pay_at_desk"), rs.instant("desk_paid_at"),
                        rs.getString("desk_payment_reference"))),
                rs.getLong("tenant_id"), rs.getLong("lead_id"), rs.getLong("service_id"), rs.getLong("centre_id")),
                appointmentId).orElseThrow();
        // a held DRAFT may be paid with a package valid at its start: offer those (read after the row, not inside it)
        return read.detail().isHeld()
                ? read.detail().withPackages(redemptions.applicable(read.tenantId(), read.leadId(), read.serviceId(), read.centreId(),
                        read.detail().startsAt()))
                : read.detail();
    }

    /** Names the guardians who acted on these lines (the timeline says "by Amelia Hart for Leo Hart"). */
    private static void nameGuardians(List<AppointmentEvent> timeline) {
        List<Long> guardians = timeline.stream().filter(e -> e.actorType == ActorType.GUARDIAN && e.actorId != null)
                .map(e -> Long.valueOf(e.actorId)).distinct().toList();
        if (guardians.isEmpty()) {
            return;
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Lead guardian : Lead.<Lead>list("id in ?1", guardians)) {
            names.put(String.valueOf(guardian.id), guardian.name);
        }
        timeline.forEach(e -> e.nameActor(e.actorType == ActorType.GUARDIAN ? names.get(e.actorId) : null));
    }

    /**
     * One page of the patient's history, newest first. Keyset on (starts_at, id) over the index
     * appointment_history, so page 250 costs what page 1 costs.
     */
    public List<HistoryPage.Row> history(long tenantId, long leadId, HistoryFilter filter, Cursors.Position after) {
        StringBuilder where = new StringBuilder("a.tenant_id = ? and a.lead_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, leadId));
        if (!filter.statuses().isEmpty()) {
            where.append(" and a.status in (").append(String.join(", ", Collections.nCopies(filter.statuses().size(), "?"))).append(")");
            params.addAll(filter.statuses());
        }
        if (filter.doctorId() != null) {
            where.append(" and a.doctor_id = ?");
            params.add(filter.doctorId());
        }
        if (filter.centreId() != null) {
            where.append(" and a.centre_id = ?");
            params.add(filter.centreId());
        }
        if (filter.from() != null) {
            where.append(" and a.starts_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and a.starts_at <= ?");
            params.add(filter.to());
        }
        if (after != null) {
            where.append(" and (a.starts_at, a.id) < (?, ?)");
            params.add(after.at());
            params.add(after.id());
        }
        params.add(filter.limit() + 1);
        return NativeSql.list("""
                select a.id, a.status, a.starts_at, a.ends_at, c.timezone, d.name as doctor, c.name as centre, s.name as service
                from appointment a
                join doctor d on d.id = a.doctor_id
                join centre c on c.id = a.centre_id
                join service s on s.id = a.service_id
                where\s""" + where + """

                order by a.starts_at desc, a.id desc
                limit ?""", rs -> new HistoryPage.Row(rs.getLong("id"), AppointmentStatus.valueOf(rs.getString("status")),
                rs.instant("starts_at"), rs.instant("ends_at"), ZoneId.of(rs.getString("timezone")), rs.getString("doctor"),
                rs.getString("centre"), rs.getString("service")), params.toArray());
    }

    public long serviceOf(long appointmentId) {
        return Appointment.getEntityManager().createQuery("select a.serviceId from Appointment a where a.id = ?1", Long.class)
                .setParameter(1, appointmentId).getResultStream().findFirst().orElseThrow();
    }
}
