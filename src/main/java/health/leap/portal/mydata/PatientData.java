package health.leap.portal.mydata;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.gateway.PaymentStatus;
import health.leap.portal.gateway.RefundStatus;
import health.leap.portal.mail.MailKind;
import health.leap.portal.mail.MailMessage;
import health.leap.portal.patient.ContactChange;
import health.leap.portal.packages.PackageStatus;
import health.leap.portal.patient.Relationship;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the portal holds about one patient of one clinic, as read at {@code exportedAt}: what
 * "My data" shows and what its file holds ({@link PatientDataJson}; src/docs/my-data.md describes each
 * field). Words the portal stores as codes (a cancel reason, a timeline line) are in the reader's
 * language; times are instants, shown in the centre's zone for a booking and in the clinic's
 * ({@code clinicZone}) for the rest.
 */
public record PatientData(Instant exportedAt, ZoneId clinicZone, Details patient, List<Booking> appointments,
                          List<Payment> payments, List<Refund> refunds, List<PackageBought> packages,
                          List<FamilyLink> familyLinks, MailChoices mailChoices, List<MailSent> mailsSent,
                          List<ContactChange.Line> contactChanges) {

    /** The patient as the clinic's records have them. */
    public record Details(long id, String clinic, String name, String email, String phone, LocalDate dateOfBirth) {
    }

    /** A booking, whatever became of it, with its timeline oldest first; {@code zone} is its centre's. */
    public record Booking(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, ZoneId zone, String doctor,
                          String centre, String service, BigDecimal amountDue, String currency, PaymentStatus paymentStatus,
                          Instant createdAt, String cancelReason, List<TimelineLine> timeline) {
    }

    /**
     * One change to a booking: who made it ({@code actorName}: the family member's name for a guardian,
     * the staff member's login for the clinic, else null) and what the timeline says of it.
     */
    public record TimelineLine(Instant at, AppointmentStatus fromStatus, AppointmentStatus toStatus, ActorType actor,
                               String actorName, String detail) {
    }

    /** Money paid, or started to be paid, online for a booking. */
    public record Payment(long id, long appointmentId, BigDecimal amount, String currency, String reference,
                          PaymentStatus status, Instant createdAt, Instant completedAt) {
    }

    /** Money given back for a payment. */
    public record Refund(long id, long paymentId, long appointmentId, BigDecimal amount, String currency,
                         RefundStatus status, Instant createdAt, Instant settledAt) {
    }

    /** A treatment package bought, with each session it paid for, oldest first. */
    public record PackageBought(long id, String name, PackageStatus status, int sessionsUsed, int sessionsTotal,
                                Instant validFrom, Instant validUntil, Instant purchasedAt, List<Redemption> redemptions) {
    }

    /** A session of a package taken for a booking, and given back if it was. */
    public record Redemption(long appointmentId, Instant redeemedAt, Instant reversedAt) {
    }

    /** Which side of a family link the patient is on. */
    public enum Role {
        /** The patient books for {@code otherPerson}. */
        GUARDIAN,
        /** {@code otherPerson} books for the patient. */
        DEPENDANT
    }

    /**
     * A family link, in force or ended: the other person, what the dependant is to the guardian, from
     * when, the first day it no longer holds (null: until ended) and when staff ended it.
     */
    public record FamilyLink(Role role, String otherPerson, Relationship relationship, Instant linkedAt,
                             LocalDate endsOn, Instant endedAt) {
    }

    /** The patient's email choices; {@code updatedAt} null while they never chose (then everything goes). */
    public record MailChoices(boolean reminders, boolean changeNotices, String language, Instant updatedAt) {
    }

    /**
     * An email the portal queued for the patient, and what became of it; its body is not kept here.
     * {@code appointmentId} is null for one about a change of their email address.
     */
    public record MailSent(Long appointmentId, MailKind kind, MailMessage.Status status, String recipient, String subject,
                           Instant createdAt, Instant sentAt) {
    }
}
