package health.leap.portal.appointments;

import health.leap.portal.platform.Money;
import health.leap.portal.web.ErrorCode;
import health.leap.portal.web.Formats;
import health.leap.portal.web.Language;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a line of a booking's timeline says ({@code appointment_event.detail}), and a cancel reason the
 * portal itself gives ({@code appointment.cancel_reason}), stored in no language and worded in the
 * reader's when a page shows it. This class is the one place that writes the form and the one place
 * that reads it.
 * <p>
 * The form is parts separated by {@code ;}, each a code with, for some, an argument after {@code :}.
 * The first part says what happened; the parts after it add to it. A {@code text:} part, always the
 * last, carries words a person typed (a cancel reason), which may hold any character and are shown as
 * typed:
 * <pre>
 *   moved-to:12                                   Moved to booking #12
 *   moved-from:11;awaiting-approval               Moved from booking #11; waiting for the clinic's approval
 *   hold-expired;refunding;session-back           Hold expired; the payment is being refunded; the package session was given back
 *   not-decided;refunding                         The clinic did not approve the booking before its time; the payment is being refunded
 *   cancelled;refunding;text:Feeling better       Cancelled: Feeling better; the payment is being refunded
 *   refund-completed:240.00 GBP                   Refund of GBP 240.00 completed
 *   held:600                                      Held for 10 minutes (the argument in seconds)
 *   written;refunding;text:Declined by the clinic: away     a caller's own words, then what was given back
 * </pre>
 * Heads: {@code held:<seconds>}, {@code released-for-another}, {@code awaiting-approval},
 * {@code paid-with-package}, {@code approved}, {@code declined}, {@code checked-in}, {@code completed},
 * {@code completed-unmarked}, {@code no-show}, {@code no-show-unmarked}, {@code moved-to:<id>},
 * {@code moved-from:<id>}, {@code hold-expired},
 * {@code hold-released}, {@code cancelled}, {@code not-decided}, {@code refund-completed:<amount> <currency>},
 * {@code refund-failed:<amount> <currency>}, {@code paid-too-late}, {@code written} (the text is the line).
 * Additions: {@code awaiting-approval}, {@code paid-with-package}, {@code refunding}, {@code session-back},
 * {@code text:<words>}. Anything that does not read as this form (rows written before it, in English;
 * words a person typed) is shown as it is.
 */
public final class TimelineDetail {

    static final String SEPARATOR = ";";
    static final String TEXT = "text:";

    /** What a booking that ended gave back, as additions to its line. */
    static final String REFUNDING = "refunding";
    static final String SESSION_BACK = "session-back";
    static final String AWAITING_APPROVAL = "awaiting-approval";
    static final String PAID_WITH_PACKAGE = "paid-with-package";
    static final String PAY_AT_DESK = "pay-at-desk";
    static final String NO_REFUND = "no-refund";
    static final String PAYMENT_LINK = "payment-link";

    private TimelineDetail() {
    }

    // ---- the writer ------------------------------------------------------------------------------

    /** The booking a move left: {@code moved-to:12}. */
    public static String movedTo(long id) {
        return "moved-to:" + id;
    }

    /** The booking a move made, maybe waiting for the clinic: {@code moved-from:11;awaiting-approval}. */
    public static String movedFrom(long id, boolean awaitingApproval) {
        return "moved-from:" + id + (awaitingApproval ? SEPARATOR + AWAITING_APPROVAL : "");
    }

    /** A hold that ran out: {@code hold-expired}, then what it gave back. */
    public static String holdExpired(Cancellations.GivenBack givenBack) {
        return givenBack("hold-expired", givenBack);
    }

    /** The cancel reason, and the head of the timeline line, of a booking the clinic did not decide in time. */
    public static String notDecided() {
        return "not-decided";
    }

    /** A visit nobody marked at the front desk, completed by the portal. */
    public static String completedUnmarked() {
        return "completed-unmarked";
    }

    /** A visit nobody marked at the front desk, made a no-show by the portal as the clinic chose. */
    public static String noShowUnmarked() {
        return "no-show-unmarked";
    }

    /** The front desk marked that the patient did not come. */
    public static String noShow() {
        return "no-show";
    }

    /** A visit the front desk completed. */
    public static String completed() {
        return "completed";
    }

    /** A patient checked in at the front desk. */
    public static String checkedIn() {
        return "checked-in";
    }

    /** The clinic approved a booking waiting for it. */
    public static String approved() {
        return "approved";
    }

    /** The clinic declined a booking, with the reason its staff typed (or none). */
    public static String declined(String reason) {
        return withText("declined", reason);
    }

    /** The patient cancelled, or released their held time, with the reason they typed (or none). */
    public static String cancelled(boolean held, String reason) {
        return withText(held ? "hold-released" : "cancelled", reason);
    }

    /** A held time released so that the patient could hold another. */
    public static String releasedForAnother() {
        return "released-for-another";
    }

    /** A new hold and its length: {@code held:600}. */
    public static String heldFor(Duration length) {
        return "held:" + Math.max(0, length.toSeconds());
    }

    /** A hold kept longer by the patient, warned it was running out: {@code hold-extended:600}. */
    public static String holdExtended(Duration by) {
        return "hold-extended:" + Math.max(0, by.toSeconds());
    }

    /**
     * The front desk went past the patient's online rules ({@code codes}, error code names) with the
     * reason it gave: {@code desk-override:TOO_SOON,ACTIVE_LIMIT_REACHED;text:Walk-in, in pain}.
     */
    public static String deskOverride(Collection<ErrorCode> codes, String reason) {
        return withText("desk-override:" + codes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), reason);
    }

    /** The front desk emailed the patient a link to pay for the held time, which it keeps that long: {@code payment-link:86400}. */
    public static String paymentLinkSent(Duration kept) {
        return PAYMENT_LINK + ":" + Math.max(0, kept.toSeconds());
    }

    /** Whether a timeline line is a payment link sent to the patient. */
    public static boolean isPaymentLink(String detail) {
        return detail != null && detail.startsWith(PAYMENT_LINK + ":");
    }

    /** Paid at the clinic's desk, with the desk's reference (card terminal, cash): {@code paid-at-desk;text:cash}. */
    public static String paidAtDesk(String reference) {
        return withText("paid-at-desk", reference);
    }

    /** A confirmation the front desk made, the amount due to be paid at the clinic. */
    public static String confirmedToPayAtDesk(boolean awaitingApproval) {
        return awaitingApproval ? AWAITING_APPROVAL + SEPARATOR + PAY_AT_DESK : PAY_AT_DESK;
    }

    /** A cancellation's line when the front desk, inside the window, chose to refund nothing. */
    public static String withoutRefund(String line) {
        int text = line.indexOf(SEPARATOR + TEXT);
        return text < 0 ? line + SEPARATOR + NO_REFUND : line.substring(0, text) + SEPARATOR + NO_REFUND + line.substring(text);
    }

    /** A confirmation: waiting for the clinic's approval, paid with a package session, both, or null for neither. */
    public static String confirmed(boolean awaitingApproval, boolean paidWithPackage) {
        if (awaitingApproval) {
            return AWAITING_APPROVAL + (paidWithPackage ? SEPARATOR + PAID_WITH_PACKAGE : "");
        }
        return paidWithPackage ? PAID_WITH_PACKAGE : null;
    }

    /** Money that came in when the booking could no longer be confirmed, refunded. */
    public static String paidTooLate() {
        return "paid-too-late" + SEPARATOR + REFUNDING;
    }

    /** A refund the gateway settled: {@code refund-completed:240.00 GBP}, {@code refund-failed:240.00 GBP}. */
    public static String refund(boolean completed, BigDecimal amount, String currency) {
        return (completed ? "refund-completed:" : "refund-failed:") + Money.atMinorUnit(amount, currency).toPlainString()
                + " " + currency.trim();
    }

    /**
     * A cancellation's line with what it gave back added: before the typed words when the line is in
     * this form; a caller's own words (not in the form) are kept whole as the {@code written} line.
     */
    public static String givenBack(String line, Cancellations.GivenBack givenBack) {
        if (!givenBack.refunded() && !givenBack.sessionBack()) {
            return line;
        }
        String back = (givenBack.refunded() ? SEPARATOR + REFUNDING : "") + (givenBack.sessionBack() ? SEPARATOR + SESSION_BACK : "");
        if (line == null || parse(line) == null) {
            return "written" + back + SEPARATOR + TEXT + (line == null ? "" : line);
        }
        int text = line.indexOf(SEPARATOR + TEXT);
        return text < 0 ? line + back : line.substring(0, text) + back + line.substring(text);
    }

    private static String withText(String line, String text) {
        return text == null || text.isEmpty() ? line : line + SEPARATOR + TEXT + text;
    }

    // ---- the reader ------------------------------------------------------------------------------

    /** A line read back: its head code and argument, what was added, and the typed words. */
    record Parsed(String head, String argument, List<String> additions, String text) {
    }

    private static final Set<String> ADDITIONS = Set.of(AWAITING_APPROVAL, PAID_WITH_PACKAGE, REFUNDING, SESSION_BACK,
            PAY_AT_DESK, NO_REFUND);

    /** The heads, each worded by the bundle from its argument (null when there is none). */
    private record Head(boolean takesArgument, boolean takesText, Function<Worder, String> words) {
    }

    /** A bundle in a language, the argument and the typed words of one line. */
    private record Worder(AppointmentMessages m, Locale locale, String argument, String text) {
    }

    private static final Map<String, Head> HEADS = Map.ofEntries(
            Map.entry("held", new Head(true, false, w -> w.m().eventHeldFor(Span.of(Duration.ofSeconds(Long.parseLong(w.argument()))).words(w.m())))),
            Map.entry("hold-extended", new Head(true, false, w -> w.m().eventHoldExtended(Span.of(Duration.ofSeconds(Long.parseLong(w.argument()))).words(w.m())))),
            Map.entry("released-for-another", new Head(false, false, w -> w.m().eventReleasedForAnother())),
            Map.entry(AWAITING_APPROVAL, new Head(false, false, w -> w.m().eventAwaitingApproval())),
            Map.entry(PAID_WITH_PACKAGE, new Head(false, false, w -> w.m().eventPaidWithPackage())),
            Map.entry(PAY_AT_DESK, new Head(false, false, w -> w.m().flagPayAtDesk())),
            Map.entry("desk-override", new Head(true, true, w -> w.m().eventDeskOverride(Arrays.stream(w.argument().split(","))
                    .map(w.m()::deskRule).collect(Collectors.joining(", "))))),
            Map.entry("paid-at-desk", new Head(false, true, w -> w.m().eventPaidAtDesk())),
            Map.entry(PAYMENT_LINK, new Head(true, false, w -> w.m().eventPaymentLink(
                    Span.of(Duration.ofSeconds(Long.parseLong(w.argument()))).words(w.m())))),
            Map.entry("approved", new Head(false, false, w -> w.m().eventApproved())),
            Map.entry("declined", new Head(false, true, w -> w.m().eventDeclined())),
            Map.entry("checked-in", new Head(false, false, w -> w.m().eventCheckedIn())),
            Map.entry("completed", new Head(false, false, w -> w.m().eventCompleted())),
            Map.entry("completed-unmarked", new Head(false, false, w -> w.m().eventCompletedUnmarked())),
            Map.entry("no-show", new Head(false, false, w -> w.m().eventNoShow())),
            Map.entry("no-show-unmarked", new Head(false, false, w -> w.m().eventNoShowUnmarked())),
            Map.entry("moved-to", new Head(true, false, w -> w.m().eventMovedTo(Long.parseLong(w.argument())))),
            Map.entry("moved-from", new Head(true, false, w -> w.m().eventMovedFrom(Long.parseLong(w.argument())))),
            Map.entry("hold-expired", new Head(false, false, w -> w.m().eventHoldExpired())),
            Map.entry("hold-released", new Head(false, true, w -> w.m().eventHoldReleased())),
            Map.entry("cancelled", new Head(false, true, w -> w.m().eventCancelled())),
            Map.entry("not-decided", new Head(false, false, w -> w.m().eventNotDecided())),
            Map.entry("refund-completed", new Head(true, false, w -> w.m().refundCompleted(money(w.argument(), w.locale())))),
            Map.entry("refund-failed", new Head(true, false, w -> w.m().eventRefundFailed(money(w.argument(), w.locale())))),
            Map.entry("paid-too-late", new Head(false, false, w -> w.m().eventPaidTooLate())),
            Map.entry("written", new Head(false, true, w -> w.text())));

    /** The line, or null when {@code detail} is not in this form. */
    static Parsed parse(String detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        String text = null;
        String coded = detail;
        int at = detail.indexOf(SEPARATOR + TEXT);
        if (at >= 0) {
            text = detail.substring(at + SEPARATOR.length() + TEXT.length());
            coded = detail.substring(0, at);
        }
        if (coded.isEmpty()) {
            return null;
        }
        String[] parts = coded.split(SEPARATOR, -1);
        String head = parts[0];
        String argument = null;
        int colon = head.indexOf(':');
        if (colon >= 0) {
            argument = head.substring(colon + 1);
            head = head.substring(0, colon);
        }
        Head known = HEADS.get(head);
        if (known == null || known.takesArgument() != (argument != null) || (text != null && !known.takesText())
                || known.takesArgument() && !validArgument(head, argument) || head.equals("written") && text == null) {
            return null;
        }
        List<String> additions = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!ADDITIONS.contains(parts[i])) {
                return null;
            }
            additions.add(parts[i]);
        }
        return new Parsed(head, argument, List.copyOf(additions), text);
    }

    private static boolean validArgument(String head, String argument) {
        return switch (head) {
            case "held", "hold-extended", "moved-to", "moved-from", PAYMENT_LINK -> argument.matches("[0-9]{1,18}");
            case "refund-completed", "refund-failed" -> argument.matches("[0-9]{1,15}(\\.[0-9]{1,4})? [A-Z]{3}");
            case "desk-override" -> argument.matches("[A-Z_]{1,40}(,[A-Z_]{1,40}){0,5}");
            default -> false;
        };
    }

    private static String money(String argument, Locale locale) {
        int space = argument.lastIndexOf(' ');
        return Formats.money(new BigDecimal(argument.substring(0, space)), argument.substring(space + 1), locale);
    }

    /** The line in a language; words not in this form (older rows, typed reasons) as they are; null stays null. */
    public static String words(String detail, Locale locale) {
        Parsed line = parse(detail);
        if (line == null) {
            return detail;
        }
        AppointmentMessages m = Language.bundle(AppointmentMessages.class, locale);
        String words = HEADS.get(line.head()).words().apply(new Worder(m, locale, line.argument(), line.text()));
        if (line.text() != null && !line.head().equals("written")) {
            words = m.eventReason(words, line.text());
        }
        for (String addition : line.additions()) {
            words = m.eventAnd(words, switch (addition) {
                case AWAITING_APPROVAL -> m.flagAwaitingApproval();
                case PAID_WITH_PACKAGE -> m.flagPaidWithPackage();
                case REFUNDING -> m.flagRefunding();
                case PAY_AT_DESK -> m.flagPayAtDesk();
                case NO_REFUND -> m.flagNoRefund();
                default -> m.flagSessionBack();
            });
        }
        return words;
    }

    /** In a template: {@code {event.detail.timelineWords}}, in the page's language. */
    @TemplateExtension
    static String timelineWords(String detail, @TemplateAttribute("locale") Object locale) {
        return words(detail, locale instanceof Locale l ? l : Language.ENGLISH);
    }
}
