package health.leap.portal.doctors;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicService;

import java.time.LocalDate;
import java.util.List;

/** A doctor's profile with the chosen centre and service, the days of the horizon and the chosen day's slots. */
public record SlotPicker(DoctorProfile doctor, Centre centre, ClinicService service, List<FreeDay> days,
                         LocalDate day, List<FreeSlot> slots) {

    public boolean offersAnything() {
        return centre != null && service != null;
    }

    public List<ClinicService> servicesHere() {
        return centre == null ? List.of() : doctor.servicesAt(centre.id());
    }

    /** The doctor's centres where they give the chosen service. */
    public List<Centre> centresForService() {
        return doctor.centres().stream().filter(c -> doctor.offer(c.id(), service.id()).isPresent()).toList();
    }

    public String query(LocalDate date) {
        return "centre=" + centre.id() + "&service=" + service.id() + "&date=" + date;
    }
}
