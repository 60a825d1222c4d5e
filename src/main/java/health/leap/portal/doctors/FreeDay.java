package health.leap.portal.doctors;

import java.time.LocalDate;

/** A day of the booking horizon in the centre's calendar, with how many slots are free on it. */
public record FreeDay(LocalDate date, int freeSlots) {

    public boolean hasFreeSlots() {
        return freeSlots > 0;
    }
}
