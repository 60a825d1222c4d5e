package health.leap.portal.patient;

import health.leap.portal.platform.NativeSql;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A patient's contact details changed on their profile, by them, by a guardian for a dependant, or (the
 * phone only) by the front desk acting for them: the clinic's record ({@code lead}, what every email is
 * addressed by) and the identity provider's account change together, each change on the trail
 * ({@link ContactChange}) as its actor's. A new email goes through a link mailed to it; the old address
 * is told once it changed. The one writer of the patient's contact columns of {@code lead}.
 */
@ApplicationScoped
@Transactional
public class ContactDetails {

    private final Caller caller;
    private final Clock clock;
    private final Accounts accounts;
    private final EmailChangeLinks links;
    private final Event<EmailChangeMail> mail;

    public ContactDetails(Caller caller, Clock clock, Accounts accounts, EmailChangeLinks links, Event<EmailChangeMail> mail) {
        this.caller = caller;
        this.clock = clock;
        this.accounts = accounts;
        this.links = links;
        this.mail = mail;
    }

    /** A request for a new address, as the confirming page shows it. */
    public record PendingEmail(String newEmail, Instant expiresAt) {
    }

    /** The phone changes at once; the same number again changes nothing. */
    public void changePhone(String typed) {
        String phone = ContactRules.phone(typed);
        long tenantId = caller.tenantId();
        long leadId = caller.leadId();
        Lead lead = lockedLead(tenantId, leadId);
        if (phone.equals(lead.phone)) {
            return;
        }
        // native: Lead is read-only to Hibernate (no dirty checking of every patient read), this is its one write
        NativeSql.update("update lead set phone = ? where id = ? and tenant_id = ?", phone, leadId, tenantId);
        record(ContactChange.Field.PHONE, lead.phone, phone);
    }

    /**
     * Mails a link to the new address: nothing changes until it is opened. Refused when the address is
     * the record's already or another patient's or account's, and at the desk (only the patient can
     * open the link). Returns the address as kept.
     */
    public String requestEmail(String typed) {
        refuseAtDesk();
        String email = ContactRules.email(typed);
        long tenantId = caller.tenantId();
        long leadId = caller.leadId();
        Lead lead = lockedLead(tenantId, leadId);
        if (email.equalsIgnoreCase(lead.email)) {
            throw new Problem(ErrorCode.EMAIL_UNCHANGED, PatientMessages.class, PatientMessages::emailUnchanged);
        }
        refuseIfTaken(email, tenantId, leadId, lead.email);
        Instant now = clock.instant();
        String nonce = EmailChangeLinks.newNonce();
        boolean guardian = caller.isActingForFamily();
        long id = EmailChange.request(tenantId, leadId, email, lead.email,
                guardian ? EmailChange.RequestedBy.GUARDIAN : EmailChange.RequestedBy.PATIENT,
                guardian ? caller.guardianLeadId() : leadId, nonce, EmailChangeLinks.hash(links.token(nonce)), now);
        mail.fire(new EmailChangeMail(tenantId, id, EmailChangeMail.Step.REQUESTED, now));
        return email;
    }

    /** The request a link names, when this caller may still confirm it: the page before the button. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PendingEmail pending(String token) {
        EmailChange change = openLink(token);
        return new PendingEmail(change.newEmail, change.expiresAt);
    }

    /**
     * Opens the link: the record and the account take the new address, the trail says so and the old
     * address is told. The account changes last, so that when the identity provider refuses or does
     * not answer, nothing at all has changed.
     */
    public String confirmEmail(String token) {
        EmailChange change = openLink(token);
        long tenantId = change.tenantId;
        long leadId = change.leadId;
        Lead lead = lockedLead(tenantId, leadId);
        Optional<Accounts.Account> account = refuseIfTaken(change.newEmail, tenantId, leadId, lead.email);
        Instant now = clock.instant();
        if (!EmailChange.use(change.id, lead.email, now)) {
            // opened twice at once: the other one changed it
            throw new Problem(ErrorCode.EMAIL_LINK_USED, PatientMessages.class, PatientMessages::emailLinkUsed);
        }
        NativeSql.update("update lead set email = ? where id = ? and tenant_id = ?", change.newEmail, leadId, tenantId);
        record(ContactChange.Field.EMAIL, lead.email, change.newEmail);
        if (lead.email != null && !lead.email.isBlank()) {
            mail.fire(new EmailChangeMail(tenantId, change.id, EmailChangeMail.Step.CONFIRMED, now));
        }
        account.ifPresent(a -> accounts.changeEmail(a, change.newEmail));
        return change.newEmail;
    }

    /** The new address waiting for its link, while the link still works. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PendingEmail> openRequest() {
        return EmailChange.openOf(caller.tenantId(), caller.leadId(), clock.instant())
                .map(change -> new PendingEmail(change.newEmail, change.expiresAt));
    }

    /** The patient's trail of contact changes, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactChange.Line> trail() {
        return ContactChange.trailOf(caller.tenantId(), caller.leadId());
    }

    /**
     * The request behind a link, refused unless it is this caller's to open now: asked for this patient,
     * by this caller (a guardian's link is the guardian's, a patient's their own), still open.
     */
    private EmailChange openLink(String token) {
        refuseAtDesk();
        if (token == null || !EmailChangeLinks.TOKEN.matcher(token).matches()) {
            // not even the shape of a token: malformed, as any other parameter would be
            throw Problem.badRequest(PatientMessages.class, PatientMessages::emailLinkUnknown);
        }
        EmailChange change = EmailChange.byTokenHash(EmailChangeLinks.hash(token))
                .orElseThrow(() -> new Problem(ErrorCode.EMAIL_LINK_UNKNOWN, PatientMessages.class, PatientMessages::emailLinkUnknown));
        boolean guardian = caller.isActingForFamily();
        long opener = guardian ? caller.guardianLeadId() : caller.leadId();
        if (change.tenantId != caller.tenantId() || change.leadId != caller.leadId() || change.requestedByLead != opener
                || (change.requestedBy == EmailChange.RequestedBy.GUARDIAN) != guardian) {
            throw new Problem(ErrorCode.EMAIL_LINK_NOT_YOURS, PatientMessages.class, PatientMessages::emailLinkNotYours);
        }
        ContactRules.linkRefusal(change.usedAt, change.supersededAt, change.expiresAt, clock.instant()).ifPresent(refusal -> {
            throw refusal;
        });
        return change;
    }

    private void refuseAtDesk() {
        if (caller.isDesk()) {
            throw new Problem(ErrorCode.EMAIL_CHANGE_NOT_AT_DESK, PatientMessages.class, PatientMessages::emailChangeNotAtDesk);
        }
    }

    /**
     * Refuses an address another patient of the clinic or another account has; returns the patient's
     * own account, if they have one.
     */
    private Optional<Accounts.Account> refuseIfTaken(String email, long tenantId, long leadId, String recordEmail) {
        if (Lead.count("tenantId = ?1 and id <> ?2 and lower(trim(email)) = ?3", tenantId, leadId, email) > 0) {
            throw new Problem(ErrorCode.EMAIL_IN_USE, PatientMessages.class, PatientMessages::emailInUse);
        }
        Optional<Accounts.Account> own = accounts.of(tenantId, leadId, recordEmail);
        if (accounts.takenByAnother(email, own)) {
            throw new Problem(ErrorCode.EMAIL_IN_USE, PatientMessages.class, PatientMessages::emailInUse);
        }
        return own;
    }

    /** The patient's record, locked until the change commits: one change of a patient's details at a time. */
    private static Lead lockedLead(long tenantId, long leadId) {
        Lead.lockForChanges(tenantId, leadId);
        Lead lead = Lead.<Lead>find("id = ?1 and tenantId = ?2", leadId, tenantId).firstResult();
        if (lead == null) {
            throw Problem.notFound(PatientMessages.class, PatientMessages::patientNotFound);
        }
        return lead;
    }

    private void record(ContactChange.Field field, String oldValue, String newValue) {
        Instant now = clock.instant();
        if (caller.isDesk()) {
            ContactChange.record(caller.tenantId(), caller.leadId(), field, oldValue, newValue, ContactChange.Actor.STAFF,
                    null, caller.userName(), now);
        } else if (caller.isActingForFamily()) {
            ContactChange.record(caller.tenantId(), caller.leadId(), field, oldValue, newValue, ContactChange.Actor.GUARDIAN,
                    caller.guardianLeadId(), null, now);
        } else {
            ContactChange.record(caller.tenantId(), caller.leadId(), field, oldValue, newValue, ContactChange.Actor.PATIENT,
                    caller.leadId(), null, now);
        }
    }
}
