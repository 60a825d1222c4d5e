package health.leap.portal.doctors;

import health.leap.portal.clinic.BookingWindow;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.clinic.ClinicService;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Browsing and picking, limited to the caller's tenant. */
@ApplicationScoped
public class DoctorService {

    private final DoctorDirectory directory;
    private final ClinicCatalog catalog;
    private final Clock clock;

    public DoctorService(DoctorDirectory directory, ClinicCatalog catalog, Clock clock) {
        this.directory = directory;
        this.catalog = catalog;
        this.clock = clock;
    }

    public DoctorBrowsing browse(long tenantId, DoctorDirectory.Filter filter, boolean withChoices) {
        Instant now = clock.instant();
        List<Centre> centres = catalog.centres(tenantId);
        if (filter.centreId() != null && centres.stream().noneMatch(c -> c.id() == filter.centreId())) {
            throw Problem.notFound(DoctorMessages.class, DoctorMessages::centreNotFound);
        }
        ClinicCatalog.Choices choices = withChoices || filter.serviceId() != null ? catalog.choices(tenantId) : null;
        if (filter.serviceId() != null && choices.services().stream().noneMatch(s -> s.id() == filter.serviceId())) {
            throw Problem.notFound(DoctorMessages.class, DoctorMessages::serviceNotFound);
        }
        return new DoctorBrowsing(filter, centres, choices,
                directory.listWithNextFreeSlot(tenantId, centres, filter, now));
    }

    /**
     * The slot picker for a doctor of the caller's tenant: centre and service default to the doctor's
     * first offer, the day to the first with a free slot.
     */
    public SlotPicker picker(long tenantId, long doctorId, Long centreId, Long serviceId, LocalDate date,
                             boolean withDays) {
        return picker(tenantId, doctorId, centreId, serviceId, date, withDays, 0);
    }

    /**
     * The picker for moving the booking {@code moving}: its own time counts as free, since the move
     * gives it up (0 for a new booking).
     */
    public SlotPicker picker(long tenantId, long doctorId, Long centreId, Long serviceId, LocalDate date,
                             boolean withDays, long moving) {
        Instant now = clock.instant();
        DoctorProfile doctor = directory.profile(doctorId).orElseThrow(() -> Problem.notFound(DoctorMessages.class, DoctorMessages::doctorNotFound));
        if (doctor.tenantId() != tenantId) {
            throw Problem.forbidden(DoctorMessages.class, DoctorMessages::doctorNotYours);
        }
        if (doctor.offers().isEmpty()) {
            return new SlotPicker(doctor, null, null, List.of(), null, List.of());
        }
        // with a service chosen and no centre, start at a centre where the doctor gives that service
        List<Centre> candidates = serviceId == null ? doctor.centres()
                : doctor.centres().stream().filter(c -> doctor.offer(c.id(), serviceId).isPresent()).toList();
        if (candidates.isEmpty()) {
            throw new Problem(ErrorCode.NOT_FOUND, DoctorMessages.class, m -> m.doesNotOffer(doctor.name()));
        }
        Centre centre = centreId == null ? candidates.get(0)
                : doctor.centres().stream().filter(c -> c.id() == centreId).findFirst()
                .orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, DoctorMessages.class, m -> m.notAtCentre(doctor.name())));
        List<ClinicService> services = doctor.servicesAt(centre.id());
        ClinicService service = serviceId == null ? services.get(0)
                : services.stream().filter(s -> s.id() == serviceId).findFirst()
                .orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, DoctorMessages.class,
                        m -> m.doesNotOfferThere(doctor.name(), centre.name())));
        LocalDate today = now.atZone(centre.zone()).toLocalDate();
        LocalDate lastDay = BookingWindow.lastDay(now, centre.zone(), centre.policy());
        if (date != null && (date.isBefore(today) || date.isAfter(lastDay))) {
            throw Problem.badRequest(DoctorMessages.class, m -> m.pickADay(today.toString(), lastDay.toString()));
        }
        List<FreeDay> days = withDays || date == null ? directory.freeDays(doctor.id(), centre, service, moving, now) : List.of();
        LocalDate day = date != null ? date
                : days.stream().filter(FreeDay::bookable).map(FreeDay::date).findFirst().orElse(today);
        return new SlotPicker(doctor, centre, service, days, day,
                directory.freeSlotsOn(doctor.id(), centre, service, moving, day, now));
    }

    /** The picker on the day of a slot that was just taken, so the patient sees what is still free. */
    public SlotPicker pickerForSlot(long tenantId, long slotId, long serviceId) {
        DoctorDirectory.SlotPlace place = directory.slotPlace(slotId, tenantId).orElseThrow(() -> Problem.notFound(DoctorMessages.class, DoctorMessages::timeNotFound));
        LocalDate day = place.startsAt().atZone(ZoneId.of(place.zone())).toLocalDate();
        LocalDate today = clock.instant().atZone(ZoneId.of(place.zone())).toLocalDate();
        return picker(tenantId, place.doctorId(), place.centreId(), serviceId, day.isBefore(today) ? null : day, false);
    }

    /** Whether the doctor gives the service at that centre: a centre kept from another doctor's choice may not fit. */
    public boolean offers(long doctorId, long centreId, long serviceId) {
        return directory.profile(doctorId).flatMap(d -> d.offer(centreId, serviceId)).isPresent();
    }

    public List<ClinicCatalog.Named> doctorsOffering(long tenantId, long serviceId) {
        return directory.doctorsOffering(tenantId, serviceId);
    }
}
