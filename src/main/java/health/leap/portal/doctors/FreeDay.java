package health.leap.portal.doctors;

import java.time.LocalDate;

/**
 * A day of the booking horizon in the centre's calendar, with how many slots are free on it. The
 * test is not named {@code hasFreeSlots}: Qute reads {@code day.freeSlots} through a {@code has}
 * method before the record's accessor, and the day list said "true free".
 */
public record FreeDay(LocalDate date, int freeSlots) {

    public boolean bookable() {
        return freeSlots > 0;
    }
}
