package health.leap.portal.doctors;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.web.Option;

import java.util.List;

/** What the doctors page shows: the filters with their choices, and the matching doctors. */
public record DoctorBrowsing(DoctorDirectory.Filter filter, List<Centre> centres, ClinicCatalog.Choices choices,
                             List<DoctorCard> cards) {

    public List<Option> centreOptions() {
        return Option.of(centres, Centre::id, Centre::name, filter.centreId());
    }

    public List<Option> serviceOptions() {
        return Option.of(choices.services(), ClinicCatalog.Named::id, ClinicCatalog.Named::name, filter.serviceId());
    }

    public List<Option> specialtyOptions() {
        return Option.of(choices.specialties(), s -> s, s -> s, filter.specialty());
    }
}
