package health.leap.portal.booking;

import health.leap.portal.clinic.ClinicService;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

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
        return atMinorUnit(due, service.currency());
    }

    /** 20.000 GBP from the database is 20.00 to a patient and to a gateway. */
    public static BigDecimal atMinorUnit(BigDecimal amount, String currency) {
        int minorUnit = Math.max(0, Currency.getInstance(currency.trim()).getDefaultFractionDigits());
        return amount.setScale(minorUnit, RoundingMode.HALF_UP);
    }
}
