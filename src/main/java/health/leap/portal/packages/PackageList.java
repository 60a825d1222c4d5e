package health.leap.portal.packages;

import java.time.ZoneId;
import java.util.List;

/** The patient's packages under a status filter, with validity shown in the clinic's zone. */
public record PackageList(PackageFilter filter, List<PatientPackage> packages, ZoneId tenantZone, VisitChoice visit) {

    public List<PackageStatus> statuses() {
        return List.of(PackageStatus.values());
    }
}
