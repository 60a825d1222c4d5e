package health.leap.portal.doctors;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A time a doctor sees patients at a centre. A doctor is in one place at a time: one slot per doctor
 * and start. Whether it is free is the appointments' business, never a column here.
 */
@Entity
@Table(name = "slot")
public class Slot extends TenantEntity {

    @Column(name = "doctor_id", nullable = false)
    public long doctorId;
    @Column(name = "centre_id", nullable = false)
    public long centreId;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /**
     * Lays out the slots of every weekly schedule for each local date in [from, to], in each centre's
     * own timezone; returns how many were new. Native because PostgreSQL is the point: one set-based
     * statement over {@code generate_series}, local times turned to instants {@code at time zone}, and
     * {@code ON CONFLICT} on (doctor, start) so generating twice inserts nothing new.
     */
    static int generate(LocalDate from, LocalDate to) {
        return NativeSql.update("""
                insert into slot (tenant_id, doctor_id, centre_id, starts_at, ends_at)
                select ws.tenant_id, ws.doctor_id, ws.centre_id,
                       (d::date + ws.start_time + k * make_interval(mins => ws.slot_minutes)) at time zone c.timezone,
                       (d::date + ws.start_time + (k + 1) * make_interval(mins => ws.slot_minutes)) at time zone c.timezone
                from weekly_schedule ws
                join centre c on c.id = ws.centre_id
                cross join generate_series(?::date, ?::date, interval '1 day') d
                cross join lateral generate_series(
                        0, floor(extract(epoch from ws.end_time - ws.start_time) / 60 / ws.slot_minutes)::int - 1) k
                where extract(isodow from d::date) = ws.day_of_week
                on conflict (doctor_id, starts_at) do nothing""", from, to);
    }
}
