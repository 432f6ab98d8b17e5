package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void slidingWindowAllowsNInAnyIntervalAndSaysWhenTheNextFits() {
        Throttle throttle = Throttle.slidingWindow(3, 1000);

        assertThat(throttle.tryAcquire(0)).isTrue();
        assertThat(throttle.tryAcquire(1)).isTrue();
        assertThat(throttle.tryAcquire(2)).isTrue();
        assertThat(throttle.nanosUntilAvailable(3)).isEqualTo(997);
        assertThat(throttle.tryAcquire(3)).isFalse();
        assertThat(throttle.tryAcquire(999)).isFalse();
        assertThat(throttle.tryAcquire(1000)).isTrue();          // the message sent at 0 left the window
        assertThat(throttle.nanosUntilAvailable(1000)).isEqualTo(1);
        assertThat(throttle.tryAcquire(1000)).isFalse();
        assertThat(throttle.tryAcquire(1001)).isTrue();
    }

    @Test
    void binanceOrderEntryLimitRefusesThe10001stMessageWithinTenSeconds() {
        Throttle throttle = VenueProfiles.byName("binance-spot").messageLimit().orElseThrow().newThrottle();
        for (int i = 0; i < 10_000; i++) {
            assertThat(throttle.tryAcquire(i * 1000L)).isTrue();
        }
        assertThat(throttle.tryAcquire(5 * SECOND)).isFalse();
        assertThat(throttle.nanosUntilAvailable(5 * SECOND)).isEqualTo(5 * SECOND);
        assertThat(throttle.tryAcquire(10 * SECOND)).isTrue();
    }

    @Test
    void slidingWindowNeverExceedsTheLimitInAnyWindowUnderRandomLoad() {
        int limit = 50;
        long interval = 1_000_000;
        Throttle throttle = Throttle.slidingWindow(limit, interval);
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long[] accepted = new long[200_000];
        int count = 0;
        long now = 0;
        for (int i = 0; i < accepted.length; i++) {
            now += random.nextInt(40_000);
            if (throttle.tryAcquire(now)) {
                accepted[count++] = now;
            }
        }
        for (int i = limit; i < count; i++) {
            assertThat(accepted[i] - accepted[i - limit]).isGreaterThanOrEqualTo(interval);
        }
        assertThat(count).isGreaterThan(limit);
    }

    @Test
    void tokenBucketStartsFullAndRefillsContinuously() {
        Throttle throttle = Throttle.tokenBucket(2, 10, 1000);   // 10 per 1000 ns: one each 100 ns, bursts of 2

        assertThat(throttle.tryAcquire(0)).isTrue();
        assertThat(throttle.tryAcquire(0)).isTrue();
        assertThat(throttle.tryAcquire(0)).isFalse();
        assertThat(throttle.nanosUntilAvailable(0)).isEqualTo(100);
        assertThat(throttle.nanosUntilAvailable(60)).isEqualTo(40);
        assertThat(throttle.tryAcquire(99)).isFalse();
        assertThat(throttle.tryAcquire(100)).isTrue();
        assertThat(throttle.tryAcquire(1_000_000)).isTrue();    // a long pause refills to the capacity only
        assertThat(throttle.tryAcquire(1_000_000)).isTrue();
        assertThat(throttle.tryAcquire(1_000_000)).isFalse();
    }

    @Test
    void tokenBucketSurvivesAVeryLongIdlePeriod() {
        Throttle throttle = Throttle.tokenBucket(5, 1_000_000, SECOND);
        throttle.tryAcquire(0);
        assertThat(throttle.tryAcquire(Long.MAX_VALUE / 2)).isTrue();
        assertThat(throttle.nanosUntilAvailable(Long.MAX_VALUE / 2)).isZero();
    }

    @Test
    void resetForgetsWhatWasSent() {
        Throttle throttle = Throttle.slidingWindow(1, SECOND);
        assertThat(throttle.tryAcquire(0)).isTrue();
        assertThat(throttle.tryAcquire(1)).isFalse();
        throttle.reset();
        assertThat(throttle.tryAcquire(2)).isTrue();
    }

    @Test
    void refusesNonsenseLimits() {
        assertThatThrownBy(() -> Throttle.slidingWindow(0, SECOND)).hasMessageContaining("messages must be positive");
        assertThatThrownBy(() -> Throttle.tokenBucket(1, 1, 0)).hasMessageContaining("intervalNanos must be positive");
        assertThatThrownBy(() -> RateLimit.of(1, Duration.ZERO)).hasMessageContaining("interval must be positive");
    }

    @Test
    void acquiringAllocatesNothing() {
        Throttle sliding = Throttle.slidingWindow(100, 1_000_000);
        Throttle bucket = Throttle.tokenBucket(100, 100, 1_000_000);
        exercise(sliding, bucket, 0);                              // warm up
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        exercise(sliding, bucket, 1L << 40);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(10_000);                  // 400,000 calls: any per-call object would be MBs
    }

    private static void exercise(Throttle sliding, Throttle bucket, long start) {
        long now = start;
        for (int i = 0; i < 100_000; i++) {
            now += 7_000;
            sliding.tryAcquire(now);
            sliding.nanosUntilAvailable(now);
            bucket.tryAcquire(now);
            bucket.nanosUntilAvailable(now);
        }
    }
}
