package health.leap.portal.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts of money as patients and gateways see them. */
public final class Money {

    private Money() {
    }

    /** 20.000 GBP from the database is 20.00 to a patient and to a gateway. */
    public static BigDecimal atMinorUnit(BigDecimal amount, String currency) {
        int minorUnit = Math.max(0, Currency.getInstance(currency.trim()).getDefaultFractionDigits());
        return amount.setScale(minorUnit, RoundingMode.HALF_UP);
    }
}
