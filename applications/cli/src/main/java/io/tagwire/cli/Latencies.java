package io.tagwire.cli;

import java.util.Arrays;

/** Round-trip times collected one by one, summarized as percentiles of the sorted samples. */
final class Latencies {
    private long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[Math.max(capacity, 16)];
    }

    void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    int count() {
        return count;
    }

    /** The sample at {@code percentile} (0-100) by the nearest-rank method; 0 when empty. */
    long percentileNanos(double percentile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.min(count, Math.max(rank, 1)) - 1];
    }

    long maxNanos() {
        return percentileNanos(100);
    }
}
