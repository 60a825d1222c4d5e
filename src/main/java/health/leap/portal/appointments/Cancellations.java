package health.leap.portal.appointments;

import health.leap.portal.packages.Redemptions;
import health.leap.portal.gateway.Refunds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What a booking that will not take place gives back, whoever ended it (the patient cancelling, the
 * clinic declining, a hold running out, the clinic not deciding in time): the money paid, refunded
 * through the gateway, and the package session it took. One place, so every path gives back the same.
 */
@ApplicationScoped
public class Cancellations {

    private final Refunds refunds;
    private final Redemptions redemptions;

    public Cancellations(Refunds refunds, Redemptions redemptions) {
        this.refunds = refunds;
        this.redemptions = redemptions;
    }

    /** What was given back; {@link TimelineDetail#givenBack} adds it to the booking's timeline line. */
    public record GivenBack(boolean refunded, boolean sessionBack) {
    }

    /** Whether the booking took anything to give back: a payment, or a package session. */
    public boolean tookSomething(long appointmentId, Long paymentId) {
        return paymentId != null || redemptions.holdsASession(appointmentId);
    }

    /** Gives back what the booking took; call in the transaction that ended it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GivenBack giveBack(long appointmentId, Long paymentId) {
        boolean refunded = paymentId != null && refunds.refundIfPaid(paymentId);
        return new GivenBack(refunded, redemptions.reverse(appointmentId));
    }
}
