package health.leap.portal.appointments;

import health.leap.portal.clinic.BookingPolicy;
import health.leap.portal.web.CentrePhone;
import health.leap.portal.web.Language;
import health.leap.portal.web.PageMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cancel and reschedule rules from every state and at each edge, with the SPEC defaults (24 h, 12 h, 2 moves). */
@io.quarkus.test.junit.QuarkusTest
class ManageRulesTest {

    static final Instant START = Instant.parse("2026-03-20T10:00:00Z");
    static final BookingPolicy POLICY = BookingPolicy.DEFAULTS;
    static final CentrePhone DESK = new CentrePhone("London Bridge", "020 7946 0018");

    static Optional<String> cancel(AppointmentStatus status, Instant now) {
        return CancellationWindow.refusal(status, START, now, POLICY, DESK).map(p -> p.code().name());
    }

    static Optional<String> move(AppointmentStatus status, int movesSoFar, Instant now) {
        return RescheduleRules.refusal(status, START, movesSoFar, now, POLICY, DESK).map(p -> p.code().name());
    }

    static Optional<String> none() {
        return Optional.empty();
    }

    @ParameterizedTest
    @CsvSource({
            "DRAFT, ",
            "PENDING_APPROVAL, ",
            "CONFIRMED, ",
            "CHECKED_IN, INVALID_STATE",
            "COMPLETED, INVALID_STATE",
            "NO_SHOW, INVALID_STATE",
            "CANCELLED, INVALID_STATE",
            "EXPIRED, INVALID_STATE",
            "RESCHEDULED, INVALID_STATE"})
    void cancelFromEveryStateWellBeforeTheStart(AppointmentStatus status, String refusal) {
        assertEquals(Optional.ofNullable(refusal), cancel(status, START.minus(Duration.ofDays(3))));
    }

    @Test
    void cancellationClosesTwentyFourHoursBeforeToTheMinute() {
        assertEquals(none(), cancel(AppointmentStatus.CONFIRMED, START.minus(Duration.ofHours(24)).minusSeconds(60)));
        assertEquals(none(), cancel(AppointmentStatus.CONFIRMED, START.minus(Duration.ofHours(24))));
        assertEquals(Optional.of("CANCELLATION_WINDOW_CLOSED"),
                cancel(AppointmentStatus.CONFIRMED, START.minus(Duration.ofHours(24)).plusSeconds(60)));
        assertEquals(Optional.of("CANCELLATION_WINDOW_CLOSED"),
                cancel(AppointmentStatus.PENDING_APPROVAL, START.minus(Duration.ofHours(1))));
        // a hold can always be released
        assertEquals(none(), cancel(AppointmentStatus.DRAFT, START.minus(Duration.ofMinutes(1))));
    }

    @ParameterizedTest
    @CsvSource({
            "DRAFT, INVALID_STATE",
            "PENDING_APPROVAL, INVALID_STATE",
            "CONFIRMED, ",
            "CHECKED_IN, ",
            "COMPLETED, INVALID_STATE",
            "NO_SHOW, INVALID_STATE",
            "CANCELLED, INVALID_STATE",
            "EXPIRED, INVALID_STATE",
            "RESCHEDULED, INVALID_STATE"})
    void rescheduleFromEveryStateWellBeforeTheStart(AppointmentStatus status, String refusal) {
        assertEquals(Optional.ofNullable(refusal), move(status, 0, START.minus(Duration.ofDays(3))));
    }

    @Test
    void rescheduleClosesTwelveHoursBeforeTheOriginalStartToTheMinute() {
        assertEquals(none(), move(AppointmentStatus.CONFIRMED, 0, START.minus(Duration.ofHours(12)).minusSeconds(60)));
        assertEquals(none(), move(AppointmentStatus.CONFIRMED, 0, START.minus(Duration.ofHours(12))));
        assertEquals(Optional.of("RESCHEDULE_WINDOW_CLOSED"),
                move(AppointmentStatus.CONFIRMED, 0, START.minus(Duration.ofHours(12)).plusSeconds(60)));
    }

    @Test
    void atMostTwoMovesOverTheChain() {
        Instant early = START.minus(Duration.ofDays(3));
        assertEquals(none(), move(AppointmentStatus.CONFIRMED, 1, early));
        assertEquals(Optional.of("RESCHEDULE_LIMIT_REACHED"), move(AppointmentStatus.CONFIRMED, 2, early));
        assertEquals("This booking has been moved 2 times already, the most this clinic allows. "
                        + "Cancel it and book again, or call the clinic.",
                RescheduleRules.refusal(AppointmentStatus.CONFIRMED, START, 2, early, POLICY, DESK).orElseThrow().getMessage());
    }

    @Test
    void theOnlineDeadlinesAreTheWindowsBeforeTheStartAndTheRefusalsCountFromThem() {
        assertEquals(Instant.parse("2026-03-19T10:00:00Z"), CancellationWindow.deadline(START, POLICY));
        assertEquals(Instant.parse("2026-03-19T22:00:00Z"), RescheduleRules.deadline(START, POLICY));
        assertEquals(none(), cancel(AppointmentStatus.CONFIRMED, CancellationWindow.deadline(START, POLICY)));
        assertEquals(Optional.of("CANCELLATION_WINDOW_CLOSED"),
                cancel(AppointmentStatus.CONFIRMED, CancellationWindow.deadline(START, POLICY).plusSeconds(1)));
        assertEquals(none(), move(AppointmentStatus.CONFIRMED, 0, RescheduleRules.deadline(START, POLICY)));
        assertEquals(Optional.of("RESCHEDULE_WINDOW_CLOSED"),
                move(AppointmentStatus.CONFIRMED, 0, RescheduleRules.deadline(START, POLICY).plusSeconds(1)));
    }

    @Test
    void tooLateTheRefusalNamesTheCentresPhoneOrTheClinicWhenItGaveNone() {
        Instant late = START.minus(Duration.ofHours(1));
        assertEquals("Bookings can be cancelled online up to 24 hours before they start. Please call London Bridge on 020 7946 0018.",
                CancellationWindow.refusal(AppointmentStatus.CONFIRMED, START, late, POLICY, DESK).orElseThrow().getMessage());
        assertEquals("Bookings can be moved online up to 12 hours before they start. Please call London Bridge on 020 7946 0018.",
                RescheduleRules.refusal(AppointmentStatus.CONFIRMED, START, 0, late, POLICY, DESK).orElseThrow().getMessage());
        CentrePhone noPhone = new CentrePhone("London Bridge", null);
        assertEquals("Bookings can be cancelled online up to 24 hours before they start. Please call the clinic.",
                CancellationWindow.refusal(AppointmentStatus.CONFIRMED, START, late, POLICY, noPhone).orElseThrow().getMessage());
        assertEquals("Bookings can be moved online up to 12 hours before they start. Please call the clinic.",
                RescheduleRules.refusal(AppointmentStatus.CONFIRMED, START, 0, late, POLICY, noPhone).orElseThrow().getMessage());
    }

    @Test
    void withoutANumberTheWordsSendThePatientToTheClinicsFrontDesk() {
        AppointmentMessages appts = Language.bundle(AppointmentMessages.class, Language.ENGLISH);
        assertEquals("For anything later, call London Bridge on 020 7946 0018.", appts.termsCall(DESK.centre(), DESK.phone()));
        assertEquals("For anything later, call your clinic's front desk.", appts.termsCall("London Bridge", null));
        PageMessages page = Language.bundle(PageMessages.class, Language.ENGLISH);
        assertEquals("Need help with a booking? Call London Bridge 020 7946 0018 or Dublin Docklands 01 555 0134:"
                        + " the front desk can book, move or cancel for you.",
                page.help(List.of(DESK, new CentrePhone("Dublin Docklands", "01 555 0134"))));
        assertEquals("Need help with a booking? Call your clinic's front desk: they can book, move or cancel for you.",
                page.help(List.of()));
        assertEquals("¿Necesita ayuda con una cita? Llame a la recepción de su clínica: allí pueden reservar, cambiar o cancelar por usted.",
                Language.bundle(PageMessages.class, Language.SPANISH).help(List.of()));
    }
}
