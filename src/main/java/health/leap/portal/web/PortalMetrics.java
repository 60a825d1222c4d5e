package health.leap.portal.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The booking counters the people who run the portal watch, at {@code /q/metrics} beside the route
 * latencies and the connection pool: holds placed, bookings confirmed, refusals by error code, slot
 * conflicts (a patient lost a time to another), rate-limit refusals, cancellations, moves and the hold
 * expiry sweeps. No tag carries a patient, a booking or anything a caller typed: only codes and outcomes.
 */
@ApplicationScoped
public class PortalMetrics {

    private final MeterRegistry registry;

    public PortalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void held() {
        registry.counter("portal.holds").increment();
    }

    /** A booking confirmed, with the status it got (CONFIRMED, or PENDING_APPROVAL where the clinic decides). */
    public void confirmed(String status) {
        registry.counter("portal.confirmations", "status", status).increment();
    }

    public void cancelled() {
        registry.counter("portal.cancellations").increment();
    }

    public void rescheduled() {
        registry.counter("portal.reschedules").increment();
    }

    /** A request refused with a sentence and a code; a time lost to another patient also counts as a slot conflict. */
    public void refused(ErrorCode code) {
        registry.counter("portal.refusals", "code", code.name()).increment();
        if (code == ErrorCode.SLOT_TAKEN) {
            registry.counter("portal.slot.conflicts").increment();
        }
    }

    /** Refused for going too fast: {@code kind} is write or request. */
    public void rateLimited(String kind) {
        registry.counter("portal.rate.limit.refusals", "kind", kind).increment();
    }

    /** One run of the hold expiry job, and how many passed holds it marked expired. */
    public void holdExpirySwept(int expired) {
        registry.counter("portal.hold.expiry.sweeps").increment();
        registry.counter("portal.holds.expired").increment(expired);
    }

    /**
     * What the mail sender did with one message: {@code sent}, {@code retry} (the server refused or was
     * away; it is tried again later), {@code failed} (given up after the last attempt: someone should look)
     * or {@code skipped} (nothing to send: no address, or the patient turned such mail off).
     */
    public void mail(String outcome) {
        registry.counter("portal.mail", "outcome", outcome).increment();
    }
}
