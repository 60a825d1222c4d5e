package health.leap.portal.doctors;

import health.leap.portal.clinic.Centre;

import java.time.Instant;

/**
 * A doctor in the browsing list, with the next free slot the filters allow (if any), and the query
 * that takes the list's centre and service filters on to the doctor's slot picker ("" or "?centre=1…").
 */
public record DoctorCard(long id, String name, String specialty, String languages, String photoUrl,
                         boolean requiresApproval, Instant nextFreeAt, Centre nextFreeCentre, String pickerQuery) {
}
