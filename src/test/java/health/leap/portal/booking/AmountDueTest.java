package health.leap.portal.booking;

import health.leap.portal.clinic.AmountDue;
import health.leap.portal.clinic.ClinicService;
import health.leap.portal.clinic.PaymentMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AmountDueTest {

    static ClinicService service(PaymentMode mode, String fee, String currency, String token, String percent) {
        return new ClinicService(1, "Visit", 30, new BigDecimal(fee), currency, mode,
                token == null ? null : new BigDecimal(token), percent == null ? null : new BigDecimal(percent), false);
    }

    @Test
    void eachPaymentMode() {
        assertEquals(new BigDecimal("0.00"), AmountDue.of(service(PaymentMode.NONE, "60.00", "GBP", null, null)));
        assertEquals(new BigDecimal("20.00"), AmountDue.of(service(PaymentMode.TOKEN, "80.00", "GBP", "20", null)));
        assertEquals(new BigDecimal("45.00"), AmountDue.of(service(PaymentMode.ADVANCE, "150.00", "GBP", null, "30")));
        assertEquals(new BigDecimal("240.00"), AmountDue.of(service(PaymentMode.FULL, "240.000", "GBP", null, null)));
    }

    @Test
    void advanceRoundsHalfUpToTheCurrencysMinorUnit() {
        // 33.33 % of 175.00 = 58.3275 → 58.33
        assertEquals(new BigDecimal("58.33"), AmountDue.of(service(PaymentMode.ADVANCE, "175.00", "USD", null, "33.33")));
        // 12.5 % of 0.20 = 0.025 → 0.03 (half up)
        assertEquals(new BigDecimal("0.03"), AmountDue.of(service(PaymentMode.ADVANCE, "0.20", "EUR", null, "12.5")));
        // yen has no minor unit: 33.33 % of 1000 = 333.3 → 333
        assertEquals(new BigDecimal("333"), AmountDue.of(service(PaymentMode.ADVANCE, "1000", "JPY", null, "33.33")));
        // dinar has three: 10 % of 1.2345 → 0.123 (0.12345 half up at 3 digits)
        assertEquals(new BigDecimal("0.123"), AmountDue.of(service(PaymentMode.ADVANCE, "1.2345", "KWD", null, "10")));
    }
}
