package health.leap.portal.appointments;

import health.leap.portal.web.Params;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The history's filters, checked: known statuses, ids, a date range in epoch seconds (or, from the
 * form, days in the clinic's zone), and a page size of 1 to 50.
 */
public record HistoryFilter(Set<AppointmentStatus> statuses, Long doctorId, Long centreId, Instant from, Instant to,
                            int limit) {

    public static final int DEFAULT_LIMIT = Params.DEFAULT_PAGE_SIZE;
    /** Year 9999: later epochs are not dates a clinic books. */
    static final long MAX_EPOCH = 253402300799L;

    public static HistoryFilter parse(List<String> statuses, String doctor, String centre, String from, String to,
                                      String fromDate, String toDate, String limit, ZoneId zone) {
        Set<AppointmentStatus> chosen = EnumSet.noneOf(AppointmentStatus.class);
        for (String status : statuses) {
            if (status == null || status.isBlank()) {
                continue;
            }
            try {
                chosen.add(AppointmentStatus.valueOf(status.trim()));
            } catch (IllegalArgumentException e) {
                String value = shorten(status);
                String choices = EnumSet.allOf(AppointmentStatus.class).stream().map(Enum::name).collect(Collectors.joining(", "));
                throw Problem.badRequest(AppointmentMessages.class, m -> m.notAStatus(value, choices));
            }
        }
        Instant fromInstant = epoch("from", from);
        Instant toInstant = epoch("to", to);
        LocalDate firstDay = Params.optionalDate("from date", fromDate);
        LocalDate lastDay = Params.optionalDate("to date", toDate);
        if (firstDay != null) {
            fromInstant = firstDay.atStartOfDay(zone).toInstant();
        }
        if (lastDay != null) {
            toInstant = lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        }
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw Problem.badRequest(AppointmentMessages.class, AppointmentMessages::rangeBackwards);
        }
        return new HistoryFilter(chosen, Params.optionalId("doctor", doctor), Params.optionalId("centre", centre),
                fromInstant, toInstant, Params.pageSize(limit));
    }

    static Instant epoch(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Problem refused = Problem.badRequest(AppointmentMessages.class, m -> m.notEpoch(name));
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw refused;
        }
        if (seconds < 0 || seconds > MAX_EPOCH) {
            throw refused;
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** The filter as query parameters, in a fixed order: the identity a cursor is signed with. */
    public String query() {
        List<String> parts = new ArrayList<>();
        new TreeSet<>(statuses).forEach(s -> parts.add("status=" + s));
        if (doctorId != null) {
            parts.add("doctor=" + doctorId);
        }
        if (centreId != null) {
            parts.add("centre=" + centreId);
        }
        if (from != null) {
            parts.add("from=" + from.getEpochSecond());
        }
        if (to != null) {
            parts.add("to=" + to.getEpochSecond());
        }
        if (limit != DEFAULT_LIMIT) {
            parts.add("limit=" + limit);
        }
        return String.join("&", parts);
    }

    public boolean shows(AppointmentStatus status) {
        return statuses.contains(status);
    }
}
