package health.leap.portal.packages;

import health.leap.portal.clinic.ClinicCatalog;

import java.time.ZoneId;
import java.util.List;

/** One package: what is left, until when, what it covers where, and the first page of its sessions used. */
public record PackageDetail(PatientPackage pkg, ZoneId tenantZone, List<ClinicCatalog.Named> services,
                            List<ClinicCatalog.Named> centres, RedemptionPage redemptions) {
}
