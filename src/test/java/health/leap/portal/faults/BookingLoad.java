package health.leap.portal.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Patients booking while a fault case breaks things: each holds a free time, confirms it and cancels it
 * again (so the active-booking limit never stops them), and tries a step again, as a patient would, when
 * the portal answered 503 or did not answer. Every answer is kept with its time, so a case can tell
 * what the patients saw before, during and after the fault.
 */
final class BookingLoad implements AutoCloseable {

    /** One answer a patient got, and when. */
    record Seen(Instant at, String step, BookingPatient.Answer answer) {
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final Supplier<String> portal;
    private final Queue<Long> slots;
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<Long> confirmed = ConcurrentHashMap.newKeySet();
    private final List<Future<?>> work = new ArrayList<>();

    /** Starts the patients at once; {@code portal} gives the address of each request (one portal, or a proxy). */
    BookingLoad(List<BookingPatient> patients, Supplier<String> portal, List<Long> freeSlots) {
        this.portal = portal;
        this.slots = new ConcurrentLinkedQueue<>(freeSlots);
        this.threads = Executors.newFixedThreadPool(patients.size());
        for (BookingPatient patient : patients) {
            work.add(threads.submit(() -> book(patient)));
        }
    }

    private void book(BookingPatient patient) {
        while (running.get()) {
            Long slot = slots.poll();
            if (slot == null) {
                return;
            }
            Optional<BookingPatient.Answer> held = untilAnswered("hold", () -> patient.hold(portal.get(), slot, Clinic.CONSULTATION));
            if (held.isEmpty() || held.get().status() != 303 || held.get().appointment().isEmpty()) {
                continue;
            }
            long id = held.get().appointment().getAsLong();
            Optional<BookingPatient.Answer> confirmation = untilAnswered("confirm", () -> patient.confirm(portal.get(), id));
            if (confirmation.isPresent() && confirmation.get().status() == 303) {
                confirmed.add(id);
            }
            Optional<BookingPatient.Answer> cancelled = untilAnswered("cancel", () -> patient.cancel(portal.get(), id));
            if (cancelled.isPresent() && cancelled.get().status() == 303) {
                // free again: a longer load goes round the same times instead of running out of them
                slots.add(slot);
            }
        }
    }

    /** Tries a step until the portal gives an answer that is not "unavailable", or the load stops. */
    private Optional<BookingPatient.Answer> untilAnswered(String step, Supplier<BookingPatient.Answer> call) {
        while (running.get()) {
            BookingPatient.Answer answer = call.get();
            seen.add(new Seen(Instant.now(), step, answer));
            if (!answer.failed()) {
                return Optional.of(answer);
            }
            Faults.pause(RETRY_PAUSE);
        }
        return Optional.empty();
    }

    /** Stops the patients after their current request. */
    @Override
    public void close() {
        running.set(false);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Seen> seen() {
        return Collections.unmodifiableList(seen);
    }

    List<Seen> seenBetween(Instant from, Instant to) {
        return seen.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to)).toList();
    }

    /** Bookings the portal answered as confirmed. */
    Set<Long> confirmed() {
        return Set.copyOf(confirmed);
    }

    /** The first answer after {@code after} that was a success (a 2xx or a redirect). */
    Optional<Seen> firstSuccessAfter(Instant after) {
        return seen.stream().filter(s -> s.at().isAfter(after) && s.answer().status() >= 200 && s.answer().status() < 400)
                .min((a, b) -> a.at().compareTo(b.at()));
    }

}
