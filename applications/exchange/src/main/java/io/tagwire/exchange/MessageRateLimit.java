package io.tagwire.exchange;

/**
 * A venue's inbound message limit per connection, counted over a sliding window: at most
 * {@code limit} messages in any {@code windowNanos}. Pure (time comes in as nanoseconds)
 * and allocation-free after construction: the arrival times of the last {@code limit}
 * messages are kept in a ring.
 */
final class MessageRateLimit {
    private final long[] arrivals;
    private final long windowNanos;
    private int head;
    private int count;

    /**
     * @throws IllegalArgumentException if {@code limit} or {@code windowNanos} is not positive
     */
    MessageRateLimit(int limit, long windowNanos) {
        if (limit <= 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("a message limit needs a positive count and window, was " + limit
                + " per " + windowNanos + " ns");
        }
        this.arrivals = new long[limit];
        this.windowNanos = windowNanos;
    }

    /** Counts one message; false if it is one too many for the window (the limit is breached). */
    boolean tryAcquire(long nowNanos) {
        if (count < arrivals.length) {
            arrivals[(head + count) % arrivals.length] = nowNanos;
            count++;
            return true;
        }
        if (nowNanos - arrivals[head] < windowNanos) {
            return false;
        }
        arrivals[head] = nowNanos;
        head = head + 1 == arrivals.length ? 0 : head + 1;
        return true;
    }

    /** Forgets every message counted, as a new connection starts. */
    void reset() {
        head = 0;
        count = 0;
    }

    int limit() {
        return arrivals.length;
    }

    long windowNanos() {
        return windowNanos;
    }
}
