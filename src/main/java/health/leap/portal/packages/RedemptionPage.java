package health.leap.portal.packages;

import health.leap.portal.web.Params;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** One page of a package's sessions used, newest first, with the link to the next. */
public record RedemptionPage(long packageId, String packageName, List<Row> rows, int limit, String nextCursor) {

    public static final int DEFAULT_LIMIT = Params.DEFAULT_PAGE_SIZE;

    /** A session taken for a visit; {@code reversedAt} is set when the visit was cancelled and the session given back. */
    public record Row(long id, Instant redeemedAt, Instant reversedAt, long appointmentId, Instant visitAt, ZoneId zone,
                      String serviceName, String centreName) {
    }

    public static int limit(String value) {
        return Params.pageSize(value);
    }

    /** The page size as a query parameter, or nothing at the default: part of what a cursor is signed with. */
    static String query(int limit) {
        return limit == DEFAULT_LIMIT ? "" : "limit=" + limit;
    }

    /** Where the next page is: the link a plain browser follows and htmx appends. */
    public String nextHref() {
        return "/packages/" + packageId + "/redemptions?" + nextQuery();
    }

    public String nextQuery() {
        String query = query(limit);
        return (query.isEmpty() ? "" : query + "&") + "cursor=" + nextCursor;
    }
}
