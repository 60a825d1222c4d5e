package health.leap.portal.appointments;

import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.doctors.SlotPicker;
import health.leap.portal.web.ErrorCode;

import java.time.LocalDate;
import java.util.List;

/** Moving a booking: the booking as it is, the doctors who give its service, and the picker for the chosen one. */
public record ReschedulePage(AppointmentDetail appointment, List<ClinicCatalog.Named> doctors, SlotPicker picker,
                             ErrorCode errorCode, String error) {

    public String query(LocalDate date) {
        return "doctor=" + picker.doctor().id() + "&centre=" + picker.centre().id() + "&date=" + date;
    }
}
