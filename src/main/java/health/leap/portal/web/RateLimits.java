package health.leap.portal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Per-caller request and write budgets (SPEC: 120 requests and 20 writes a minute), kept by Bucket4j
 * in PostgreSQL so every portal instance on the database spends from the same buckets.
 * <p>
 * Writes are decided by the database on every write, exactly. Reads are decided exactly by a bucket
 * in this instance's memory, and also spend from the shared bucket, which syncs with the database
 * every {@value #READ_SYNC_TOKENS} requests or every second ({@link #READ_SYNC_EVERY}): a page view
 * costs no extra round trip most of the time, and across n instances a caller can overshoot the
 * read budget by at most n × {@value #READ_SYNC_TOKENS} requests before the instances agree.
 */
@ApplicationScoped
public class RateLimits {

    static final long READ_SYNC_TOKENS = 10;
    static final Duration READ_SYNC_EVERY = Duration.ofSeconds(1);

    /** What the limiter decided: allowed, or refused with the wait until a token is back. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    @ConfigProperty(name = "portal.rate-limit.requests-per-minute", defaultValue = "120")
    long requestsPerMinute;
    @ConfigProperty(name = "portal.rate-limit.writes-per-minute", defaultValue = "20")
    long writesPerMinute;

    private ProxyManager<String> buckets;
    private BucketConfiguration requests;
    private BucketConfiguration writes;
    // a caller's local bucket, and the shared bucket's proxy holding its unsynchronised tokens
    private record ReadBuckets(Bucket local, BucketProxy shared) {
    }

    private final Cache<String, ReadBuckets> readBuckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();
    private TimeMeter time;

    @PostConstruct
    void start() {
        time = new ClockTimeMeter(clock);
        buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state")
                .clientClock(time)
                .build();
        requests = perMinute(requestsPerMinute);
        writes = perMinute(writesPerMinute);
    }

    /** Spends one request of the caller's budget. */
    public Decision request(String caller) {
        ReadBuckets bucket = readBuckets.get(caller, key -> new ReadBuckets(
                Bucket.builder().addLimit(perMinuteLimit(requestsPerMinute)).withCustomTimePrecision(time).build(),
                buckets.builder()
                        .withOptimization(Optimizations.delaying(new DelayParameters(READ_SYNC_TOKENS, READ_SYNC_EVERY)))
                        .build("requests:" + key, () -> requests)));
        ConsumptionProbe local = bucket.local().tryConsumeAndReturnRemaining(1);
        return local.isConsumed() ? decide(bucket.shared().tryConsumeAndReturnRemaining(1)) : decide(local);
    }

    /** Spends one write of the caller's budget, decided by the database. */
    public Decision write(String caller) {
        BucketProxy bucket = buckets.builder().build("writes:" + caller, () -> writes);
        return decide(bucket.tryConsumeAndReturnRemaining(1));
    }

    private static Decision decide(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static BucketConfiguration perMinute(long tokens) {
        return BucketConfiguration.builder().addLimit(perMinuteLimit(tokens)).build();
    }

    private static Bandwidth perMinuteLimit(long tokens) {
        return Bandwidth.builder().capacity(tokens).refillGreedy(tokens, Duration.ofMinutes(1)).build();
    }

    /** Bucket4j reads time through the portal's clock, so tests move it instead of sleeping. */
    record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return Math.multiplyExact(clock.millis(), 1_000_000L);
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
