package health.leap.portal.doctors;

import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A doctor with what they offer where: the pairs of centre and service a patient can book. */
public record DoctorProfile(long id, long tenantId, String name, String specialty, String languages, String bio,
                            String photoUrl, boolean requiresApproval, List<Offer> offers) {

    public record Offer(Centre centre, ClinicService service) {
    }

    public List<Centre> centres() {
        Map<Long, Centre> byId = new LinkedHashMap<>();
        offers.forEach(o -> byId.putIfAbsent(o.centre().id(), o.centre()));
        return List.copyOf(byId.values());
    }

    public List<ClinicService> servicesAt(long centreId) {
        return offers.stream().filter(o -> o.centre().id() == centreId).map(Offer::service).toList();
    }

    public Optional<Offer> offer(long centreId, long serviceId) {
        return offers.stream().filter(o -> o.centre().id() == centreId && o.service().id() == serviceId).findFirst();
    }

}
