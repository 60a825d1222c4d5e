package health.leap.portal.faults;

import health.leap.portal.platform.PlatformTest;
import health.leap.portal.platform.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal is killed with SIGKILL while patients hold times, pay at the gateway and confirm with a
 * package session, then started again on the same database. Nothing the dead process held on to stays
 * stuck: every hold it left runs out on time and frees its slot, every payment the gateway decided is
 * settled (a paid booking confirmed, or refunded), and every package session is either spent on a live
 * booking or back in the package.
 */
@PlatformTest(lane = 1)
class PortalCrashFaultIT {

    static final int PORTAL_PORT = 8098;
    static final Duration HOLD = Duration.ofSeconds(15);
    static final Duration UNFINISHED_PAYMENT = Duration.ofSeconds(10);
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(45);
    static final long FIRST_LEAD = 98001;
    /** The suite's own patients (the demo's leads without a fixed id are numbered from 100000). */
    static final String OURS = "lead_id between 98001 and 98999";

    final AtomicBoolean running = new AtomicBoolean(true);
    final List<BookingPatient.Answer> answers = new CopyOnWriteArrayList<>();

    @Test
    void nothingStaysStuckAfterTheProcessIsKilledMidFlow() throws Exception {
        int perRole = Faults.scale(3, 8);
        FaultReport report = new FaultReport("portal killed with SIGKILL mid-flow");
        try (EmbeddedDatabase database = EmbeddedDatabase.startThrowaway()) {
            Map<String, String> settings = new HashMap<>(PackagedPortal.database(database.jdbcUrl(), EmbeddedDatabase.USER));
            settings.put("PORTAL_DEMO_DATA", "true");
            settings.put("PORTAL_BOOKING_HOLD_OVERRIDE", HOLD.toString());
            settings.put("PORTAL_HOLD_EXPIRY_EVERY", "2s");
            settings.put("PORTAL_PAYMENT_SWEEP_EVERY", "2s");
            settings.put("PORTAL_PAYMENTS_UNFINISHED_AFTER", UNFINISHED_PAYMENT.toString());
            try (PackagedPortal portal = PackagedPortal.on("fault-portal-crash", PORTAL_PORT, settings).start();
                 Connection db = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER)) {
                List<BookingPatient> patients = Clinic.patients(db, "crash", FIRST_LEAD, 3 * perRole, BookingPatient.client());
                Queue<Long> consultations = new ConcurrentLinkedQueue<>(Clinic.freeConsultations(db, 3000));
                Queue<Long> assessments = new ConcurrentLinkedQueue<>(Clinic.freeTimes(db, Clinic.PAID_ASSESSMENT, 500));
                ExecutorService threads = Executors.newFixedThreadPool(patients.size());
                for (int i = 0; i < patients.size(); i++) {
                    BookingPatient patient = patients.get(i);
                    String base = portal.baseUrl();
                    switch (i % 3) {
                        case 0 -> threads.submit(() -> hold(patient, base, consultations));
                        case 1 -> threads.submit(() -> pay(patient, base, assessments));
                        default -> {
                            long plan = Clinic.carePlan(db, FIRST_LEAD + i, 4);
                            threads.submit(() -> redeem(patient, base, consultations, plan));
                        }
                    }
                }
                Faults.pause(Faults.load(Duration.ofSeconds(5), Duration.ofSeconds(30)));
                Instant killed = Instant.now();
                portal.kill();
                running.set(false);
                threads.shutdown();
                threads.awaitTermination(30, TimeUnit.SECONDS);
                long cut = answers.stream().filter(a -> a.status() == 0).count();
                long heldAtTheKill = Clinic.count(db, "select count(*) from appointment where status = 'DRAFT' and " + OURS);
                long startedAtTheKill = Clinic.count(db, "select count(*) from payment where status = 'STARTED' and " + OURS);
                // the latest moment anything the dead process left is due: its last hold's end, its last checkout's sweep
                double dueInSeconds = Clinic.seconds(db, """
                        select greatest(coalesce((select max(hold_expires_at) from appointment where status = 'DRAFT' and %1$s), now()),
                                        coalesce((select max(created_at) from payment where status = 'STARTED' and %1$s),
                                                 now() - interval '1 day') + interval '%2$d seconds')"""
                        .formatted(OURS, UNFINISHED_PAYMENT.toSeconds()));
                Instant due = Instant.now().plusMillis((long) (dueInSeconds * 1000));

                portal.start();
                Instant restarted = Instant.now();
                Instant settled = null;
                while (Duration.between(restarted, Instant.now()).compareTo(SETTLE_LIMIT) < 0) {
                    if (Instant.now().isAfter(due) && openHolds(db) == 0 && unresolvablePayments(db) == 0) {
                        settled = Instant.now();
                        break;
                    }
                    Faults.pause(Duration.ofMillis(500));
                }
                long stuck = stuckHolds(db);
                long unresolvable = unresolvablePayments(db);
                long paidForNothing = paidForNothing(db);
                long sessionsAdrift = sessionsAdrift(db);
                long liveOnDeadBookings = liveRedemptionsOnEndedBookings(db);
                // a slot a dead hold had taken can be held again
                Long freed = heldAtTheKill == 0 ? null : firstFreedSlot(db);
                BookingPatient.Answer again = freed == null ? null
                        : patients.get(0).hold(portal.baseUrl(), freed, Clinic.CONSULTATION);
                Instant settledAt = settled;
                report.put("requests before the kill", answers.size()).put("cut off by the kill", cut)
                        .put("holds open at the kill", heldAtTheKill).put("payments unfinished at the kill", startedAtTheKill)
                        .put("seconds from restart until ready", Duration.between(killed, restarted).toMillis() / 1000.0)
                        .put("seconds past the last hold's end or checkout's sweep until nothing was left",
                                settledAt == null ? "never" : Math.max(0, Duration.between(due, settledAt).toMillis()) / 1000.0)
                        .put("holds past their time", stuck).put("payments nothing will resolve", unresolvable)
                        .put("paid and neither confirmed nor refunded", paidForNothing)
                        .put("package sessions lost", sessionsAdrift + liveOnDeadBookings);
                boolean passed = false;
                try {
                    assertAll(
                            () -> assertTrue(heldAtTheKill > 0, "holds were open when the portal died"),
                            () -> assertTrue(settledAt != null, "settled within " + SETTLE_LIMIT),
                            () -> assertEquals(0, stuck, "holds past their time"),
                            () -> assertEquals(0, unresolvable, "payments nothing will resolve"),
                            () -> assertEquals(0, paidForNothing, "paid and neither confirmed nor refunded"),
                            () -> assertEquals(0, sessionsAdrift, "packages whose used sessions differ from their live redemptions"),
                            () -> assertEquals(0, liveOnDeadBookings, "sessions spent on cancelled or expired bookings"),
                            () -> assertTrue(again == null || again.status() == 303,
                                    "a slot a dead hold had taken is free again: " + (again == null ? "" : again.status() + again.body())));
                    passed = true;
                } finally {
                    report.write(passed);
                }
            }
        }
    }

    /** Holds a time and leaves it held, again and again (each new hold releases the one before). */
    void hold(BookingPatient patient, String base, Queue<Long> slots) {
        while (running.get()) {
            Long slot = slots.poll();
            if (slot == null) {
                return;
            }
            answers.add(patient.hold(base, slot, Clinic.CONSULTATION));
            Faults.pause(Duration.ofMillis(150));
        }
    }

    /** Holds a paid assessment and pays for it: all the way back, paid but never back, or the gateway left open. */
    void pay(BookingPatient patient, String base, Queue<Long> slots) {
        for (int round = 0; running.get(); round++) {
            Long slot = slots.poll();
            if (slot == null) {
                return;
            }
            BookingPatient.Answer held = record(patient.hold(base, slot, Clinic.PAID_ASSESSMENT));
            if (held.appointment().isEmpty()) {
                continue;
            }
            BookingPatient.Answer checkout = record(patient.post(base, "/appointments/" + held.appointment().getAsLong() + "/payment", ""));
            if (checkout.location() == null || !checkout.location().contains("/sandbox-gateway/pay?")) {
                continue;
            }
            URI gateway = URI.create(base).resolve(checkout.location());
            record(patient.get(base, gateway.getRawPath() + "?" + gateway.getRawQuery(), false));
            if (round % 3 == 2) {
                continue;
            }
            BookingPatient.Answer paid = record(patient.post(base, "/sandbox-gateway/pay", gateway.getRawQuery() + "&outcome=SUCCEEDED"));
            if (round % 3 == 0 && paid.location() != null) {
                URI back = URI.create(base).resolve(paid.location());
                record(patient.get(base, back.getRawPath() + "?" + back.getRawQuery(), false));
            }
        }
    }

    /** Books the consultation with a session of the care plan, then cancels it, again and again. */
    void redeem(BookingPatient patient, String base, Queue<Long> slots, long plan) {
        while (running.get()) {
            Long slot = slots.poll();
            if (slot == null) {
                return;
            }
            BookingPatient.Answer held = record(patient.hold(base, slot, Clinic.CONSULTATION));
            if (held.appointment().isEmpty()) {
                continue;
            }
            long id = held.appointment().getAsLong();
            record(patient.post(base, "/appointments/" + id + "/confirm", "package=" + plan));
            record(patient.cancel(base, id));
        }
    }

    BookingPatient.Answer record(BookingPatient.Answer answer) {
        answers.add(answer);
        return answer;
    }

    /** Holds of the suite's patients still open. */
    static long openHolds(Connection db) throws SQLException {
        return Clinic.count(db, "select count(*) from appointment where status = 'DRAFT' and " + OURS);
    }

    /** Holds whose time has passed, and then some for the sweep, yet still hold their slot. */
    static long stuckHolds(Connection db) throws SQLException {
        return Clinic.count(db, "select count(*) from appointment where status = 'DRAFT' and hold_expires_at < now() - interval '5 seconds'");
    }

    /**
     * Unfinished payments old enough for the sweep that nothing will settle: the gateway has decided them,
     * or never saw them. (A checkout still open at the gateway is settled when the patient decides, or
     * when the gateway lets it lapse.)
     */
    static long unresolvablePayments(Connection db) throws SQLException {
        return Clinic.count(db, """
                select count(*) from payment p left join sandbox_gateway_ledger l on l.reference = p.reference
                where p.status = 'STARTED' and p.created_at < now() - interval '15 seconds'
                  and (l.reference is null or l.outcome is not null)""");
    }

    /** Money taken for a booking that is neither confirmed nor being refunded. */
    static long paidForNothing(Connection db) throws SQLException {
        return Clinic.count(db, """
                select count(*) from payment p join appointment a on a.id = p.appointment_id
                where p.status = 'SUCCEEDED' and a.status not in ('CONFIRMED', 'PENDING_APPROVAL', 'CHECKED_IN', 'COMPLETED')
                  and not exists (select 1 from refund r where r.payment_id = p.id)""");
    }

    static long sessionsAdrift(Connection db) throws SQLException {
        return Clinic.count(db, """
                select count(*) from patient_package pp
                where pp.%s and pp.sessions_used <> (select count(*) from package_redemption r
                      where r.patient_package_id = pp.id and r.reversed_at is null)""".formatted(OURS));
    }

    static long liveRedemptionsOnEndedBookings(Connection db) throws SQLException {
        return Clinic.count(db, """
                select count(*) from package_redemption r join appointment a on a.id = r.appointment_id
                where r.reversed_at is null and a.status in ('CANCELLED', 'EXPIRED')""");
    }

    static Long firstFreedSlot(Connection db) throws SQLException {
        List<Long> freed = new ArrayList<>();
        try (var ps = db.prepareStatement("""
                select a.slot_id from appointment a where a.status = 'EXPIRED' and a.lead_id between ? and ? + 998 and a.service_id = ?
                  and not exists (select 1 from appointment b where b.slot_id = a.slot_id
                                  and b.status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN'))
                order by a.id desc limit 1""")) {
            ps.setLong(1, FIRST_LEAD);
            ps.setLong(2, FIRST_LEAD);
            ps.setLong(3, Clinic.CONSULTATION);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    freed.add(rs.getLong(1));
                }
            }
        }
        return freed.isEmpty() ? null : freed.get(0);
    }
}
