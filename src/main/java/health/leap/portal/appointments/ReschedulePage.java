package health.leap.portal.appointments;

import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.doctors.SlotPicker;
import health.leap.portal.web.ErrorCode;

import java.time.LocalDate;
import java.util.List;

/**
 * Moving a booking: the booking as it is, the doctors who give its service, and the picker for the chosen
 * one. The booking's own time ({@code currentSlot}) is free for the move's sake (a longer service may
 * start half an hour later over it) but is no time to move to: the page names it instead of offering it.
 */
public record ReschedulePage(AppointmentDetail appointment, List<ClinicCatalog.Named> doctors, SlotPicker picker,
                             ErrorCode errorCode, String error, long currentSlot) {

    public boolean isCurrent(SlotPicker.PickerTime time) {
        return time.slot() == currentSlot;
    }

    public String query(LocalDate date) {
        return "doctor=" + picker.doctor().id() + "&centre=" + picker.centre().id() + "&date=" + date;
    }
}
