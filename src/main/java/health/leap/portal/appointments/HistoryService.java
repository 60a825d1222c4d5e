package health.leap.portal.appointments;

import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.web.Cursors;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.List;

/** The patient's history, page by page, with cursors bound to the patient and the filter. */
@ApplicationScoped
public class HistoryService {

    private final AppointmentQueries queries;
    private final ClinicCatalog catalog;
    private final Cursors cursors;

    public HistoryService(AppointmentQueries queries, ClinicCatalog catalog, Cursors cursors) {
        this.queries = queries;
        this.catalog = catalog;
        this.cursors = cursors;
    }

    public HistoryPage page(long tenantId, long leadId, ZoneId tenantZone, HistoryFilter filter, String cursor,
                            boolean withChoices) {
        String identity = tenantId + "/" + leadId + "?" + filter.query();
        Cursors.Position after = cursor == null ? null : cursors.decode(cursor, identity);
        List<HistoryPage.Row> rows = queries.history(tenantId, leadId, filter, after);
        String next = null;
        if (rows.size() > filter.limit()) {
            rows = rows.subList(0, filter.limit());
            HistoryPage.Row last = rows.get(rows.size() - 1);
            next = cursors.encode(new Cursors.Position(last.startsAt(), last.id()), identity);
        }
        ClinicCatalog.DoctorsAndCentres choices = withChoices ? catalog.doctorsAndCentres(tenantId)
                : new ClinicCatalog.DoctorsAndCentres(List.of(), List.of());
        return new HistoryPage(filter, rows, next, tenantZone, choices.doctors(), choices.centres());
    }
}
