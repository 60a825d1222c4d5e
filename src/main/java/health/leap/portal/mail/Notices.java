package health.leap.portal.mail;

import health.leap.portal.appointments.ActorType;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.appointments.BookingChanged;
import health.leap.portal.appointments.TimelineDetail;
import health.leap.portal.appointments.CalendarExport;
import health.leap.portal.appointments.RefundSettled;
import health.leap.portal.patient.Caller;
import health.leap.portal.patient.ContactRules;
import health.leap.portal.patient.EmailChangeLinks;
import health.leap.portal.patient.EmailChangeMail;
import health.leap.portal.platform.PortalConfig;
import health.leap.portal.web.Formats;
import health.leap.portal.web.Language;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the patient hears about a change: each booking change and settled refund that a patient
 * cares about becomes one message in the outbox, written in the change's own transaction (the
 * lifecycle's events are synchronous), so a change that rolls back sends nothing and one that
 * commits is never without its message. Queueing is one statement on the patient's request; the
 * sender words the message when it goes ({@link #render}), in the centre's timezone with the zone
 * named, to the address and by the choices the patient has then, and in the patient's language: the
 * one they chose, else that of their own request that caused the message, else English.
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
    private final Caller caller;
    private final String publicUrl;
    private final String messageIdDomain;

    private final Clock clock;
    private final EmailChangeLinks links;

    public Notices(CalendarExport calendars, Caller caller, PortalConfig config, Clock clock, EmailChangeLinks links) {
        this.calendars = calendars;
        this.links = links;
        this.caller = caller;
        this.clock = clock;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        String host = URI.create(publicUrl).getHost();
        this.messageIdDomain = host == null ? "leaphealth-portal" : host;
    }

    void onChange(@Observes BookingChanged change) {
        // a booking has one message of each kind, but the desk may send a payment link again
        kindOf(change).ifPresent(kind -> queue(kind, change.tenantId(), change.appointmentId(), change.actor().type(),
                kind + ":" + change.appointmentId() + (kind == MailKind.PAYMENT_LINK ? ":" + change.at().toEpochMilli() : ""),
                change.at()));
    }

    void onRefund(@Observes RefundSettled refund) {
        MailKind kind = refund.completed() ? MailKind.REFUND_COMPLETED : MailKind.REFUND_FAILED;
        queue(kind, refund.tenantId(), refund.appointmentId(), ActorType.SYSTEM, kind + ":" + refund.refundId(), refund.at());
    }

    /**
     * A new email address asked for (its link goes to it) or confirmed (the old address is told): neither
     * can be turned off, and each goes once.
     */
    void onEmailChange(@Observes EmailChangeMail change) {
        MailKind kind = change.step() == EmailChangeMail.Step.REQUESTED ? MailKind.EMAIL_CONFIRM : MailKind.EMAIL_CHANGED;
        String dedupeKey = kind + ":" + change.emailChangeId();
        MailMessage.queueAboutEmailChange(change.emailChangeId(), kind, ActorType.PATIENT, dedupeKey, messageId(dedupeKey,
                change.tenantId()), requestLanguage(), change.at());
    }

    /** Queues the reminder of a confirmed visit; false when it was queued already. */
    boolean remind(long tenantId, long appointmentId, Instant now) {
        return queue(MailKind.REMINDER, tenantId, appointmentId, ActorType.SYSTEM, MailKind.REMINDER + ":" + appointmentId, now);
    }

    private boolean queue(MailKind kind, long tenantId, long appointmentId, ActorType actor, String dedupeKey, Instant now) {
        return MailMessage.queue(appointmentId, kind, actor, dedupeKey, messageId(dedupeKey, tenantId), requestLanguage(), now);
    }

    private String messageId(String dedupeKey, long tenantId) {
        return "<" + dedupeKey.toLowerCase().replace('_', '-').replace(':', '.') + "." + tenantId + "@" + messageIdDomain + ">";
    }

    /**
     * The language tag of the request that causes a message, when that request is the patient's own;
     * null in a scheduled job, which has no request, and on a staff member's (the front desk acting for
     * the patient included) or a payment gateway's request, whose language is not the patient's.
     */
    private String requestLanguage() {
        ManagedContext context = Arc.container().requestContext();
        if (context == null || !context.isActive() || !caller.isPatient() || caller.isPreview() || caller.isDesk()) {
            return null;
        }
        return Language.ofRequest().map(Locale::toLanguageTag).orElse(null);
    }

    /**
     * The message as it goes now, or empty with nothing to send: the patient has no address, turned
     * such mail off since, or the visit a reminder was for is no longer going ahead.
     */
    Optional<MailMessage.Rendered> render(MailMessage.Due message) {
        if (message.emailChangeId() != null) {
            return renderEmailChange(message);
        }
        Optional<MailFacts> read = MailFacts.of(message.appointmentId(), message.id(), clock.instant());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        MailFacts facts = read.get();
        MailKind kind = message.kind();
        if (!facts.hasAddress() || !kind.wanted(facts.reminders(), facts.changeNotices())
                || kind == MailKind.REMINDER && facts.status() != AppointmentStatus.CONFIRMED
                || kind == MailKind.PAYMENT_LINK && (facts.status() != AppointmentStatus.DRAFT || facts.holdExpiresAt() == null
                || !facts.holdExpiresAt().isAfter(clock.instant()))) {
            return Optional.empty();
        }
        // coalesce(the patient's choice, the language of the request that queued it, 'en'), read with the facts
        Locale locale = Language.supported(facts.language());
        if (locale == null) {
            locale = Language.ENGLISH;
        }
        MailContent content = content(kind, facts, message.actor(), locale);
        // a calendar entry only for a visit going ahead: not for one waiting for approval or cancelled meanwhile;
        // the same file the booking's page offers, its title and description in the patient's language
        String calendar = kind.calendar && facts.status() == AppointmentStatus.CONFIRMED
                ? calendars.ics(facts.id(), facts.startsAt(), facts.endsAt(), facts.zone(), facts.serviceName(),
                facts.doctorName(), facts.centreName(), facts.centreAddress(), locale) : null;
        return Optional.of(new MailMessage.Rendered(facts.email(), content.subject(),
                Templates.message(content).setLocale(locale).render(),
                Templates.messageText(content).setLocale(locale).render(), calendar));
    }

    /**
     * A message about an email change as it goes now: the link to the new address while it still works,
     * the notice to the old address; empty with nothing to send (the link used, superseded or expired
     * meanwhile; no old address).
     */
    private Optional<MailMessage.Rendered> renderEmailChange(MailMessage.Due message) {
        Optional<EmailChangeFacts> read = EmailChangeFacts.of(message.emailChangeId(), message.id());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        EmailChangeFacts f = read.get();
        Locale locale = Language.supported(f.language());
        if (locale == null) {
            locale = Language.ENGLISH;
        }
        MailMessages words = Language.bundle(MailMessages.class, locale);
        String token = null;
        MailContent content;
        String recipient;
        if (message.kind() == MailKind.EMAIL_CONFIRM) {
            if (!f.linkOpen(clock.instant())) {
                return Optional.empty();
            }
            recipient = f.newEmail();
            token = links.token(f.linkNonce());
            String link = publicUrl + (f.byGuardian() ? "/family/" + f.leadId() : "") + "/profile/email/confirm?token=" + token;
            content = new MailContent(words.subjectEmailConfirm(f.clinicName()), words.headingEmailConfirm(),
                    List.of(f.byGuardian() ? words.saysEmailConfirmGuardian(f.guardianName(), f.patientName(), f.clinicName())
                            : words.saysEmailConfirm(f.patientName(), f.clinicName()), words.saysLinkWorksOnce()),
                    List.of(new MailContent.Fact(words.factNewAddress(), f.newEmail()),
                            new MailContent.Fact(words.factLinkWorksUntil(), Formats.local(f.expiresAt(), f.zone(), locale))),
                    words.confirmAddress(), link, f.clinicName(), null, locale.toLanguageTag());
        } else {
            if (f.oldEmail() == null || f.oldEmail().isBlank() || f.usedAt() == null) {
                return Optional.empty();
            }
            recipient = f.oldEmail();
            String masked = ContactRules.masked(f.newEmail());
            content = new MailContent(words.subjectEmailChanged(f.clinicName()), words.headingEmailChanged(),
                    List.of(words.saysEmailChanged(f.patientName(), f.clinicName(), masked), words.saysEmailChangedNotYou()),
                    List.of(new MailContent.Fact(words.factNewAddress(), masked),
                            new MailContent.Fact(words.factChangedOn(), Formats.local(f.usedAt(), f.zone(), locale))),
                    null, null, f.clinicName(), null, locale.toLanguageTag());
        }
        return Optional.of(new MailMessage.Rendered(recipient, content.subject(),
                Templates.message(content).setLocale(locale).render(),
                Templates.messageText(content).setLocale(locale).render(), null, token));
    }

    /** Which message a timeline line is, if any: a released hold, a check-in or a note by itself tells the patient nothing. */
    static Optional<MailKind> kindOf(BookingChanged c) {
        AppointmentStatus from = c.from();
        AppointmentStatus to = c.to();
        if (c.isNote() && TimelineDetail.isPaymentLink(c.detail())) {
            return Optional.of(MailKind.PAYMENT_LINK);
        }
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

    /** The message in the patient's language: {@code locale} words its sentences, times and amounts. */
    MailContent content(MailKind kind, MailFacts f, ActorType actor, Locale locale) {
        MailMessages words = Language.bundle(MailMessages.class, locale);
        String when = Formats.local(f.startsAt(), f.zone(), locale);
        String refund = f.refundAmount() == null ? null : Formats.money(f.refundAmount(), f.refundCurrency(), locale);
        // to a guardian: addressed to them, about the patient, with links to the patient's pages in their login
        String pages = publicUrl + (f.toGuardian() ? "/family/" + f.leadId() : "");
        String booking = pages + "/appointments/" + f.id();
        String service = f.serviceName();
        String patient = f.patientName();
        List<String> says = new ArrayList<>();
        String subject;
        String heading;
        String linkLabel = words.viewBooking();
        String link = booking;
        switch (kind) {
            case CONFIRMED -> {
                subject = words.subjectConfirmed(service, when);
                heading = words.headingConfirmed();
                says.add(words.saysConfirmed(patient));
                if (f.toPayAtDesk()) {
                    says.add(words.payAtDesk(Formats.money(f.amountDue(), f.currency(), locale)));
                }
                says.add(words.ifCannotCome());
            }
            case AWAITING_APPROVAL -> {
                subject = words.subjectAwaiting(service, when);
                heading = words.headingAwaiting();
                says.add(words.saysAwaiting(patient, f.clinicName()));
            }
            case APPROVED -> {
                subject = words.subjectApproved(service, when);
                heading = words.headingApproved();
                says.add(words.saysApproved(patient, f.clinicName()));
            }
            case DECLINED -> {
                subject = words.subjectDeclined(service, when);
                heading = words.headingDeclined();
                says.add(words.saysDeclined(patient, f.clinicName(), f.cancelReason()));
                givenBack(f, refund, words, says);
                linkLabel = words.chooseAnotherTime();
                link = pages + "/doctors/" + f.doctorId();
            }
            case CANCELLED -> {
                subject = words.subjectCancelled(service, when);
                heading = words.headingCancelled();
                says.add(words.saysCancelled(patient, actor.name(), f.clinicName(),
                        actor == ActorType.SYSTEM ? null : f.cancelReason()));
                givenBack(f, refund, words, says);
            }
            case MOVED -> {
                subject = words.subjectMoved(service, when);
                heading = words.headingMoved();
                says.add(words.saysMoved(patient, f.movedFrom() == null ? null : Formats.local(f.movedFrom(), f.zone(), locale),
                        when, f.status() == AppointmentStatus.PENDING_APPROVAL));
            }
            case HOLD_EXPIRED -> {
                subject = words.subjectHoldExpired(service, when);
                heading = words.headingHoldExpired();
                says.add(words.saysHoldExpired(patient, f.refundAmount() != null));
                givenBack(f, refund, words, says);
                linkLabel = words.seeFreeTimes(f.doctorName());
                link = pages + "/doctors/" + f.doctorId();
            }
            case REMINDER -> {
                subject = words.subjectReminder(service, when);
                heading = words.headingReminder();
                says.add(words.saysReminder(patient));
            }
            case PAYMENT_LINK -> {
                String amount = Formats.money(f.amountDue(), f.currency(), locale);
                subject = words.subjectPaymentLink(service, when);
                heading = words.headingPaymentLink();
                says.add(words.saysPaymentLink(patient, amount, Formats.local(f.holdExpiresAt(), f.zone(), locale)));
                linkLabel = words.payAndConfirm(amount);
            }
            case REFUND_COMPLETED -> {
                subject = words.subjectRefundCompleted(refund);
                heading = words.headingRefundCompleted();
                says.add(words.saysRefundCompleted(patient, refund));
            }
            case REFUND_FAILED -> {
                subject = words.subjectRefundFailed(refund);
                heading = words.headingRefundFailed();
                says.add(words.saysRefundFailed(patient, refund, f.clinicName()));
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        if (f.toGuardian()) {
            says.add(0, words.toGuardian(f.guardianName(), patient));
            subject = words.subjectFor(subject, patient);
        }
        List<MailContent.Fact> facts = new ArrayList<>();
        if (f.toGuardian()) {
            facts.add(new MailContent.Fact(words.factPatient(), patient));
        }
        facts.add(new MailContent.Fact(kind == MailKind.MOVED ? words.factNewTime() : words.factWhen(), when));
        facts.add(new MailContent.Fact(words.factEnds(), words.endsAt(Formats.time(f.endsAt(), f.zone()),
                Duration.between(f.startsAt(), f.endsAt()).toMinutes())));
        if (kind == MailKind.MOVED && f.movedFrom() != null) {
            facts.add(new MailContent.Fact(words.factWas(), Formats.local(f.movedFrom(), f.zone(), locale)));
        }
        facts.add(new MailContent.Fact(words.factVisit(), words.visit(service, f.doctorName())));
        facts.add(new MailContent.Fact(words.factWhere(), f.centreName() + ", " + f.centreAddress()));
        if (refund != null && (kind == MailKind.CANCELLED || kind == MailKind.DECLINED
                || kind == MailKind.REFUND_COMPLETED || kind == MailKind.REFUND_FAILED || kind == MailKind.HOLD_EXPIRED)) {
            facts.add(new MailContent.Fact(words.factRefund(), refund));
        }
        facts.add(new MailContent.Fact(words.factReference(), words.bookingReference(f.id())));
        String preferences = kind.choice == MailKind.Choice.ALWAYS ? null : pages + "/profile";
        return new MailContent(subject, heading, says, facts, linkLabel, link, f.clinicName(), preferences,
                locale.toLanguageTag());
    }

    private static void givenBack(MailFacts f, String refund, MailMessages words, List<String> says) {
        if (refund != null) {
            says.add(words.refundOnItsWay(refund));
        } else if (f.paidAndKept() && f.status() == AppointmentStatus.CANCELLED) {
            // the front desk cancelled inside the window and chose no refund
            says.add(words.nothingRefunded());
        }
        if (f.sessionGivenBack()) {
            says.add(words.sessionBack());
        }
    }
}
