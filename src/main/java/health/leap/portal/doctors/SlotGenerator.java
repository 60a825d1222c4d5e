package health.leap.portal.doctors;

import health.leap.portal.clinic.CentrePolicy;
import health.leap.portal.clinic.TenantPolicy;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns weekly schedules into bookable slots. Times are laid out in each centre's own timezone, so a
 * 09:00 slot stays at 09:00 local across a daylight-saving change. Generating twice inserts nothing
 * new, so the job, the startup fill and the demo loader may overlap freely.
 */
@ApplicationScoped
public class SlotGenerator {

    /** Yesterday too, so that a centre west of UTC still has its slots of "today" local time. */
    static final int DAYS_BACK = 1;
    /** The least horizon, beyond the default 30-day maximum advance with room for missed runs. */
    static final int DAYS_AHEAD = 62;
    /** Room past the longest maximum advance, for zones ahead of UTC and runs missed while the portal was down. */
    static final int DAYS_PAST_LONGEST_ADVANCE = 7;
    private final Clock clock;

    public SlotGenerator(Clock clock) {
        this.clock = clock;
    }

    /** Inserts the slots of every schedule for each local date in [from, to]; returns how many were new. */
    @Transactional
    public int generate(LocalDate from, LocalDate to) {
        return Slot.generate(from, to);
    }

    /**
     * Runs a second after start, so patients do not find an empty week after a long shutdown, but
     * in the background: the portal answers while the horizon fills (on conflict, nothing is doubled).
     */
    @Scheduled(every = "6h", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fillHorizon() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        generate(today.minusDays(DAYS_BACK), today.plusDays(daysAhead()));
    }

    /** How far ahead slots are laid out: past the longest maximum advance any tenant or centre allows (up to a year). */
    public int daysAhead() {
        int longest = Stream.of(
                        TenantPolicy.getEntityManager().createQuery("select max(p.maxAdvanceDays) from TenantPolicy p", Integer.class)
                                .getSingleResult(),
                        CentrePolicy.getEntityManager().createQuery("select max(p.maxAdvanceDays) from CentrePolicy p", Integer.class)
                                .getSingleResult())
                .filter(Objects::nonNull).max(Integer::compare).orElse(0);
        return Math.max(DAYS_AHEAD, longest + DAYS_PAST_LONGEST_ADVANCE);
    }
}
