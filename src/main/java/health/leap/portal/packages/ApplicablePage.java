package health.leap.portal.packages;

import java.time.ZoneId;
import java.util.List;

/** The patient's packages that can pay for one service at one centre, on the visit's day when one is chosen, else now. */
public record ApplicablePage(long serviceId, String serviceName, long centreId, String centreName,
                             List<ApplicablePackage> packages, ZoneId tenantZone, VisitChoice visit) {
}
