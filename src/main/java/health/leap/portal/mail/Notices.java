package health.leap.portal.mail;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.BookingChanged;
import health.leap.portal.appointments.CalendarExport;
import health.leap.portal.appointments.RefundSettled;
import health.leap.portal.platform.PortalConfig;
import health.leap.portal.web.Formats;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the patient hears about a change: each booking change and settled refund that a patient
 * cares about becomes one message in the outbox, written in the change's own transaction (the
 * lifecycle's events are synchronous), so a change that rolls back sends nothing and one that
 * commits is never without its message. Queueing is one statement on the patient's request; the
 * sender words the message when it goes ({@link #render}), in the centre's timezone with the zone
 * named, to the address and by the choices the patient has then.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notices {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance message(MailContent mail);

        static native TemplateInstance messageText(MailContent mail);
    }

    private final CalendarExport calendars;
    private final String publicUrl;
    private final String messageIdDomain;

    public Notices(CalendarExport calendars, PortalConfig config) {
        this.calendars = calendars;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        String host = URI.create(publicUrl).getHost();
        this.messageIdDomain = host == null ? "leaphealth-portal" : host;
    }

    void onChange(@Observes BookingChanged change) {
        kindOf(change).ifPresent(kind -> queue(kind, change.tenantId(), change.appointmentId(), change.actor().type(),
                kind + ":" + change.appointmentId(), change.at()));
    }

    void onRefund(@Observes RefundSettled refund) {
        MailKind kind = refund.completed() ? MailKind.REFUND_COMPLETED : MailKind.REFUND_FAILED;
        queue(kind, refund.tenantId(), refund.appointmentId(), ActorType.SYSTEM, kind + ":" + refund.refundId(), refund.at());
    }

    /** Queues the reminder of a confirmed visit; false when it was queued already. */
    boolean remind(long tenantId, long appointmentId, Instant now) {
        return queue(MailKind.REMINDER, tenantId, appointmentId, ActorType.SYSTEM, MailKind.REMINDER + ":" + appointmentId, now);
    }

    private boolean queue(MailKind kind, long tenantId, long appointmentId, ActorType actor, String dedupeKey, Instant now) {
        String messageId = "<" + dedupeKey.toLowerCase().replace('_', '-').replace(':', '.') + "." + tenantId
                + "@" + messageIdDomain + ">";
        return MailMessage.queue(appointmentId, kind, actor, dedupeKey, messageId, now);
    }

    /**
     * The message as it goes now, or empty with nothing to send: the patient has no address, turned
     * such mail off since, or the visit a reminder was for is no longer going ahead.
     */
    Optional<MailMessage.Rendered> render(MailMessage.Due message) {
        Optional<MailFacts> read = MailFacts.of(message.appointmentId());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        MailFacts facts = read.get();
        MailKind kind = message.kind();
        if (!facts.hasAddress() || !kind.wanted(facts.reminders(), facts.changeNotices())
                || kind == MailKind.REMINDER && facts.status() != AppointmentStatus.CONFIRMED) {
            return Optional.empty();
        }
        MailContent content = content(kind, facts, message.actor());
        // a calendar entry only for a visit going ahead: not for one waiting for approval or cancelled meanwhile
        String calendar = kind.calendar && facts.status() == AppointmentStatus.CONFIRMED ? calendars.ics(facts.id(), facts.startsAt(), facts.endsAt(), facts.zone(),
                facts.serviceName(), facts.doctorName(), facts.centreName(), facts.centreAddress()) : null;
        return Optional.of(new MailMessage.Rendered(facts.email(), content.subject(), Templates.message(content).render(),
                Templates.messageText(content).render(), calendar));
    }

    /** Which message a timeline line is, if any: a released hold, a check-in or a note by itself tells the patient nothing. */
    static Optional<MailKind> kindOf(BookingChanged c) {
        AppointmentStatus from = c.from();
        AppointmentStatus to = c.to();
        if (c.isNote() || to == AppointmentStatus.DRAFT) {
            return Optional.empty();
        }
        if (from == null) {
            // the booking a move created (a new hold starts as DRAFT, above)
            return Optional.of(MailKind.MOVED);
        }
        return Optional.ofNullable(switch (to) {
            case CONFIRMED -> from == AppointmentStatus.DRAFT ? MailKind.CONFIRMED
                    : from == AppointmentStatus.PENDING_APPROVAL ? MailKind.APPROVED : null;
            case PENDING_APPROVAL -> from == AppointmentStatus.DRAFT ? MailKind.AWAITING_APPROVAL : null;
            case CANCELLED -> from == AppointmentStatus.DRAFT ? null
                    : from == AppointmentStatus.PENDING_APPROVAL && c.actor().type() == ActorType.STAFF ? MailKind.DECLINED
                    : MailKind.CANCELLED;
            case EXPIRED -> MailKind.HOLD_EXPIRED;
            default -> null;
        });
    }

    MailContent content(MailKind kind, MailFacts f, ActorType actor) {
        String when = Formats.local(f.startsAt(), f.zone());
        String booking = publicUrl + "/appointments/" + f.id();
        String visit = f.serviceName() + " with " + f.doctorName();
        List<String> says = new ArrayList<>();
        String subject;
        String heading;
        String linkLabel = "View your booking";
        String link = booking;
        switch (kind) {
            case CONFIRMED -> {
                subject = "Booking confirmed: " + f.serviceName() + ", " + when;
                heading = "Your booking is confirmed";
                says.add("Dear " + f.patientName() + ", your visit is booked. The calendar file attached adds it to your calendar.");
                says.add("If you cannot come, cancel or move it from your booking's page so that someone else can have the time.");
            }
            case AWAITING_APPROVAL -> {
                subject = "Booking request received: " + f.serviceName() + ", " + when;
                heading = "Your booking is waiting for the clinic's approval";
                says.add("Dear " + f.patientName() + ", " + f.clinicName() + " approves this kind of visit before it is booked. "
                        + "The time is kept for you meanwhile, and we will email you when the clinic decides.");
            }
            case APPROVED -> {
                subject = "Booking approved: " + f.serviceName() + ", " + when;
                heading = "The clinic approved your booking";
                says.add("Dear " + f.patientName() + ", " + f.clinicName() + " approved your visit: it is booked. "
                        + "The calendar file attached adds it to your calendar.");
            }
            case DECLINED -> {
                subject = "Booking declined: " + f.serviceName() + ", " + when;
                heading = "The clinic could not accept your booking";
                says.add("Dear " + f.patientName() + ", " + f.clinicName() + " declined this booking"
                        + (f.cancelReason() == null ? "." : ". Their reason: " + f.cancelReason()));
                givenBack(f, says);
                linkLabel = "Choose another time";
                link = publicUrl + "/doctors/" + f.doctorId();
            }
            case CANCELLED -> {
                subject = "Booking cancelled: " + f.serviceName() + ", " + when;
                heading = "Your booking is cancelled";
                says.add("Dear " + f.patientName() + ", " + switch (actor) {
                    case PATIENT -> "you cancelled this booking";
                    case STAFF -> f.clinicName() + " cancelled this booking";
                    case SYSTEM -> "this booking was cancelled because the clinic did not approve it before its time";
                } + (f.cancelReason() == null || actor == ActorType.SYSTEM ? "." : ". Reason: " + f.cancelReason()));
                givenBack(f, says);
            }
            case MOVED -> {
                subject = "Booking moved: " + f.serviceName() + ", now " + when;
                heading = "Your booking has moved";
                says.add("Dear " + f.patientName() + ", your visit has moved"
                        + (f.movedFrom() == null ? "." : " from " + Formats.local(f.movedFrom(), f.zone()) + " to " + when + ".")
                        + (f.status() == AppointmentStatus.PENDING_APPROVAL
                        ? " The new time waits for the clinic's approval; we will email you when it decides."
                        : " The calendar file attached has the new time."));
            }
            case HOLD_EXPIRED -> {
                subject = "Your held time was released: " + f.serviceName() + ", " + when;
                heading = "We released the time we held for you";
                says.add("Dear " + f.patientName() + ", we held this time for you, but the booking was not finished in time, "
                        + "so the time was released and nothing was booked"
                        + (f.refundAmount() != null ? "." : ". Nothing was charged."));
                givenBack(f, says);
                linkLabel = "See " + f.doctorName() + "'s free times";
                link = publicUrl + "/doctors/" + f.doctorId();
            }
            case REMINDER -> {
                subject = "Reminder: " + f.serviceName() + ", " + when;
                heading = "Your visit is coming up";
                says.add("Dear " + f.patientName() + ", this is a reminder of your visit. "
                        + "If you cannot come, cancel or move it from your booking's page.");
            }
            case REFUND_COMPLETED -> {
                subject = "Refund completed: " + Formats.money(f.refundAmount(), f.refundCurrency());
                heading = "Your refund is complete";
                says.add("Dear " + f.patientName() + ", the refund of " + Formats.money(f.refundAmount(), f.refundCurrency())
                        + " for this booking is complete. Your bank may take a few days to show it.");
            }
            case REFUND_FAILED -> {
                subject = "Refund failed: " + Formats.money(f.refundAmount(), f.refundCurrency());
                heading = "Your refund did not go through";
                says.add("Dear " + f.patientName() + ", the refund of " + Formats.money(f.refundAmount(), f.refundCurrency())
                        + " for this booking failed at the payment provider. " + f.clinicName()
                        + " will contact you to pay it back another way.");
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        List<MailContent.Fact> facts = new ArrayList<>();
        facts.add(new MailContent.Fact(kind == MailKind.MOVED ? "New time" : "When", when));
        if (kind == MailKind.MOVED && f.movedFrom() != null) {
            facts.add(new MailContent.Fact("Was", Formats.local(f.movedFrom(), f.zone())));
        }
        facts.add(new MailContent.Fact("Visit", visit));
        facts.add(new MailContent.Fact("Where", f.centreName() + ", " + f.centreAddress()));
        if (f.refundAmount() != null && (kind == MailKind.CANCELLED || kind == MailKind.DECLINED
                || kind == MailKind.REFUND_COMPLETED || kind == MailKind.REFUND_FAILED || kind == MailKind.HOLD_EXPIRED)) {
            facts.add(new MailContent.Fact("Refund", Formats.money(f.refundAmount(), f.refundCurrency())));
        }
        facts.add(new MailContent.Fact("Reference", "Booking #" + f.id()));
        String preferences = kind.choice == MailKind.Choice.ALWAYS ? null : publicUrl + "/profile";
        return new MailContent(subject, heading, says, facts, linkLabel, link, f.clinicName(), preferences);
    }

    private static void givenBack(MailFacts f, List<String> says) {
        if (f.refundAmount() != null) {
            says.add("A refund of " + Formats.money(f.refundAmount(), f.refundCurrency())
                    + " is on its way to the card you paid with; we will email you when it completes.");
        }
        if (f.sessionGivenBack()) {
            says.add("The package session this booking used is back in your package.");
        }
    }
}
