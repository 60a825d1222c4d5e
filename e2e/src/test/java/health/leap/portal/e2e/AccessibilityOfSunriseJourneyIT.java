package health.leap.portal.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The accessibility sweep ({@link AccessibilitySweep}) of Sunrise Clinics: Sofia's empty lists and the
 * page that tells her she writes too fast (429); Ethan at the sandbox gateway without paying, and the
 * sandbox's refunds as Sunrise's desk sees them. In English, then in Spanish.
 */
@PortalJourney
@Order(3)
@Tag("accessibility")
class AccessibilityOfSunriseJourneyIT extends AccessibilitySweep {

    @Test
    @Needs(patients = "sofia", demoData = "Sofia Torres (lead 15 of Sunrise Clinics), with nothing booked and no"
            + " package, whose write budget only this journey spends")
    void sofiasEmptyListsAndTheirRefusalPassInEnglishAndSpanish(Portal portal) {
        this.portal = portal;
        Visitor sofia = portal.login("sofia");
        inEachLanguage(List.of(sofia), () -> sofiasEmptyListsAndTooManyWrites(sofia));
    }


    @Test
    @Needs(patients = "ethan", staff = "staff.sunrise", doctors = "Dr Luis Ortega", services = "Physical therapy",
            demoData = "Dr Luis Ortega (doctor 212) giving Physical therapy (service 112) at centre 11")
    void theSandboxGatewayAndItsRefundsPassInEnglishAndSpanish(Portal portal) {
        this.portal = portal;
        Visitor ethan = portal.login("ethan");
        Visitor sunriseDesk = portal.login("staff.sunrise");
        inEachLanguage(List.of(ethan, sunriseDesk), () -> {
            sandboxGateway(ethan);
            visit(sunriseDesk, "/sandbox-gateway/refunds", 200, "refunds waiting at the sandbox");
        });
    }
}
