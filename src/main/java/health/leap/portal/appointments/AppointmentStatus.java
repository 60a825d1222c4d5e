package health.leap.portal.appointments;

import io.quarkus.qute.TemplateEnum;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a booking stands, and where it may go from there; templates compare with
 * {@code AppointmentStatus:CONFIRMED}. {@link #canMoveTo} is the lifecycle written down once (SPEC's
 * state diagram): {@link AppointmentLifecycle} asks it before every change, and the rules that say
 * whether a patient may cancel or move a booking ask it which statuses allow that at all.
 */
@TemplateEnum
public enum AppointmentStatus {
    DRAFT, PENDING_APPROVAL, CONFIRMED, CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED, EXPIRED, RESCHEDULED;

    /** Counts toward the active limit and occupies its slot. */
    public static final Set<AppointmentStatus> ACTIVE = EnumSet.of(DRAFT, PENDING_APPROVAL, CONFIRMED, CHECKED_IN);

    /** How a booking comes to be: a hold, or the booking a move makes, going ahead or waiting for the clinic. */
    private static final Set<AppointmentStatus> BEGINNINGS = EnumSet.of(DRAFT, PENDING_APPROVAL, CONFIRMED);

    /** The allowed moves: from each status, the statuses a booking may go to next. */
    private static final Map<AppointmentStatus, Set<AppointmentStatus>> NEXT = moves();

    private static Map<AppointmentStatus, Set<AppointmentStatus>> moves() {
        Map<AppointmentStatus, Set<AppointmentStatus>> next = new EnumMap<>(AppointmentStatus.class);
        // confirmed (maybe to wait for the clinic), released or cancelled by the patient, or run out
        next.put(DRAFT, EnumSet.of(PENDING_APPROVAL, CONFIRMED, CANCELLED, EXPIRED));
        // approved; or declined, cancelled by the patient, or not decided before its time
        next.put(PENDING_APPROVAL, EnumSet.of(CONFIRMED, CANCELLED));
        // the front desk checks the patient in or marks that they did not come; the job ends a visit
        // nobody marked (COMPLETED or NO_SHOW, as the clinic chose); cancelled or moved by the patient
        next.put(CONFIRMED, EnumSet.of(CHECKED_IN, NO_SHOW, COMPLETED, CANCELLED, RESCHEDULED));
        // completed by the desk or the job; a patient who arrived may still be moved
        next.put(CHECKED_IN, EnumSet.of(COMPLETED, RESCHEDULED));
        for (AppointmentStatus status : values()) {
            next.putIfAbsent(status, EnumSet.noneOf(AppointmentStatus.class));
            next.put(status, Collections.unmodifiableSet(next.get(status)));
        }
        return Collections.unmodifiableMap(next);
    }

    /** Whether a booking in this status may move to {@code next}. */
    public boolean canMoveTo(AppointmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses a booking in this status may move to; none once it has ended. */
    public Set<AppointmentStatus> next() {
        return NEXT.get(this);
    }

    /** Ended: nothing can happen to the booking any more. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Whether a new booking may start out in this status. */
    public boolean canBegin() {
        return BEGINNINGS.contains(this);
    }

    /**
     * Whether a timeline line from {@code from} to {@code to} is one the lifecycle allows: a new
     * booking's first line ({@code from} null), a note that changes nothing ({@code from == to}), or
     * an allowed move.
     */
    public static boolean allows(AppointmentStatus from, AppointmentStatus to) {
        if (from == null) {
            return to.canBegin();
        }
        return from == to || from.canMoveTo(to);
    }
}
