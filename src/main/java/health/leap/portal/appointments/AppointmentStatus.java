package health.leap.portal.appointments;

import java.util.EnumSet;
import java.util.Set;

public enum AppointmentStatus {
    DRAFT, PENDING_APPROVAL, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, EXPIRED, RESCHEDULED;

    /** Counts toward the active limit and occupies its slot. */
    public static final Set<AppointmentStatus> ACTIVE = EnumSet.of(DRAFT, PENDING_APPROVAL, CONFIRMED, CHECKED_IN);
}
