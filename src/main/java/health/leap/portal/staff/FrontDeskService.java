package health.leap.portal.staff;

import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentLifecycle;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.clinic.Centre;
import health.leap.portal.clinic.CentreRow;
import health.leap.portal.clinic.ClinicCatalog;
import health.leap.portal.clinic.Doctor;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.gateway.RefundStatus;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The front desk of a centre: the day's visits, and marking a patient checked in when they arrive,
 * the visit completed when they leave, or a no-show when they did not come. Each mark is a
 * compare-and-set on the status the desk saw (a move {@code AppointmentStatus} allows), recorded on
 * the timeline with the staff member as actor; staff act in their own tenant only.
 */
@ApplicationScoped
public class FrontDeskService {
    private final Clock clock;
    private final ClinicCatalog catalog;
    private final AppointmentLifecycle lifecycle;

    public FrontDeskService(Clock clock, ClinicCatalog catalog, AppointmentLifecycle lifecycle) {
        this.clock = clock;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
    }

    /** The day list of one centre (the tenant's first when none is chosen), today in its zone unless a date is given. */
    public DayList day(long tenantId, Long centreId, Long doctorId, LocalDate date) {
        List<Centre> centres = catalog.centres(tenantId);
        if (centres.isEmpty()) {
            throw Problem.notFound(StaffMessages.class, StaffMessages::centreNotFound);
        }
        Centre centre = centreId == null ? centres.get(0)
                : centres.stream().filter(c -> c.id() == centreId).findFirst().orElseThrow(() -> centreOutside(centreId));

        Instant now = clock.instant();
        LocalDate today = now.atZone(centre.zone()).toLocalDate();
        LocalDate day = date == null ? today : date;
        List<ClinicCatalog.Named> doctors = Doctor.getEntityManager().createQuery("""
                select distinct d.id, d.name from Doctor d join Offering o on o.doctorId = d.id
                where d.tenantId = ?1 and o.centreId = ?2 order by d.name, d.id""", ClinicCatalog.Named.class)
                .setParameter(1, tenantId).setParameter(2, centre.id()).getResultList();
        // a doctor who does not work at this centre (the desk changed centre) shows the whole centre
        Long doctor = doctorId != null && doctors.stream().anyMatch(d -> d.id() == doctorId) ? doctorId : null;
        return new DayList(centres, centre, doctors, doctor, day, today, visits(tenantId, centre, doctor, day), now);
    }

    private List<DayList.Visit> visits(long tenantId, Centre centre, Long doctorId, LocalDate day) {
        record Row(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, String patient, String doctor,
                   String service, BigDecimal amountDue, String currency, PaymentStatus paymentStatus, BigDecimal paid,
                   RefundStatus refundStatus, String packageName, long leadId, boolean payAtDesk, Instant deskPaidAt,
                   String deskReference) {
        }
        // how each visit is paid: its payment, that payment's refund, and the package whose session it took
        TypedQuery<Row> query = Appointment.getEntityManager().createQuery("""
                select a.id, a.status, a.startsAt, a.endsAt, l.name, d.name, s.name, a.amountDue, a.currency,
                       p.status, p.amount, r.status, pk.name, a.leadId, a.payAtDesk, a.deskPaidAt, a.deskPaymentReference
                from Appointment a
                join Lead l on l.id = a.leadId
                join Doctor d on d.id = a.doctorId
                join ServiceRow s on s.id = a.serviceId
                left join Payment p on p.id = a.paymentId
                left join Refund r on r.paymentId = p.id
                left join PackageRedemption pr on pr.appointmentId = a.id and pr.reversedAt is null
                left join PackagePurchase pp on pp.id = pr.patientPackageId
                left join TreatmentPackage pk on pk.id = pp.packageId
                where a.tenantId = ?1 and a.centreId = ?2 and a.startsAt >= ?3 and a.startsAt < ?4 and a.status in ?5
                """ + (doctorId == null ? "" : "and a.doctorId = ?6 ") + """
                order by a.startsAt, d.name, a.id""", Row.class)
                .setParameter(1, tenantId).setParameter(2, centre.id())
                .setParameter(3, day.atStartOfDay(centre.zone()).toInstant())
                .setParameter(4, day.plusDays(1).atStartOfDay(centre.zone()).toInstant())
                .setParameter(5, List.of(AppointmentStatus.PENDING_APPROVAL, AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN,
                        AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED));
        if (doctorId != null) {
            query.setParameter(6, doctorId);
        }
        return query.getResultStream().map(v -> new DayList.Visit(v.id(), v.status(), v.startsAt(), v.endsAt(), v.patient(),
                v.doctor(), v.service(), v.amountDue(), v.currency().trim(), v.paymentStatus(), v.paid(), v.refundStatus(),
                v.packageName(), centre.zone(), v.leadId(), v.payAtDesk(), v.deskPaidAt(), v.deskReference())).toList();
    }

    /** Where a marked visit is on the day lists: its centre and its day there. */
    public record Marked(long centreId, LocalDate day) {
    }

    /**
     * How a patient paid at the desk, as the visit keeps it: by the card terminal or in cash, with the
     * desk's reference if any; null for {@code later} (not paid yet, left owed). Anything else is a 400.
     */
    public static String deskPayment(String paidBy, String reference) {
        String how = switch (paidBy) {
            case "card" -> "card";
            case "cash" -> "cash";
            case "later" -> null;
            default -> throw Problem.badRequest(StaffMessages.class, StaffMessages::paidByUnknown);
        };
        return how == null || reference == null ? how : how + " " + reference;
    }

    /**
     * The amount due of a visit booked to be paid at the clinic, paid at the desk: recorded with how
     * ({@link #deskPayment}) and by whom. Refused when nothing is owed at the desk (paid already, or
     * not a visit to pay at the desk).
     */
    @Transactional
    public Marked paidAtDesk(long tenantId, String staffUser, long appointmentId, String payment) {
        Instant now = clock.instant();
        Appointment visit = visitOf(tenantId, appointmentId);
        if (!lifecycle.paidAtDesk(visit, payment, now, AppointmentLifecycle.Actor.staff(staffUser))) {
            throw new Problem(ErrorCode.INVALID_STATE, StaffMessages.class, StaffMessages::nothingOwedAtDesk);
        }
        Centre centre = catalog.centre(visit.centreId);
        return new Marked(centre.id(), visit.startsAt.atZone(centre.zone()).toLocalDate());
    }

    /** The patient has arrived and, if they paid at the desk then, how ({@code payment}, or null). */
    @Transactional
    public Marked checkIn(long tenantId, String staffUser, long appointmentId, String payment) {
        // the payment first, on the status the visit has now; the check-in's refusal rolls both back
        if (payment != null) {
            paidAtDesk(tenantId, staffUser, appointmentId, payment);
        }
        return checkIn(tenantId, staffUser, appointmentId);
    }

    /** The patient has arrived: CONFIRMED → CHECKED_IN, on the day of the visit. */
    @Transactional
    public Marked checkIn(long tenantId, String staffUser, long appointmentId) {
        Instant now = clock.instant();
        Appointment visit = visitOf(tenantId, appointmentId);
        Centre centre = catalog.centre(visit.centreId);
        LocalDate day = visit.startsAt.atZone(centre.zone()).toLocalDate();
        if (visit.status == AppointmentStatus.CONFIRMED && !day.equals(now.atZone(centre.zone()).toLocalDate())) {
            throw new Problem(ErrorCode.NOT_THE_VISIT_DAY, StaffMessages.class, StaffMessages::notTheVisitDay);
        }
        mark(visit, AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN, staffUser, now, TimelineDetail.checkedIn());
        return new Marked(centre.id(), day);
    }

    /** The visit is over: CHECKED_IN → COMPLETED. */
    @Transactional
    public Marked complete(long tenantId, String staffUser, long appointmentId) {
        Instant now = clock.instant();
        Appointment visit = visitOf(tenantId, appointmentId);
        mark(visit, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED, staffUser, now, TimelineDetail.completed());
        Centre centre = catalog.centre(visit.centreId);
        return new Marked(centre.id(), visit.startsAt.atZone(centre.zone()).toLocalDate());
    }

    /** The patient did not come: CONFIRMED → NO_SHOW, on the day of the visit once its start has passed. */
    @Transactional
    public Marked noShow(long tenantId, String staffUser, long appointmentId) {
        Instant now = clock.instant();
        Appointment visit = visitOf(tenantId, appointmentId);
        Centre centre = catalog.centre(visit.centreId);
        if (visit.status == AppointmentStatus.CONFIRMED) {
            NoShowRule.refusal(visit.startsAt, centre.zone(), now).ifPresent(p -> {
                throw p;
            });
        }
        mark(visit, AppointmentStatus.CONFIRMED, AppointmentStatus.NO_SHOW, staffUser, now, TimelineDetail.noShow());
        return new Marked(centre.id(), visit.startsAt.atZone(centre.zone()).toLocalDate());
    }

    private void mark(Appointment visit, AppointmentStatus from, AppointmentStatus to, String staffUser, Instant now,
                      String detail) {
        if (visit.status != from || !lifecycle.transition(visit, to, now, AppointmentLifecycle.Actor.staff(staffUser), detail)) {
            AppointmentStatus current = visit.status == from ? lifecycle.currentStatus(visit.id) : visit.status;
            throw new Problem(ErrorCode.INVALID_STATE, StaffMessages.class, m -> m.visitCannot(current.name(), to.name()));
        }
    }

    private Appointment visitOf(long tenantId, long appointmentId) {
        Appointment visit = Appointment.findById(appointmentId);
        if (visit == null) {
            throw Problem.notFound(StaffMessages.class, StaffMessages::appointmentNotFound);
        }
        if (visit.tenantId != tenantId) {
            throw Problem.forbidden(StaffMessages.class, StaffMessages::appointmentNotYours);
        }
        return visit;
    }

    /** A centre of another clinic is not the caller's to see; one that exists nowhere is not found. */
    private Problem centreOutside(long centreId) {
        return CentreRow.count("id", centreId) > 0
                ? Problem.forbidden(StaffMessages.class, StaffMessages::centreNotYours)
                : Problem.notFound(StaffMessages.class, StaffMessages::centreNotFound);
    }
}
