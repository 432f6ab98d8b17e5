package io.tagwire.session;

import java.util.function.LongSupplier;

/**
 * The engine's default clock: epoch nanoseconds from {@link System#currentTimeMillis()},
 * with sub-millisecond resolution from {@link System#nanoTime()}. It is re-anchored to
 * the wall clock when the two drift apart by more than {@value #MAX_DRIFT_NANOS} ns (NTP
 * steps, suspend), and never goes backwards, so heartbeat arithmetic stays sound and
 * SendingTime(52) stays accurate. Used by the event-loop thread only.
 */
final class EngineClock implements LongSupplier {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;
    private static final long MAX_DRIFT_NANOS = 2 * NANOS_PER_MILLI;

    private long baseEpochNanos;
    private long baseNanoTime;
    private long nextCheckNanoTime;
    private long last;

    EngineClock() {
        anchor(System.nanoTime());
    }

    @Override
    public long getAsLong() {
        long nanoTime = System.nanoTime();
        if (nanoTime - nextCheckNanoTime >= 0) {
            check(nanoTime);
        }
        long now = baseEpochNanos + (nanoTime - baseNanoTime);
        if (now < last) {
            now = last;
        }
        last = now;
        return now;
    }

    private void check(long nanoTime) {
        long wall = System.currentTimeMillis() * NANOS_PER_MILLI;
        long estimate = baseEpochNanos + (nanoTime - baseNanoTime);
        if (Math.abs(estimate - wall) > MAX_DRIFT_NANOS) {
            anchor(nanoTime);
        } else {
            nextCheckNanoTime = nanoTime + CHECK_INTERVAL_NANOS;
        }
    }

    private void anchor(long nanoTime) {
        baseEpochNanos = System.currentTimeMillis() * NANOS_PER_MILLI;
        baseNanoTime = nanoTime;
        nextCheckNanoTime = nanoTime + CHECK_INTERVAL_NANOS;
    }
}
