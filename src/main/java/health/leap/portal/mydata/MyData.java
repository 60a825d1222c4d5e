package health.leap.portal.mydata;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.gateway.RefundStatus;
import health.leap.portal.packages.PackageStatus;
import health.leap.portal.patient.ContactChange;
import health.leap.portal.patient.Lead;
import health.leap.portal.patient.PatientMessages;
import health.leap.portal.patient.Relationship;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@link PatientData} for one patient of one clinic: eight statements however many bookings
 * they have, each filtered by the clinic and the patient, through the entities of the features that
 * own the tables. It only reads.
 */
@ApplicationScoped
public class MyData {

    private final Clock clock;

    public MyData(Clock clock) {
        this.clock = clock;
    }

    /** The patient, their clinic and their email choices, in one row. */
    record Head(long id, String clinic, String timezone, String name, String email, String phone, LocalDate dateOfBirth,
                Boolean reminders, Boolean changeNotices, String language, Instant choicesUpdatedAt) {
    }

    record BookingRow(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, String timezone, String doctor,
                      String centre, String service, BigDecimal amountDue, String currency, PaymentStatus paymentStatus,
                      Instant createdAt, String cancelReason) {
    }

    record EventRow(long appointmentId, Instant at, AppointmentStatus fromStatus, AppointmentStatus toStatus,
                    ActorType actor, String actorId, String detail) {
    }

    /** A payment and its refund, if it has one (a payment is refunded once). */
    record PaymentRow(long id, long appointmentId, BigDecimal amount, String currency, String reference, PaymentStatus status,
                      Instant createdAt, Instant completedAt, Long refundId, BigDecimal refundAmount, String refundCurrency,
                      RefundStatus refundStatus, Instant refundCreatedAt, Instant refundSettledAt) {
    }

    /** A package and one of its sessions taken, if it has any. */
    record PackageRow(long id, String name, PackageStatus status, int sessionsUsed, int sessionsTotal, Instant validFrom,
                      Instant validUntil, Instant purchasedAt, Long appointmentId, Instant redeemedAt, Instant reversedAt) {
    }

    record LinkRow(long guardianId, String guardianName, long dependantId, String dependantName, Relationship relationship,
                   Instant linkedAt, LocalDate endsOn, Instant endedAt) {
    }

    /** Everything the portal holds about patient {@code leadId} of clinic {@code tenantId}, its words in {@code locale}. */
    public PatientData of(long tenantId, long leadId, Locale locale) {
        Instant now = clock.instant();
        Head head = query("""
                select l.id, t.name, t.timezone, l.name, l.email, l.phone, l.dateOfBirth,
                       mp.reminders, mp.changeNotices, mp.language, mp.updatedAt
                from Lead l
                join Tenant t on t.id = l.tenantId
                left join MailPreference mp on mp.leadId = l.id and mp.tenantId = l.tenantId
                where l.id = ?1 and l.tenantId = ?2""", Head.class, leadId, tenantId)
                .getResultStream().findFirst()
                .orElseThrow(() -> Problem.notFound(PatientMessages.class, PatientMessages::patientNotFound));
        List<LinkRow> links = query("""
                select fl.guardianLeadId, g.name, fl.dependantLeadId, d.name, fl.relationship, fl.linkedAt, fl.endsOn, fl.endedAt
                from FamilyLink fl
                join Lead g on g.id = fl.guardianLeadId and g.tenantId = fl.tenantId
                join Lead d on d.id = fl.dependantLeadId and d.tenantId = fl.tenantId
                where fl.tenantId = ?1 and (fl.guardianLeadId = ?2 or fl.dependantLeadId = ?2)
                order by fl.linkedAt, fl.id""", LinkRow.class, tenantId, leadId).getResultList();
        List<PaymentRow> payments = query("""
                select p.id, p.appointmentId, p.amount, p.currency, p.reference, p.status, p.createdAt, p.completedAt,
                       r.id, r.amount, r.currency, r.status, r.createdAt, r.settledAt
                from Payment p
                left join Refund r on r.paymentId = p.id
                where p.tenantId = ?1 and p.leadId = ?2
                order by p.createdAt desc, p.id desc""", PaymentRow.class, tenantId, leadId).getResultList();
        List<PackageRow> packages = query("""
                select pp.id, tp.name, pp.status, pp.sessionsUsed, pp.sessionsTotal, pp.validFrom, pp.validUntil, pp.purchasedAt,
                       pr.appointmentId, pr.redeemedAt, pr.reversedAt
                from PackagePurchase pp
                join TreatmentPackage tp on tp.id = pp.packageId
                left join PackageRedemption pr on pr.patientPackageId = pp.id
                where pp.tenantId = ?1 and pp.leadId = ?2
                order by pp.purchasedAt desc, pp.id desc, pr.redeemedAt, pr.id""", PackageRow.class, tenantId, leadId)
                .getResultList();
        // the outbox is found by booking, as it is indexed, or by a change of the patient's email address
        List<PatientData.MailSent> mails = query("""
                select m.appointmentId, m.kind, m.status, m.recipient, m.subject, m.createdAt, m.sentAt
                from MailMessage m
                where m.tenantId = ?1 and m.leadId = ?2
                  and (m.appointmentId in (select a.id from Appointment a where a.tenantId = ?1 and a.leadId = ?2)
                       or m.emailChangeId in (select e.id from EmailChange e where e.tenantId = ?1 and e.leadId = ?2))
                order by m.createdAt desc, m.id desc""", PatientData.MailSent.class, tenantId, leadId).getResultList();
        return new PatientData(now, ZoneId.of(head.timezone()),
                new PatientData.Details(head.id(), head.clinic(), head.name(), head.email(), head.phone(), head.dateOfBirth()),
                bookings(tenantId, leadId, guardianNames(links, leadId), locale),
                payments.stream().map(p -> new PatientData.Payment(p.id(), p.appointmentId(), p.amount(), p.currency().trim(),
                        p.reference(), p.status(), p.createdAt(), p.completedAt())).toList(),
                payments.stream().filter(p -> p.refundId() != null).map(p -> new PatientData.Refund(p.refundId(), p.id(),
                        p.appointmentId(), p.refundAmount(), p.refundCurrency().trim(), p.refundStatus(), p.refundCreatedAt(),
                        p.refundSettledAt())).toList(),
                packagesOf(packages),
                links.stream().map(l -> l.guardianId() == leadId
                        ? new PatientData.FamilyLink(PatientData.Role.GUARDIAN, l.dependantName(), l.relationship(), l.linkedAt(),
                        l.endsOn(), l.endedAt())
                        : new PatientData.FamilyLink(PatientData.Role.DEPENDANT, l.guardianName(), l.relationship(), l.linkedAt(),
                        l.endsOn(), l.endedAt())).toList(),
                head.choicesUpdatedAt() == null
                        ? new PatientData.MailChoices(true, true, null, null)
                        : new PatientData.MailChoices(head.reminders(), head.changeNotices(), head.language(), head.choicesUpdatedAt()),
                mails, ContactChange.trailOf(tenantId, leadId));
    }

    /** The bookings, newest first, each with its timeline: two statements for all of them. */
    private List<PatientData.Booking> bookings(long tenantId, long leadId, Map<String, String> guardians, Locale locale) {
        List<BookingRow> rows = query("""
                select a.id, a.status, a.startsAt, a.endsAt, c.timezone, d.name, c.name, s.name, a.amountDue, a.currency,
                       p.status, a.createdAt, a.cancelReason
                from Appointment a
                join Doctor d on d.id = a.doctorId
                join CentreRow c on c.id = a.centreId
                join ServiceRow s on s.id = a.serviceId
                left join Payment p on p.id = a.paymentId
                where a.tenantId = ?1 and a.leadId = ?2
                order by a.startsAt desc, a.id desc""", BookingRow.class, tenantId, leadId).getResultList();
        Map<Long, List<PatientData.TimelineLine>> timelines = query("""
                select e.appointmentId, e.at, e.fromStatus, e.toStatus, e.actorType, e.actorId, e.detail
                from AppointmentEvent e
                join Appointment a on a.id = e.appointmentId
                where a.tenantId = ?1 and a.leadId = ?2
                order by e.appointmentId, e.at, e.id""", EventRow.class, tenantId, leadId).getResultStream()
                .collect(Collectors.groupingBy(EventRow::appointmentId, Collectors.mapping(e -> new PatientData.TimelineLine(
                        e.at(), e.fromStatus(), e.toStatus(), e.actor(), actorName(e, guardians),
                        TimelineDetail.words(e.detail(), locale)), Collectors.toList())));
        return rows.stream().map(b -> new PatientData.Booking(b.id(), b.status(), b.startsAt(), b.endsAt(), ZoneId.of(b.timezone()),
                b.doctor(), b.centre(), b.service(), b.amountDue(), b.currency().trim(), b.paymentStatus(), b.createdAt(),
                TimelineDetail.words(b.cancelReason(), locale), timelines.getOrDefault(b.id(), List.of()))).toList();
    }

    /**
     * Who made a change, as the patient may know them: the family member's name (a guardian acts only
     * through a link, and links are kept once ended, so the patient's own links name every guardian on
     * their timeline) or the staff member's login, as the booking's page shows them.
     */
    private static String actorName(EventRow event, Map<String, String> guardians) {
        return switch (event.actor()) {
            case GUARDIAN -> guardians.get(event.actorId());
            case STAFF -> event.actorId();
            case PATIENT, SYSTEM -> null;
        };
    }

    /** The names of those who book for the patient, by lead id as a timeline line records it. */
    private static Map<String, String> guardianNames(List<LinkRow> links, long leadId) {
        Map<String, String> names = new LinkedHashMap<>();
        links.stream().filter(l -> l.dependantId() == leadId)
                .forEach(l -> names.put(Long.toString(l.guardianId()), l.guardianName()));
        return names;
    }

    /** One package per bought one, its sessions in the order they were taken. */
    private static List<PatientData.PackageBought> packagesOf(List<PackageRow> rows) {
        Map<Long, List<PackageRow>> byPackage = rows.stream()
                .collect(Collectors.groupingBy(PackageRow::id, LinkedHashMap::new, Collectors.toList()));
        List<PatientData.PackageBought> bought = new ArrayList<>(byPackage.size());
        for (List<PackageRow> sessions : byPackage.values()) {
            PackageRow p = sessions.get(0);
            bought.add(new PatientData.PackageBought(p.id(), p.name(), p.status(), p.sessionsUsed(), p.sessionsTotal(),
                    p.validFrom(), p.validUntil(), p.purchasedAt(), sessions.stream().filter(s -> s.appointmentId() != null)
                    .map(s -> new PatientData.Redemption(s.appointmentId(), s.redeemedAt(), s.reversedAt())).toList()));
        }
        return bought;
    }

    private static <T> TypedQuery<T> query(String hql, Class<T> row, Object... params) {
        EntityManager em = Lead.getEntityManager();
        TypedQuery<T> query = em.createQuery(hql, row);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}
