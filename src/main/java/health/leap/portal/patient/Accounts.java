package health.leap.portal.patient;

import java.util.Optional;

/**
 * The identity provider's accounts, as far as a patient's contact details go: the port the portal
 * keeps a confirmed email in step through. Shipped adapter: {@link KeycloakAccounts} (Keycloak's admin
 * API). Each method answers or refuses with a {@link health.leap.portal.web.Problem}: 503
 * {@code ACCOUNTS_UNAVAILABLE} when the provider does not answer, 409 {@code EMAIL_IN_USE} when it
 * says the address is another account's.
 */
public interface Accounts {

    /** A sign-in account: the provider's id for it and its email. */
    record Account(String id, String email) {
    }

    /**
     * The account that signs in as patient {@code leadId} of clinic {@code tenantId} (its {@code tenant_id}
     * and {@code lead_id} attributes); where several do, the one with the record's address
     * {@code recordEmail}. Empty for a patient without an account of their own (a child).
     */
    Optional<Account> of(long tenantId, long leadId, String recordEmail);

    /** True when an account other than {@code own} has {@code email}. */
    boolean takenByAnother(String email, Optional<Account> own);

    /** Gives the account a new email, confirmed: the patient opened the link sent to it. */
    void changeEmail(Account account, String email);
}
