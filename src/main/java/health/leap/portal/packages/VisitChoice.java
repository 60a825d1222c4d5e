package health.leap.portal.packages;

import health.leap.portal.clinic.ClinicCatalog;

import java.util.List;

/** The "which package can pay for this visit?" form: the clinic's services and centres, and the ones chosen. */
public record VisitChoice(List<ClinicCatalog.Named> services, List<ClinicCatalog.Named> centres, Long serviceId,
                          Long centreId) {

    static final VisitChoice NONE = new VisitChoice(List.of(), List.of(), null, null);

    VisitChoice choosing(long serviceId, long centreId) {
        return new VisitChoice(services, centres, serviceId, centreId);
    }
}
