package health.leap.portal.clinic;

import health.leap.portal.platform.Money;

import java.math.BigDecimal;

/** What the patient pays online before confirmation, at the currency's minor unit. */
public final class AmountDue {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AmountDue() {
    }

    public static BigDecimal of(ClinicService service) {
        BigDecimal due = switch (service.paymentMode()) {
            case NONE -> BigDecimal.ZERO;
            case TOKEN -> service.tokenAmount();
            case ADVANCE -> service.fee().multiply(service.advancePercent()).divide(HUNDRED);
            case FULL -> service.fee();
        };
        return Money.atMinorUnit(due, service.currency());
    }
}
