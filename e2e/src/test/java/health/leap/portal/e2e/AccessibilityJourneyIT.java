package health.leap.portal.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The accessibility sweep ({@link AccessibilitySweep}) of Harbour Health: Amelia's pages and her son's,
 * a doctor's free times, an empty history and the refusals, also on a phone; the front desk's own
 * pages, Amelia's family links and a preview of her portal. In English, then in Spanish.
 */
@PortalJourney
@Order(1)
@Tag("accessibility")
class AccessibilityJourneyIT extends AccessibilitySweep {

    @Test
    @Needs(patients = "amelia", demoData = "Amelia Hart (lead 1 of Harbour Health) with her history, packages, her son"
            + " Leo (lead 5) and completed visit 503; Maya Johnson's booking 531 (Sunrise Clinics)")
    void ameliasPagesAndTheRefusalsPassInEnglishAndSpanish(Portal portal) {
        this.portal = portal;
        Visitor amelia = portal.login("amelia");
        Visitor ameliaOnAPhone = portal.login("amelia", Device.PHONE);
        inEachLanguage(List.of(amelia, ameliaOnAPhone), () -> {
            Offer offer = ameliasPages(amelia);
            ameliasPagesOnAPhone(ameliaOnAPhone);
            refusals(amelia, offer);
        });
    }


    @Test
    @Needs(staff = "staff.harbour", observes = "amelia",
            demoData = "Amelia Hart (lead 1 of Harbour Health) with her history and two family links")
    void theFrontDesksPagesAndAPreviewPassInEnglishAndSpanish(Portal portal) {
        this.portal = portal;
        Visitor harbourDesk = portal.login("staff.harbour");
        inEachLanguage(List.of(harbourDesk), () -> frontDeskAndPreview(harbourDesk));
    }
}
