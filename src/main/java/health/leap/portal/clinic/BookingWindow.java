package health.leap.portal.clinic;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Language;
import health.leap.portal.web.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a slot may be booked, in the centre's local time: not sooner than the minimum advance, not
 * further than the maximum advance, and today only while same-day booking is open (before the cutoff).
 */
public record BookingWindow(Instant earliest, Instant latest) {

    public static BookingWindow at(Instant now, ZoneId zone, BookingPolicy policy) {
        Instant earliest = now.plus(policy.minAdvance());
        if (!sameDayOpen(now, zone, policy)) {
            Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            if (tomorrow.isAfter(earliest)) {
                earliest = tomorrow;
            }
        }
        return new BookingWindow(earliest, latest(now, zone, policy));
    }

    /**
     * The times the front desk may book for a patient: from now (never a time that has begun) to the
     * maximum advance, which the desk never goes past.
     */
    public static BookingWindow forDesk(Instant now, ZoneId zone, BookingPolicy policy) {
        return new BookingWindow(now, latest(now, zone, policy));
    }

    /**
     * The maximum advance counts calendar days in the centre's zone: 30 days from 08:00 is 08:00
     * local on the 30th day, across a clock change too, not 30 × 24 hours.
     */
    static Instant latest(Instant now, ZoneId zone, BookingPolicy policy) {
        return now.atZone(zone).plusDays(policy.maxAdvanceDays()).toInstant();
    }

    public boolean contains(Instant start) {
        return !start.isBefore(earliest) && !start.isAfter(latest);
    }

    /** Local days from today to the last bookable day, inclusive. */
    public static LocalDate lastDay(Instant now, ZoneId zone, BookingPolicy policy) {
        return now.atZone(zone).toLocalDate().plusDays(policy.maxAdvanceDays());
    }

    /** Why a slot starting at {@code start} cannot be booked now, if it cannot: the first rule it meets. */
    public static Optional<Problem> refusal(Instant now, ZoneId zone, BookingPolicy policy, Instant start) {
        return refusals(now, zone, policy, start).stream().findFirst();
    }

    /**
     * Every rule a slot starting at {@code start} meets now, in the order a patient is told them: what
     * the front desk goes past for a walk-in is all of them (the same-day cutoff and the minimum notice).
     */
    public static List<Problem> refusals(Instant now, ZoneId zone, BookingPolicy policy, Instant start) {
        List<Problem> refusals = new ArrayList<>(2);
        ZonedDateTime localNow = now.atZone(zone);
        boolean today = start.atZone(zone).toLocalDate().equals(localNow.toLocalDate());
        if (today && !start.isBefore(now)) {
            if (!policy.sameDayAllowed()) {
                refusals.add(new Problem(ErrorCode.SAME_DAY_NOT_ALLOWED, ClinicMessages.class,
                        ClinicMessages::sameDayNotAllowed));
            } else if (!localNow.toLocalTime().isBefore(policy.sameDayCutoff())) {
                refusals.add(new Problem(ErrorCode.SAME_DAY_CUTOFF_PASSED, ClinicMessages.class,
                        m -> m.sameDayCutoff(policy.sameDayCutoff().toString(), zone.getId())));
            }
        }
        if (start.isBefore(now.plus(policy.minAdvance()))) {
            refusals.add(Problem.worded(ErrorCode.TOO_SOON, locale -> Language.bundle(ClinicMessages.class, locale)
                    .tooSoon(Durations.words(policy.minAdvanceMinutes(), locale))));
        }
        if (start.isAfter(latest(now, zone, policy))) {
            refusals.add(new Problem(ErrorCode.TOO_FAR_AHEAD, ClinicMessages.class,
                    m -> m.tooFarAhead(policy.maxAdvanceDays())));
        }
        return refusals;
    }

    static boolean sameDayOpen(Instant now, ZoneId zone, BookingPolicy policy) {
        return policy.sameDayAllowed() && now.atZone(zone).toLocalTime().isBefore(policy.sameDayCutoff());
    }
}
