package health.leap.portal.staff;

import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.gateway.RefundStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
                        ZoneId zone, long leadId, boolean payAtDesk, Instant deskPaidAt, String deskReference) {

        public boolean canCheckIn(LocalDate today) {
            return status == AppointmentStatus.CONFIRMED && startsAt.atZone(zone).toLocalDate().equals(today);
        }

        /** Still unmarked on its day once its start has passed: the desk may say the patient did not come. */
        public boolean canMarkNoShow(Instant now) {
            return status == AppointmentStatus.CONFIRMED && NoShowRule.refusal(startsAt, zone, now).isEmpty();
        }

        public boolean canComplete() {
            return status == AppointmentStatus.CHECKED_IN;
        }

        /** Still owed at the desk by a visit going ahead or that took place: the desk records it paid. */
        public boolean owedAtDesk() {
            return payAtDesk && deskPaidAt == null && amountDue.signum() > 0
                    && (status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.PENDING_APPROVAL
                    || status == AppointmentStatus.CHECKED_IN || status == AppointmentStatus.COMPLETED);
        }

        /**
         * What the patient has paid, or still owes, as the desk's words need it ({@code staff:payment}):
         * PACKAGE (a package session paid it), FREE (nothing to pay online), PAID or DUE online, AT_DESK
         * (booked by the desk, to pay at the clinic) or DESK_PAID (paid at the clinic).
         */
        public String paymentKind() {
            if (packageName != null) {
                return "PACKAGE";
            }
            if (payAtDesk && amountDue.signum() > 0) {
                return deskPaidAt == null ? "AT_DESK" : "DESK_PAID";
            }
            if (amountDue.signum() == 0) {
                return "FREE";
            }
            return paymentStatus == PaymentStatus.SUCCEEDED ? "PAID" : "DUE";
        }

        /** The amount paid, or else the amount due. */
        public BigDecimal amount() {
            return paid == null ? amountDue : paid;
        }

        /** The refund's status code, or null where nothing was refunded. */
        public String refund() {
            return refundStatus == null ? null : refundStatus.name();
        }
    }
}
