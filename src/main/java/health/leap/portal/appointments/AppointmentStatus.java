package health.leap.portal.appointments;

import io.quarkus.qute.TemplateEnum;

import java.util.EnumSet;
import java.util.Set;

/** Where a booking stands; templates compare with {@code AppointmentStatus:CONFIRMED}. */
@TemplateEnum
public enum AppointmentStatus {
    DRAFT, PENDING_APPROVAL, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, EXPIRED, RESCHEDULED;

    /** Counts toward the active limit and occupies its slot. */
    public static final Set<AppointmentStatus> ACTIVE = EnumSet.of(DRAFT, PENDING_APPROVAL, CONFIRMED, CHECKED_IN);
}
