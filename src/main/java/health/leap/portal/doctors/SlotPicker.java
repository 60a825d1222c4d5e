package health.leap.portal.doctors;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicService;
import health.leap.portal.web.Formats;
import health.leap.portal.web.Language;
import io.quarkus.qute.TemplateData;

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

    /** A free time as its button shows it: 09:30, on Tuesday 3 March 2026. */
    @TemplateData
    public record PickerTime(long slot, String time, String day) {
    }

    /**
     * The free times in the centre's zone, written once here rather than in the page's loop: a loop
     * that looks up names from outside itself costs the template engine a search per name and time.
     * The booking and the move pages both list them.
     */
    public List<PickerTime> times() {
        String longDay = Formats.longDay(day, Language.current());
        return slots.stream().map(slot -> new PickerTime(slot.id(), Formats.time(slot.startsAt(), centre.zone()), longDay))
                .toList();
    }

    public String query(LocalDate date) {
        return "centre=" + centre.id() + "&service=" + service.id() + "&date=" + date;
    }
}
