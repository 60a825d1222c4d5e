package health.leap.portal.staff;

import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.payment.PaymentStatus;
import health.leap.portal.payment.RefundStatus;
import health.leap.portal.web.Formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** A centre's visits on one day, in the centre's zone, as the front desk works through them. */
public record DayList(List<Centre> centres, Centre centre, List<ClinicCatalog.Named> doctors, Long doctorId,
                      LocalDate day, LocalDate today, List<Visit> visits, Instant now) {

    public boolean showsToday() {
        return day.equals(today);
    }

    public LocalDate previousDay() {
        return day.minusDays(1);
    }

    public LocalDate nextDay() {
        return day.plusDays(1);
    }

    /** The list's address for another day, keeping the centre and doctor. */
    public String query(LocalDate date) {
        return "centre=" + centre.id() + (doctorId == null ? "" : "&doctor=" + doctorId) + "&date=" + date;
    }

    /** One booking on the day list. */
    public record Visit(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, String patientName,
                        String doctorName, String serviceName, BigDecimal amountDue, String currency,
                        PaymentStatus paymentStatus, BigDecimal paid, RefundStatus refundStatus, String packageName,
                        ZoneId zone) {

        public boolean canCheckIn(LocalDate today) {
            return status == AppointmentStatus.CONFIRMED && startsAt.atZone(zone).toLocalDate().equals(today);
        }

        public boolean canComplete() {
            return status == AppointmentStatus.CHECKED_IN;
        }

        /** What the patient has paid, or still owes, in the desk's words. */
        public String payment() {
            if (packageName != null) {
                return "Package: " + packageName;
            }
            if (amountDue.signum() == 0) {
                return "Nothing to pay online";
            }
            String amount = Formats.money(paid == null ? amountDue : paid, currency);
            if (paymentStatus == PaymentStatus.SUCCEEDED) {
                return "Paid online: " + amount + (refundStatus == null ? "" : ", refund " + refundStatus.name().toLowerCase(Locale.UK));
            }
            return "Not paid: " + amount + " due";
        }
    }
}
