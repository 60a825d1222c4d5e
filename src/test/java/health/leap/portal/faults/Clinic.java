package health.leap.portal.faults;

import health.leap.portal.platform.KeycloakServer;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The demo clinic as the fault cases use it: patients of their own (a lead in the database and a login in
 * the realm), free times of a consultation that needs no payment and no approval, and the checks run on
 * the database afterwards for what a fault may have lost or half-written.
 */
final class Clinic {

    /** General consultation: no payment, no approval; offered by Dr Patel (201) and Dr Whitcombe (204). */
    static final long CONSULTATION = 101;

    private Clinic() {
    }

    /** {@code count} patients of tenant 1 with leads from {@code firstLead}, each with a token for the portal. */
    static List<BookingPatient> patients(Connection db, String prefix, long firstLead, int count, HttpClient http) throws SQLException {
        List<BookingPatient> patients = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "insert into lead (id, tenant_id, name, email) values (?, 1, ?, ?) on conflict (id) do nothing")) {
            for (int i = 0; i < count; i++) {
                long lead = firstLead + i;
                ps.setLong(1, lead);
                ps.setString(2, "Fault patient " + lead);
                ps.setString(3, prefix + lead + "@example.com");
                ps.executeUpdate();
                String user = KeycloakServer.get().ensurePatient(prefix + lead, 1, lead);
                patients.add(new BookingPatient(user, KeycloakServer.get().passwordToken(user, KeycloakServer.PATIENT_PASSWORD), http));
            }
        }
        return patients;
    }

    /** Cardiology assessment: paid in full in advance; offered by Dr Whitcombe (204) at London Bridge. */
    static final long PAID_ASSESSMENT = 104;
    /** The GP care plan: four sessions of the consultation. */
    static final long CARE_PLAN = 303;

    /** Free times of the consultation, three days ahead or more (inside every booking window), soonest first. */
    static List<Long> freeConsultations(Connection db, int count) throws SQLException {
        return freeTimes(db, CONSULTATION, count);
    }

    /** Free times of {@code service} three to forty days ahead, soonest first. */
    static List<Long> freeTimes(Connection db, long service, int count) throws SQLException {
        List<Long> slots = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                select s.id from slot s
                join offering o on o.doctor_id = s.doctor_id and o.centre_id = s.centre_id and o.service_id = ?
                where s.starts_at > now() + interval '3 days' and s.starts_at < now() + interval '40 days'
                  and not exists (select 1 from appointment a where a.slot_id = s.id)
                order by s.starts_at, s.id limit ?""")) {
            ps.setLong(1, service);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    slots.add(rs.getLong(1));
                }
            }
        }
        return slots;
    }

    /** Slots holding more than one active booking (the database's own index forbids it; checked all the same). */
    static long slotsBookedTwice(Connection db) throws SQLException {
        return count(db, """
                select count(*) from (select slot_id from appointment
                where status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')
                group by slot_id having count(*) > 1) twice""");
    }

    /**
     * Half-written bookings of leads in [from, to]: a status change is written with its line on the
     * timeline in one transaction, so a booking whose status is not the last line's was half-written.
     */
    static long halfWritten(Connection db, long from, long to) throws SQLException {
        return count(db, """
                select count(*) from appointment a
                where a.lead_id between %d and %d
                  and a.status is distinct from (select e.to_status from appointment_event e where e.appointment_id = a.id
                                                 order by e.at desc, e.id desc limit 1)""".formatted(from, to));
    }

    /** Of {@code ids}, those the database does not have as confirmed (or later: checked in, completed, cancelled by the suite). */
    static List<Long> missingConfirmed(Connection db, Collection<Long> ids) throws SQLException {
        List<Long> missing = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                select 1 from appointment a where a.id = ? and exists (select 1 from appointment_event e
                where e.appointment_id = a.id and e.to_status = 'CONFIRMED')""")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(id);
                    }
                }
            }
        }
        return missing;
    }

    /** Gives the lead a GP care plan of {@code sessions} sessions, valid for the next 90 days; returns its id. */
    static long carePlan(Connection db, long lead, int sessions) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                insert into patient_package (tenant_id, lead_id, package_id, status, sessions_total, sessions_used,
                                             valid_from, valid_until, purchased_at)
                values (1, ?, ?, 'ACTIVE', ?, 0, now() - interval '1 day', now() + interval '90 days', now() - interval '1 day')
                returning id""")) {
            ps.setLong(1, lead);
            ps.setLong(2, CARE_PLAN);
            ps.setInt(3, sessions);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Seconds from now to the instant {@code sql} selects (negative when it has passed). */
    static double seconds(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select extract(epoch from (" + sql + ") - now())"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
