package health.leap.portal.doctors;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;

import java.util.List;

/** What the doctors page shows: the filters with their choices, and the matching doctors. */
public record DoctorBrowsing(DoctorDirectory.Filter filter, List<Centre> centres, ClinicCatalog.Choices choices,
                             List<DoctorCard> cards) {
}
