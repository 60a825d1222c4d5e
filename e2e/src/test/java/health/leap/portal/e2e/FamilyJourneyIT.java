package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.leap.portal.e2e.Roles.childNamed;
import static health.leap.portal.e2e.Roles.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking for the family. Amelia, signed in as herself, chooses her son Leo in the header's
 * "Booking for" and is on his pages, under {@code /family/5/}, with a banner saying whom she books
 * for: she books him a consultation, moves it, and pays for a physiotherapy session with a session
 * of his own five-pack, which his packages page then counts. She chooses her daughter Mia and
 * cancels a booking for her (one she made for the purpose: Mia's visit from the demo stays). Back on
 * her own pages, none of it is in her own appointments; the clinic's emails about the children, who
 * have no address, reach her, saying for whom they are (read at the mail server the portal sends to:
 * without it the journey is skipped, as the other mail journeys are). A link that ended and one that
 * never was are refused.
 * <p>
 * What the journey leaves booked for Leo is cancelled when it ends, through his pages ({@link Tidy},
 * told of the children by the {@code dependants} of its {@link Needs}): that gives his five-pack its
 * session back and him his places under the limit of three, so the next run finds five of five
 * sessions left. Each booking starts three days ahead or more, clear of Harbour Health's window.
 */
@PortalJourney
@Order(4)
@Tag("family")
@Tag("booking")
class FamilyJourneyIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String AMELIA = "amelia@example.com";
    /** The pages of Amelia's children (leads 5 and 6) as she reaches them, and of Oliver's son (lead 7). */
    private static final String LEO = "/family/5";
    private static final String MIA = "/family/6";
    private static final String JACK = "/family/7";

    @Test
    @Needs(patients = "amelia", dependants = {"Leo Hart", "Mia Hart"},
            doctors = {"Dr Priya Raman", "Dr Tom Okafor"}, services = {"General consultation", "Physiotherapy session"},
            demoData = "Amelia's links to book for Leo and Mia Hart, neither with an email address;"
                    + " Leo's Physio five-pack, its five sessions unused")
    void ameliaBooksMovesAndCancelsForHerChildrenFromHerOwnLogin(Portal portal) {
        Mailbox mailbox = portal.mailbox(AMELIA);
        Visitor amelia = portal.login("amelia");
        Page page = amelia.page();
        amelia.seesPage("Hello, Amelia Hart");
        assertThat(current(page)).hasText("Amelia Hart (you)");

        // Leo: a consultation, with nothing to pay online
        switchTo(amelia, portal, "Leo Hart", LEO);
        Booking.openDoctor(amelia, "Dr Priya Raman");
        assertThat(page).hasURL(Pattern.compile(LEO + "/doctors/\\d+"));
        String day = Booking.pickDayFrom(amelia, Booking.cancellableFrom(LONDON), 0);
        String time = Booking.holdFirstTime(amelia, day);
        amelia.seesPage("Your held time");
        Booking.assertHeldAt(page, time);
        assertThat(AppointmentPage.fact(page, "Nothing")).hasCount(1);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Confirm with package"))).hasCount(0);
        String when = AppointmentPage.when(page, time);
        String confirmedForLeo = "Booking confirmed: General consultation, " + when + " (for Leo Hart)";
        // an earlier run may have booked, and cancelled, the same time
        long confirmationsBefore = mailbox.count(m -> m.subject().equals(confirmedForLeo));
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();

        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        amelia.seesPage("General consultation");
        long consultation = AppointmentPage.number(page);
        assertThat(page).hasURL(portal.url(LEO + "/appointments/" + consultation));
        assertThat(banner(page)).containsText("You are booking for Leo Hart.");
        assertThat(AppointmentPage.timelineEntry(page, "Draft → Confirmed")).containsText("by Amelia Hart for Leo Hart");

        // moved to another day, still his and still hers to have done
        page.getByRole(AriaRole.LINK, named("Move to another time")).click();
        amelia.seesPage("Move your booking");
        assertThat(page).hasURL(Pattern.compile(LEO + "/appointments/" + consultation + "/reschedule"));
        String otherDay = Booking.pickDayFrom(amelia, Booking.cancellableFrom(LONDON), 1);
        String otherTime = Rescheduling.moveToFirstTime(amelia, otherDay);

        amelia.seesPage("General consultation");
        long moved = AppointmentPage.number(page);
        assertThat(page).hasURL(portal.url(LEO + "/appointments/" + moved));
        assertThat(AppointmentPage.status(page, "Confirmed")).isVisible();
        Booking.assertHeldAt(page, otherTime);
        assertThat(page.getByText("This booking replaces booking #" + consultation + ".")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Moved from booking #" + consultation))
                .containsText("Confirmed by Amelia Hart for Leo Hart");
        assertThat(banner(page)).containsText("You are booking for Leo Hart.");

        // Leo's physiotherapy, paid with a session of his own five-pack (his mother's has three left)
        Booking.openDoctor(amelia, "Dr Tom Okafor");
        assertThat(page).hasURL(Pattern.compile(LEO + "/doctors/\\d+"));
        String physioDay = Booking.pickDayFrom(amelia, Booking.cancellableFrom(LONDON), 0);
        String physioTime = Booking.holdFirstTime(amelia, physioDay);
        amelia.seesPage("Your held time");
        Booking.assertHeldAt(page, physioTime);
        assertThat(page.getByRole(AriaRole.RADIO, named("Physio five-pack · 5 of 5 sessions left"))).isChecked();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Pay GBP 20.00 and confirm"))).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Confirm with package")).click();

        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        amelia.seesPage("Physiotherapy session");
        long physio = AppointmentPage.number(page);
        assertThat(page).hasURL(portal.url(LEO + "/appointments/" + physio));
        assertThat(AppointmentPage.fact(page, "paid with Physio five-pack")).hasCount(1);
        assertThat(AppointmentPage.timelineEntry(page, "Draft → Confirmed")).containsText("by Amelia Hart for Leo Hart");

        // his packages count the session
        page.getByRole(AriaRole.NAVIGATION, named("Main")).getByRole(AriaRole.LINK, childNamed("Packages")).click();
        amelia.seesPage("Leo Hart's packages");
        assertThat(page).hasURL(portal.url(LEO + "/packages"));
        Locator fivePack = page.getByRole(AriaRole.ARTICLE, named("Physio five-pack"))
                .filter(new Locator.FilterOptions().setHasText("Active"));
        assertThat(fivePack).containsText("1 of 5 sessions used · 4 left");
        fivePack.getByRole(AriaRole.LINK).click();
        amelia.seesPage("Physio five-pack");
        assertThat(page).hasURL(Pattern.compile(LEO + "/packages/\\d+$"));
        assertThat(AppointmentPage.fact(page, "4 of 5 (1 used)")).hasCount(1);
        // earlier runs' sessions are listed too, given back when their bookings were cancelled
        Locator session = page.getByRole(AriaRole.REGION, named("Sessions used")).getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHas(linkTo(page, physio)));
        assertThat(session).containsText("Physiotherapy session at ");
        assertThat(session).not().containsText("Given back");

        // Mia: a consultation booked to be cancelled (her visit from the demo stays)
        switchTo(amelia, portal, "Mia Hart", MIA);
        Booking.openDoctor(amelia, "Dr Priya Raman");
        String miasDay = Booking.pickDayFrom(amelia, Booking.cancellableFrom(LONDON), 2);
        String miasTime = Booking.holdFirstTime(amelia, miasDay);
        amelia.seesPage("Your held time");
        Booking.assertHeldAt(page, miasTime);
        String miasWhen = AppointmentPage.when(page, miasTime);
        page.getByRole(AriaRole.BUTTON, named("Confirm booking")).click();
        assertThat(page.getByText("Your appointment is confirmed.")).isVisible();
        amelia.seesPage("General consultation");
        long miasBooking = AppointmentPage.number(page);
        assertThat(page).hasURL(portal.url(MIA + "/appointments/" + miasBooking));

        String cancelledForMia = "Booking cancelled: General consultation, " + miasWhen + " (for Mia Hart)";
        long cancellationsBefore = mailbox.count(m -> m.subject().equals(cancelledForMia));
        page.getByLabel("Reason for cancelling (optional)").fill("Booked by the family journey to be cancelled");
        page.getByRole(AriaRole.BUTTON, named("Cancel booking")).click();
        assertThat(AppointmentPage.status(page, "Cancelled")).isVisible();
        assertThat(AppointmentPage.timelineEntry(page, "Confirmed → Cancelled")).containsText("by Amelia Hart for Mia Hart");
        assertThat(page).hasURL(portal.url(MIA + "/appointments/" + miasBooking));
        amelia.seesChangedPage("Mia's booking cancelled");

        // back on her own pages: none of her children's bookings is hers
        switcher(page).getByRole(AriaRole.LINK, childNamed("Amelia Hart (you)")).click();
        amelia.seesPage("Hello, Amelia Hart");
        assertThat(page).hasURL(portal.url("/"));
        assertThat(banner(page)).hasCount(0);
        assertThat(current(page)).hasText("Amelia Hart (you)");
        assertNoLinkTo(page.getByRole(AriaRole.REGION, named("Upcoming appointments")),
                consultation, moved, physio, miasBooking);
        // her home lists what is coming up for the children, each opening on their pages
        Locator family = page.getByRole(AriaRole.REGION, named("Coming up for your family"));
        assertThat(family.locator("a[href='" + LEO + "/appointments/" + moved + "']").first()).isVisible();
        assertThat(family.locator("a[href='" + LEO + "/appointments/" + physio + "']").first()).isVisible();
        assertNoLinkTo(family, consultation, miasBooking);
        page.getByRole(AriaRole.LINK, named("My appointments")).click();
        amelia.seesPage("My appointments");
        assertThat(page).hasURL(portal.url("/appointments"));
        Locator history = page.getByRole(AriaRole.REGION, named("Appointments"));
        assertThat(history.getByRole(AriaRole.LISTITEM).first()).isVisible();
        assertNoLinkTo(history, consultation, moved, physio, miasBooking);

        // the children have no address: the clinic writes to her, saying for whom
        Mailbox.Mail confirmation = mailbox.awaitNew(m -> m.subject().equals(confirmedForLeo), confirmationsBefore,
                "confirmation for Leo");
        assertTrue(confirmation.text().contains("Amelia Hart, you get this email because you book for Leo Hart,"
                + " who has no email address with the clinic."), confirmation.text());
        assertTrue(confirmation.text().contains("Patient: Leo Hart"), confirmation.text());
        assertTrue(confirmation.text().contains("When: " + when), confirmation.text());
        assertTrue(confirmation.text().contains(LEO + "/appointments/" + consultation), "links to Leo's page: " + confirmation.text());
        Mailbox.Mail cancellation = mailbox.awaitNew(m -> m.subject().equals(cancelledForMia), cancellationsBefore,
                "cancellation for Mia");
        assertTrue(cancellation.text().contains("a family member who books for you cancelled this booking"), cancellation.text());
        assertTrue(cancellation.text().contains("Patient: Mia Hart"), cancellation.text());
    }

    @Test
    @Needs(patients = {"oliver", "amelia"},
            demoData = "Oliver's link to book for his son Jack Brooks (lead 7), ended on Jack's 18th birthday")
    void aLinkThatEndedAndOneThatNeverWasAreRefused(Portal portal) {
        Visitor oliver = portal.login("oliver");
        Page page = oliver.page();
        oliver.seesPage("Hello, Oliver Brooks");
        // his only link has ended: the header offers nobody to book for
        assertThat(switcher(page)).hasCount(0);

        Response ended = page.navigate(portal.url(JACK + "/"));
        assertEquals(403, ended.status());
        oliver.seesPage("Not allowed");
        assertThat(page.getByRole(AriaRole.ALERT)).hasAttribute("data-error-code", "FAMILY_LINK_ENDED");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your link to book for Jack Brooks ended on ");
        assertThat(banner(page)).hasCount(0);

        // Amelia was never linked to Jack: she is refused without a word about him
        Visitor amelia = portal.login("amelia");
        Page hers = amelia.page();
        amelia.seesPage("Hello, Amelia Hart");
        Response notHers = hers.navigate(portal.url(JACK + "/"));
        assertEquals(403, notHers.status());
        amelia.seesPage("Not allowed");
        assertThat(hers.getByRole(AriaRole.ALERT)).hasAttribute("data-error-code", "NOT_YOUR_DEPENDANT");
        assertThat(hers.getByText("Jack Brooks")).hasCount(0);
        assertThat(banner(hers)).hasCount(0);
    }

    /**
     * Chooses {@code name} in the header's "Booking for": their home, at {@code base}, with the banner
     * naming them, while the header still says who is signed in.
     */
    private static void switchTo(Visitor guardian, Portal portal, String name, String base) {
        Page page = guardian.page();
        Locator person = switcher(page).getByRole(AriaRole.LINK, childNamed(name));
        DataCheck.require(person.count() == 1, "This journey needs " + name + ", whom " + guardian.user()
                + " books for; the header's \"Booking for\" at " + page.url() + " does not offer them.");
        person.click();

        assertThat(page).hasURL(portal.url(base + "/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(name);
        assertThat(banner(page)).containsText("You are booking for " + name + ".");
        assertThat(banner(page).getByRole(AriaRole.LINK, childNamed("Back to your own pages"))).hasAttribute("href", "/");
        assertThat(current(page)).hasText(name);
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("Signed in as Amelia Hart");
        guardian.seesChangedPage("booking for " + name);
    }

    /** The header's "Booking for": the signed-in patient, then the people they may book for. */
    private static Locator switcher(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, named("Booking for"));
    }

    /** Whom the switcher says the page is for. */
    private static Locator current(Page page) {
        return switcher(page).locator("a[aria-current=page]");
    }

    /** "You are booking for Leo Hart.", on every page of a dependant's. */
    private static Locator banner(Page page) {
        return page.getByRole(AriaRole.NOTE, named("Booking for a family member"));
    }

    /** A link to the booking's page, whoever's pages it is under. */
    private static Locator linkTo(Page page, long booking) {
        return page.locator("a[href$='/appointments/" + booking + "']");
    }

    /** Nothing in {@code area} leads to any of {@code bookings}. */
    private static void assertNoLinkTo(Locator area, long... bookings) {
        for (long booking : bookings) {
            assertThat(area.locator("a[href$='/appointments/" + booking + "']")).hasCount(0);
        }
    }
}
