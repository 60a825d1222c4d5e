package health.leap.portal.faults;

import health.leap.portal.platform.PlatformTest;
import health.leap.portal.platform.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * Two portals behind nginx, signed-in patients browsing and booking through it; one portal is killed
 * with SIGKILL. The other keeps serving; the requests that failed are counted (those the dead one had in
 * hand); and a patient who signed in on the dead one stays signed in, served by the other, because the
 * session lives in the cookie, not in the instance.
 */
@PlatformTest(lane = 2)
class TwoPortalsBehindNginxFaultIT {

    static final int[] PORTAL_PORTS = {8099, 8100};
    static final int NGINX_PORT = 8101;
    static final Duration SETTLE = Duration.ofSeconds(2);

    record Seen(Instant at, String what, SignedInBrowser.Page page) {
    }

    final AtomicBoolean running = new AtomicBoolean(true);
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Test
    void oneOfTwoPortalsIsKilledUnderLoad() throws Exception {
        int browsers = Faults.scale(6, 16);
        FaultReport report = new FaultReport("one of two portals behind nginx killed");
        Nginx.binary();
        try (EmbeddedDatabase database = EmbeddedDatabase.startThrowaway()) {
            Map<String, String> first = new HashMap<>(PackagedPortal.database(database.jdbcUrl(), EmbeddedDatabase.USER));
            first.put("PORTAL_DEMO_DATA", "true");
            Map<String, String> second = new HashMap<>(PackagedPortal.database(database.jdbcUrl(), EmbeddedDatabase.USER));
            try (PackagedPortal doomed = PackagedPortal.on("fault-nginx-a", PORTAL_PORTS[0], first).start();
                 PackagedPortal survivor = PackagedPortal.on("fault-nginx-b", PORTAL_PORTS[1], second).start();
                 Nginx nginx = Nginx.balancing(NGINX_PORT, List.of(PORTAL_PORTS[0], PORTAL_PORTS[1]));
                 Connection db = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER)) {
                String balancer = "http://localhost:" + NGINX_PORT;
                Queue<Long> slots = new ConcurrentLinkedQueue<>(Clinic.freeConsultations(db, 3000));
                // a patient signed in on the portal about to die, then carrying on through the balancer
                SignedInBrowser onTheDoomed = new SignedInBrowser();
                SignedInBrowser.Page signedIn = onTheDoomed.signIn(doomed.baseUrl(), "/appointments", "amelia", "demo");
                assertEquals(200, signedIn.status(), "signed in on the first portal: " + signedIn.failure());
                List<String> users = List.of("oliver", "isla", "maya", "ethan", "noah", "chloe");
                List<SignedInBrowser> patients = new ArrayList<>();
                for (int i = 0; i < browsers; i++) {
                    SignedInBrowser browser = new SignedInBrowser();
                    String user = users.get(i % users.size());
                    SignedInBrowser.Page page = browser.signIn(balancer, "/appointments", user, "demo");
                    assertEquals(200, page.status(), user + " signed in through the balancer: " + page.failure() + page.body());
                    patients.add(browser);
                }
                patients.add(onTheDoomed);
                ExecutorService threads = Executors.newFixedThreadPool(patients.size());
                for (SignedInBrowser patient : patients) {
                    threads.submit(() -> browseAndBook(patient, balancer, slots));
                }
                Faults.pause(Faults.load(Duration.ofSeconds(4), Duration.ofSeconds(30)));
                Instant killed = Instant.now();
                doomed.kill();
                Faults.pause(Faults.load(Duration.ofSeconds(8), Duration.ofSeconds(30)));
                running.set(false);
                threads.shutdown();
                threads.awaitTermination(60, TimeUnit.SECONDS);

                SignedInBrowser.Page afterwards = onTheDoomed.get(balancer + "/appointments");
                List<Seen> failed = seen.stream().filter(s -> s.page().status() == 0 || s.page().status() >= 500).toList();
                List<Seen> failedLater = failed.stream().filter(s -> s.at().isAfter(killed.plus(SETTLE))).toList();
                List<Seen> signedOut = seen.stream().filter(s -> s.page().atTheLogin()).toList();
                long afterTheKill = seen.stream().filter(s -> s.at().isAfter(killed)).count();
                long servedByTheSurvivor = seen.stream().filter(s -> s.at().isAfter(killed.plus(SETTLE)) && s.page().upstream() != null
                        && s.page().upstream().endsWith(":" + PORTAL_PORTS[1]) && s.page().status() < 400).count();
                report.put("signed-in patients", patients.size()).put("requests", seen.size())
                        .put("requests after the kill", afterTheKill)
                        .put("failed requests", failed.size() + " (" + failed.stream().map(s -> s.what() + " " + s.page().status())
                                .distinct().toList() + ")")
                        .put("failed later than " + SETTLE.toSeconds() + " s after the kill", failedLater.size())
                        .put("patients sent back to the login", signedOut.size());
                boolean passed = false;
                try {
                    assertAll(
                            () -> assertTrue(servedByTheSurvivor > 0, "the other portal served after the kill"),
                            () -> assertTrue(failed.size() <= patients.size(),
                                    "at most the requests in flight on the dead portal failed: " + failed.size()),
                            () -> assertEquals(List.of(), failedLater.stream().map(s -> s.what() + " " + s.page().status()).toList(),
                                    "nothing failed once nginx had seen the dead portal"),
                            () -> assertEquals(0, signedOut.size(), "nobody was signed out"),
                            () -> assertEquals(200, afterwards.status()),
                            () -> assertTrue(afterwards.body().contains("My appointments"),
                                    "the patient signed in on the dead portal still signed in"),
                            () -> assertTrue(survivor.alive() && !doomed.alive()));
                    passed = true;
                } finally {
                    report.write(passed);
                }
            }
        }
    }

    /** Pages, and now and then a booking held and let go, until the load stops. */
    void browseAndBook(SignedInBrowser patient, String base, Queue<Long> slots) {
        for (int round = 0; running.get(); round++) {
            for (String page : List.of("/", "/appointments", "/doctors")) {
                seen.add(new Seen(Instant.now(), "GET " + page, patient.get(base + page)));
            }
            if (round % 2 == 0) {
                Long slot = slots.poll();
                if (slot == null) {
                    continue;
                }
                SignedInBrowser.Page held = patient.post(base + "/appointments", "slot=" + slot + "&service=" + Clinic.CONSULTATION
                        + "&release=true");
                seen.add(new Seen(Instant.now(), "POST hold", held));
                if (held.status() == 303 && held.location() != null) {
                    String appointment = URI.create(base).resolve(held.location()).getPath();
                    seen.add(new Seen(Instant.now(), "POST cancel", patient.post(base + appointment + "/cancel", "reason=Load")));
                }
            }
        }
    }
}
