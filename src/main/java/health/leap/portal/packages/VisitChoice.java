package health.leap.portal.packages;

import health.leap.portal.clinic.ClinicCatalog;

import java.time.LocalDate;
import java.util.List;

/**
 * The "which package can pay for this visit?" form: the clinic's services and centres, and the ones
 * chosen, with the visit's day when one is given (a package must still be valid then).
 */
public record VisitChoice(List<ClinicCatalog.Named> services, List<ClinicCatalog.Named> centres, Long serviceId,
                          Long centreId, LocalDate date) {

    static final VisitChoice NONE = new VisitChoice(List.of(), List.of(), null, null, null);

    VisitChoice choosing(long serviceId, long centreId, LocalDate date) {
        return new VisitChoice(services, centres, serviceId, centreId, date);
    }
}
