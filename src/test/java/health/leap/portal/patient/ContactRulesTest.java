package health.leap.portal.patient;

import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a phone number and an email address must be, and how long an email-change link works: no server. */
class ContactRulesTest {

    private static final Instant ASKED = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aPhoneIsKeptAsWrittenWithItsSpacesCollapsed() {
        assertEquals("+44 7700 900123", ContactRules.phone("  +44  7700\t900123 "));
        assertEquals("(0161) 496-0000", ContactRules.phone("(0161) 496-0000"));
        assertEquals("+1 617.555.0111", ContactRules.phone("+1 617.555.0111"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "call me", "+44 7700 9001x3", "12345", "+1234567890123456", "44+7700900123",
            "<script>alert(1)</script>", "0161 496 0000 0000 0000 0000 0000 000"})
    void aPhoneTheClinicCouldNotDialIsRefused(String typed) {
        Problem refused = assertThrows(Problem.class, () -> ContactRules.phone(typed));
        assertEquals(ErrorCode.PHONE_INVALID, refused.code());
        assertEquals(400, refused.status());
    }

    @Test
    void anAddressIsKeptTrimmedInLowerCase() {
        assertEquals("oliver.brooks+clinic@example.co.uk", ContactRules.email("  Oliver.Brooks+clinic@Example.CO.UK "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "oliver", "oliver@", "@example.com", "oliver@example", "oliver brooks@example.com",
            "oliver@exa mple.com", "oliver@@example.com", ".oliver@example.com", "oliver.@example.com", "oli..ver@example.com",
            "oliver@-example.com", "oliver@example.c", "<b>@example.com"})
    void aValueThatIsNoAddressIsRefused(String typed) {
        Problem refused = assertThrows(Problem.class, () -> ContactRules.email(typed));
        assertEquals(ErrorCode.EMAIL_INVALID, refused.code());
    }

    @Test
    void anOverlongAddressIsRefused() {
        assertThrows(Problem.class, () -> ContactRules.email("a".repeat(65) + "@example.com"));
        assertThrows(Problem.class, () -> ContactRules.email("a@" + "b".repeat(250) + ".com"));
    }

    @Test
    void aLinkWorksForADayOnceAndOnlyWhileItIsTheNewest() {
        Instant expires = ContactRules.linkExpiry(ASKED);
        assertEquals(ASKED.plus(Duration.ofHours(24)), expires);
        assertEquals(Optional.empty(), ContactRules.linkRefusal(null, null, expires, expires.minusSeconds(1)).map(Problem::code));
        assertEquals(Optional.of(ErrorCode.EMAIL_LINK_EXPIRED), ContactRules.linkRefusal(null, null, expires, expires).map(Problem::code));
        assertEquals(Optional.of(ErrorCode.EMAIL_LINK_USED),
                ContactRules.linkRefusal(ASKED.plusSeconds(60), null, expires, ASKED.plusSeconds(90)).map(Problem::code));
        assertEquals(Optional.of(ErrorCode.EMAIL_LINK_SUPERSEDED),
                ContactRules.linkRefusal(null, ASKED.plusSeconds(60), expires, ASKED.plusSeconds(90)).map(Problem::code));
        assertEquals(410, ContactRules.linkRefusal(null, null, expires, expires.plusSeconds(1)).orElseThrow().status());
    }

    @Test
    void theOldAddressIsToldOfTheNewOneMasked() {
        assertEquals("o•••@example.net", ContactRules.masked("oliver.new@example.net"));
    }
}
