package health.leap.portal.appointments;

import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.web.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** One page of the history, newest first, with the link to the next. */
public record HistoryPage(HistoryFilter filter, List<Row> rows, String nextCursor, ZoneId tenantZone,
                          List<ClinicCatalog.Named> doctors, List<ClinicCatalog.Named> centres) {

    public record Row(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, ZoneId zone, String doctorName,
                      String centreName, String serviceName) {
    }

    public List<Option> doctorOptions() {
        return Option.of(doctors, ClinicCatalog.Named::id, ClinicCatalog.Named::name, filter.doctorId());
    }

    public List<Option> centreOptions() {
        return Option.of(centres, ClinicCatalog.Named::id, ClinicCatalog.Named::name, filter.centreId());
    }

    public List<AppointmentStatus> statuses() {
        return List.of(AppointmentStatus.values());
    }

    /** Where the next page is: the link a plain browser follows and htmx appends. */
    public String nextHref() {
        return "/appointments?" + nextQuery();
    }

    public String nextQuery() {
        String query = filter.query();
        return (query.isEmpty() ? "" : query + "&") + "cursor=" + nextCursor;
    }

    public LocalDate fromDate() {
        return filter.from() == null ? null : filter.from().atZone(tenantZone).toLocalDate();
    }

    public LocalDate toDate() {
        return filter.to() == null ? null : filter.to().atZone(tenantZone).toLocalDate();
    }
}
