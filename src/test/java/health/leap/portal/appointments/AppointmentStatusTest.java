package health.leap.portal.appointments;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static health.leap.portal.appointments.AppointmentStatus.ACTIVE;
import static health.leap.portal.appointments.AppointmentStatus.CANCELLED;
import static health.leap.portal.appointments.AppointmentStatus.CHECKED_IN;
import static health.leap.portal.appointments.AppointmentStatus.COMPLETED;
import static health.leap.portal.appointments.AppointmentStatus.CONFIRMED;
import static health.leap.portal.appointments.AppointmentStatus.DRAFT;
import static health.leap.portal.appointments.AppointmentStatus.EXPIRED;
import static health.leap.portal.appointments.AppointmentStatus.NO_SHOW;
import static health.leap.portal.appointments.AppointmentStatus.PENDING_APPROVAL;
import static health.leap.portal.appointments.AppointmentStatus.RESCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle's table of moves, against SPEC's state diagram: every move it draws, and nothing else. */
class AppointmentStatusTest {

    @Test
    void theMovesAreTheSpecsStateDiagram() {
        // confirm (maybe to wait for the clinic), release or cancel, run out
        assertEquals(EnumSet.of(PENDING_APPROVAL, CONFIRMED, CANCELLED, EXPIRED), DRAFT.next());
        // approve; decline, cancel by the patient, not decided in time
        assertEquals(EnumSet.of(CONFIRMED, CANCELLED), PENDING_APPROVAL.next());
        // check in, no-show by the desk, the completion job (COMPLETED or NO_SHOW), cancel, reschedule
        assertEquals(EnumSet.of(CHECKED_IN, NO_SHOW, COMPLETED, CANCELLED, RESCHEDULED), CONFIRMED.next());
        // complete (desk or job), reschedule
        assertEquals(EnumSet.of(COMPLETED, RESCHEDULED), CHECKED_IN.next());
    }

    @Test
    void endedBookingsGoNowhere() {
        for (AppointmentStatus ended : EnumSet.of(COMPLETED, NO_SHOW, CANCELLED, EXPIRED, RESCHEDULED)) {
            assertTrue(ended.isFinal(), ended + " is final");
            assertEquals(Set.of(), ended.next(), ended + " goes nowhere");
            for (AppointmentStatus to : AppointmentStatus.values()) {
                assertFalse(ended.canMoveTo(to), ended + " → " + to);
            }
        }
        for (AppointmentStatus open : EnumSet.of(DRAFT, PENDING_APPROVAL, CONFIRMED, CHECKED_IN)) {
            assertFalse(open.isFinal(), open + " is not final");
        }
    }

    @Test
    void aNoShowIsOnlyForAConfirmedVisitThatWasNotCheckedIn() {
        assertTrue(CONFIRMED.canMoveTo(NO_SHOW));
        for (AppointmentStatus from : EnumSet.complementOf(EnumSet.of(CONFIRMED))) {
            assertFalse(from.canMoveTo(NO_SHOW), from + " → NO_SHOW");
        }
        assertFalse(ACTIVE.contains(NO_SHOW), "a no-show does not count toward the active limit");
    }

    @Test
    void aPendingBookingIsNotMovedNorCheckedIn() {
        assertFalse(PENDING_APPROVAL.canMoveTo(RESCHEDULED));
        assertFalse(PENDING_APPROVAL.canMoveTo(CHECKED_IN));
        assertFalse(CHECKED_IN.canMoveTo(CANCELLED), "a patient who arrived is not cancelled");
        assertFalse(CHECKED_IN.canMoveTo(NO_SHOW), "a patient who arrived came");
    }

    @Test
    void nothingMovesToItselfOrBackToAHold() {
        for (AppointmentStatus s : AppointmentStatus.values()) {
            assertFalse(s.canMoveTo(s), s + " → itself");
            assertFalse(s.canMoveTo(DRAFT), s + " → DRAFT");
        }
    }

    @Test
    void aTimelineLineIsABeginningANoteOrAnAllowedMove() {
        // a hold, or the booking a move makes
        assertTrue(AppointmentStatus.allows(null, DRAFT));
        assertTrue(AppointmentStatus.allows(null, CONFIRMED));
        assertTrue(AppointmentStatus.allows(null, PENDING_APPROVAL));
        assertFalse(AppointmentStatus.allows(null, COMPLETED));
        assertFalse(AppointmentStatus.allows(null, NO_SHOW));
        // a note changes no status: a hold kept longer, a refund settled after the end
        assertTrue(AppointmentStatus.allows(DRAFT, DRAFT));
        assertTrue(AppointmentStatus.allows(CANCELLED, CANCELLED));
        assertTrue(AppointmentStatus.allows(CONFIRMED, NO_SHOW));
        assertFalse(AppointmentStatus.allows(NO_SHOW, COMPLETED));
        assertFalse(AppointmentStatus.allows(COMPLETED, NO_SHOW));
    }

    @Test
    void theTableCannotBeChangedFromOutside() {
        assertThrows(UnsupportedOperationException.class, () -> CONFIRMED.next().add(DRAFT));
    }
}
