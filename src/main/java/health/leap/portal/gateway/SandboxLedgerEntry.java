package health.leap.portal.gateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of the SANDBOX gateway's own books: a checkout or a refund, and what it became. The
 * first decision stands: every decision is a compare-and-set on a line still open.
 */
@Entity
@Table(name = "sandbox_gateway_ledger")
public class SandboxLedgerEntry extends PanacheEntityBase {

    static final String PAYMENT = "PAYMENT";
    static final String REFUND = "REFUND";

    @Id
    public String reference;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    public String outcome;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Opens a line for a checkout or a refund the portal asked for; a checkout asked for again keeps its line. */
    static void open(String reference, String kind, BigDecimal amount, String currency, Instant at) {
        if (findById(reference) != null) {
            return;
        }
        SandboxLedgerEntry entry = new SandboxLedgerEntry();
        entry.reference = reference;
        entry.kind = kind;
        entry.amount = amount;
        entry.currency = currency;
        entry.createdAt = at;
        entry.persist();
    }

    /** Decides an open line as {@code outcome}; true when this call decided it. */
    static boolean decide(String reference, String kind, String outcome, Instant now) {
        return update("outcome = ?1, decidedAt = ?2 where reference = ?3 and kind = ?4 and outcome is null",
                outcome, now, reference, kind) == 1;
    }

    /** Decides an open line as {@code outcome} if it was opened at or before {@code cutoff}: it has lapsed or is due. */
    static void decideIfOpenedBy(String reference, String kind, String outcome, Instant cutoff, Instant now) {
        update("outcome = ?1, decidedAt = ?2 where reference = ?3 and kind = ?4 and outcome is null and createdAt <= ?5",
                outcome, now, reference, kind, cutoff);
    }

    /**
     * What the line became as the database has it now: empty when the books have no such line, an
     * empty outcome while it is open.
     */
    static Optional<Optional<String>> outcomeOf(String reference, String kind) {
        List<String> outcomes = getEntityManager().createQuery(
                        "select e.outcome from SandboxLedgerEntry e where e.reference = ?1 and e.kind = ?2", String.class)
                .setParameter(1, reference).setParameter(2, kind).getResultList();
        return outcomes.isEmpty() ? Optional.empty() : Optional.of(Optional.ofNullable(outcomes.get(0)));
    }
}
