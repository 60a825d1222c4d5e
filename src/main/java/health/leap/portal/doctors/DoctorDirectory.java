package health.leap.portal.doctors;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.clinic.BookingWindow;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.clinic.ClinicService;
import health.leap.portal.clinic.Doctor;
import health.leap.portal.patient.Caller;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The queries behind doctor browsing and the slot picker; each page's answer in one statement. */
@ApplicationScoped
public class DoctorDirectory {

    private final Caller caller;

    public DoctorDirectory(Caller caller) {
        this.caller = caller;
    }

    public record Filter(Long centreId, Long serviceId, String specialty, String name) {
    }

    /**
     * Doctors matching the filter, each with its next free slot inside the centres' booking windows.
     * The first free slot is looked up per centre, in the order of the slot index, so each lookup
     * stops at the first free one instead of sorting the doctor's whole window (issue 8's benchmark).
     */
    public List<DoctorCard> listWithNextFreeSlot(long tenantId, List<Centre> centres, Filter filter, Instant now) {
        List<Centre> searched = centres.stream()
                .filter(c -> filter.centreId() == null || c.id() == filter.centreId())
                .toList();
        if (searched.isEmpty()) {
            return List.of();
        }
        Map<Long, Centre> byId = searched.stream().collect(Collectors.toMap(Centre::id, Function.identity()));
        List<Object> params = new ArrayList<>();
        StringBuilder windows = new StringBuilder();
        for (Centre centre : searched) {
            BookingWindow window = window(centre, now);
            windows.append(windows.isEmpty() ? "" : ", ").append("(?::bigint, ?::timestamptz, ?::timestamptz)");
            params.add(centre.id());
            params.add(window.earliest());
            params.add(window.latest());
        }
        String serviceCondition = filter.serviceId() == null ? "" : " and o.service_id = ?";
        // with a service chosen, a start where that service fits; without, one where a slot's length does
        String ends = filter.serviceId() == null ? FreeSlots.ENDS_WITH_SLOT
                : " cross join lateral (select s.starts_at + make_interval(mins => sv.duration_minutes) as until"
                  + " from service sv where sv.id = ?) f ";
        StringBuilder query = new StringBuilder()
                .append("with w(centre_id, earliest, latest) as (values ").append(windows).append(")\n")
                .append("""
                        select d.id, d.name, d.specialty, d.languages, d.photo_url, d.requires_approval,
                               ns.starts_at as next_at, ns.centre_id as next_centre
                        from doctor d
                        left join lateral (
                            select f.starts_at, f.centre_id
                            from w cross join lateral (
                                select s.starts_at, s.centre_id
                                from slot s""").append(ends).append("""

                                where s.doctor_id = d.id and s.centre_id = w.centre_id
                                  and s.starts_at between w.earliest and w.latest
                                  and exists (select 1 from offering o
                                              where o.doctor_id = d.id and o.centre_id = s.centre_id""")
                .append(serviceCondition).append(")\n and ").append(FreeSlots.FREE).append("""

                                order by s.starts_at
                                limit 1) f
                            order by f.starts_at
                            limit 1) ns on true
                        where d.tenant_id = ?
                          and exists (select 1 from offering o join w on w.centre_id = o.centre_id
                                      where o.doctor_id = d.id""").append(serviceCondition).append(")");
        if (filter.serviceId() != null) {
            params.add(filter.serviceId());
            params.add(filter.serviceId());
        }
        params.add(0L);
        params.add(now);
        params.add(tenantId);
        if (filter.serviceId() != null) {
            params.add(filter.serviceId());
        }
        if (filter.specialty() != null) {
            query.append(" and d.specialty = ?");
            params.add(filter.specialty());
        }
        if (filter.name() != null) {
            query.append(" and strpos(lower(d.name), lower(?)) > 0");
            params.add(filter.name());
        }
        query.append(" order by ns.starts_at nulls last, d.name, d.id");
        String pickerQuery = filter.centreId() == null ? ""
                : "?centre=" + filter.centreId() + (filter.serviceId() == null ? "" : "&service=" + filter.serviceId());
        return NativeSql.list(query.toString(), rs -> {
            Long nextCentre = rs.nullableLong("next_centre");
            return new DoctorCard(rs.getLong("id"), rs.getString("name"), rs.getString("specialty"),
                    rs.getString("languages"), rs.getString("photo_url"), rs.getBoolean("requires_approval"),
                    rs.instant("next_at"), nextCentre == null ? null : byId.get(nextCentre), pickerQuery);
        }, params.toArray());
    }

    /**
     * A doctor with every centre and service they offer, centres with their effective rules; empty when
     * no doctor has that id. The tenant is returned so that the caller can tell "not yours" from "none".
     */
    public Optional<DoctorProfile> profile(long doctorId) {
        record Row(DoctorProfile doctor, DoctorProfile.Offer offer) {
        }
        List<Row> rows = NativeSql.list("""
                select d.id as doctor_id, d.tenant_id, d.name as doctor_name, d.specialty, d.languages, d.bio,
                       d.photo_url, d.requires_approval as doctor_requires_approval,
                       c.id, c.name, c.address, c.timezone, c.phone,
                       s.id as service_id, s.name as service_name, s.duration_minutes, s.fee, s.currency,
                       s.payment_mode, s.token_amount, s.advance_percent, s.requires_approval,
                """ + BookingPolicy.EFFECTIVE_COLUMNS + """

                from doctor d
                left join offering o on o.doctor_id = d.id
                left join centre c on c.id = o.centre_id
                left join service s on s.id = o.service_id
                """ + BookingPolicy.EFFECTIVE_JOINS + """

                where d.id = ?
                order by c.name, c.id, s.name, s.id""", rs -> {
            DoctorProfile doctor = new DoctorProfile(rs.getLong("doctor_id"), rs.getLong("tenant_id"),
                    rs.getString("doctor_name"), rs.getString("specialty"), rs.getString("languages"),
                    rs.getString("bio"), rs.getString("photo_url"), rs.getBoolean("doctor_requires_approval"), List.of());
            if (rs.nullableLong("id") == null) {
                return new Row(doctor, null);
            }
            return new Row(doctor, new DoctorProfile.Offer(ClinicCatalog.centre(rs), ClinicService.fromRow(rs)));
        }, doctorId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        DoctorProfile d = rows.get(0).doctor();
        List<DoctorProfile.Offer> offers = rows.stream().map(Row::offer).filter(o -> o != null).toList();
        return Optional.of(new DoctorProfile(d.id(), d.tenantId(), d.name(), d.specialty(), d.languages(), d.bio(),
                d.photoUrl(), d.requiresApproval(), offers));
    }

    /**
     * Every day from today to the last bookable day, with the count of start times on it where the
     * service fits ({@code moving}: the booking a move leaves, or 0).
     */
    public List<FreeDay> freeDays(long doctorId, Centre centre, ClinicService service, long moving, Instant now) {
        BookingWindow window = window(centre, now);
        ZoneId zone = centre.zone();
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        NativeSql.list("select (s.starts_at at time zone ?)::date as day, count(*) as free from slot s" + FreeSlots.ENDS_WITH_SERVICE
                        + " where s.doctor_id = ? and s.centre_id = ? and s.starts_at between ? and ? and " + FreeSlots.FREE
                        + " group by 1",
                rs -> counts.put(rs.date("day"), rs.getInt("free")),
                zone.getId(), service.durationMinutes(), doctorId, centre.id(), window.earliest(), window.latest(), moving, now);
        List<FreeDay> days = new ArrayList<>();
        LocalDate last = BookingWindow.lastDay(now, zone, centre.policy());
        for (LocalDate day = now.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new FreeDay(day, counts.getOrDefault(day, 0)));
        }
        return days;
    }

    /** The start times of one local day at a centre, inside the booking window, where the service fits. */
    public List<FreeSlot> freeSlotsOn(long doctorId, Centre centre, ClinicService service, long moving, LocalDate day,
                                      Instant now) {
        BookingWindow window = window(centre, now);
        Instant dayStart = day.atStartOfDay(centre.zone()).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(centre.zone()).toInstant();
        Instant from = dayStart.isAfter(window.earliest()) ? dayStart : window.earliest();
        return NativeSql.list("select s.id, s.starts_at, f.until from slot s" + FreeSlots.ENDS_WITH_SERVICE
                        + " where s.doctor_id = ? and s.centre_id = ? and s.starts_at >= ? and s.starts_at < ?"
                        + " and s.starts_at <= ? and " + FreeSlots.FREE + " order by s.starts_at",
                rs -> new FreeSlot(rs.getLong("id"), rs.instant("starts_at"), rs.instant("until")),
                service.durationMinutes(), doctorId, centre.id(), from, dayEnd, window.latest(), moving, now);
    }

    /** Where and when a slot is, with its centre's zone. */
    public record SlotPlace(long doctorId, long centreId, Instant startsAt, String zone) {
    }

    /** Where and when a slot of the tenant is. */
    public Optional<SlotPlace> slotPlace(long slotId, long tenantId) {
        return Slot.getEntityManager().createQuery("""
                select s.doctorId, s.centreId, s.startsAt, c.timezone
                from Slot s join CentreRow c on c.id = s.centreId
                where s.id = ?1 and s.tenantId = ?2""", SlotPlace.class)
                .setParameter(1, slotId).setParameter(2, tenantId).getResultStream().findFirst();
    }

    /** The tenant's doctors who offer a service somewhere, by name. */
    public List<ClinicCatalog.Named> doctorsOffering(long tenantId, long serviceId) {
        return Doctor.getEntityManager().createQuery("""
                select distinct d.id, d.name from Doctor d join Offering o on o.doctorId = d.id
                where d.tenantId = ?1 and o.serviceId = ?2 order by d.name, d.id""", ClinicCatalog.Named.class)
                .setParameter(1, tenantId).setParameter(2, serviceId).getResultList();
    }

    /**
     * The times offered from now: the patient's booking window, or for the front desk acting for a
     * patient every time from now to the maximum advance (a walk-in inside the minimum notice or past the
     * same-day cutoff, which the desk books with a reason; {@link health.leap.portal.clinic.DeskOverrides}).
     */
    private BookingWindow window(Centre centre, Instant now) {
        return Arc.container().requestContext().isActive() && caller.isDesk()
                ? BookingWindow.forDesk(now, centre.zone(), centre.policy()) : centre.windowAt(now);
    }
}
