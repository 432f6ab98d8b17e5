package io.tagwire.trading.venue;

/**
 * A venue's message rate limit, kept on the client side so the venue never sees a breach
 * (Binance logs out at once). Pure: the caller passes the time; nothing is allocated after
 * construction. Not thread-safe: one throttle per session, used on its sending thread.
 *
 * <ul>
 * <li>{@link #slidingWindow(int, long)}: at most N messages in any interval, exactly (a ring of
 * the last N send times). Safe for venues that count in fixed or sliding windows.
 * <li>{@link #tokenBucket(int, int, long)}: N messages per interval refilled continuously, bursts
 * up to a capacity; for venues that document a bucket.
 * </ul>
 *
 * <pre>{@code
 * Throttle throttle = profile.messageLimit().orElseThrow().newThrottle();
 * if (throttle.tryAcquire(nowNanos)) { send(); } else { retryIn(throttle.nanosUntilAvailable(nowNanos)); }
 * }</pre>
 */
public final class Throttle {
    private final int messages;
    private final long intervalNanos;
    // sliding window: send times, oldest at head
    private final long[] sent;
    private int head;
    private int count;
    // token bucket: credit in units where one message costs intervalNanos and a nanosecond refills `messages`
    private final boolean bucket;
    private final long capacityUnits;
    private long credit;
    private long lastNanos;
    private boolean started;

    private Throttle(int messages, long intervalNanos, boolean bucket, int capacity) {
        if (messages <= 0) {
            throw new IllegalArgumentException("messages must be positive, was " + messages);
        }
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("intervalNanos must be positive, was " + intervalNanos);
        }
        this.messages = messages;
        this.intervalNanos = intervalNanos;
        this.bucket = bucket;
        if (bucket) {
            if (capacity <= 0) {
                throw new IllegalArgumentException("capacity must be positive, was " + capacity);
            }
            this.sent = null;
            this.capacityUnits = Math.multiplyExact(capacity, intervalNanos);
            this.credit = capacityUnits;
        } else {
            this.sent = new long[messages];
            this.capacityUnits = 0;
        }
    }

    /** At most {@code messages} in any window of {@code intervalNanos}. Allocates the ring once. */
    public static Throttle slidingWindow(int messages, long intervalNanos) {
        return new Throttle(messages, intervalNanos, false, 0);
    }

    /** {@code messages} per {@code intervalNanos} on average, bursts of up to {@code capacity}; starts full. */
    public static Throttle tokenBucket(int capacity, int messages, long intervalNanos) {
        return new Throttle(messages, intervalNanos, true, capacity);
    }

    /** Takes one message of the allowance if there is one. {@code nowNanos} must not go backwards. */
    public boolean tryAcquire(long nowNanos) {
        if (bucket) {
            refill(nowNanos);
            if (credit < intervalNanos) {
                return false;
            }
            credit -= intervalNanos;
            return true;
        }
        if (count < messages) {
            sent[(head + count) % messages] = nowNanos;
            count++;
            return true;
        }
        if (nowNanos - sent[head] < intervalNanos) {
            return false;
        }
        sent[head] = nowNanos;
        head = head + 1 == messages ? 0 : head + 1;
        return true;
    }

    /** 0 if {@link #tryAcquire} would succeed now, else how long until it would. */
    public long nanosUntilAvailable(long nowNanos) {
        if (bucket) {
            refill(nowNanos);
            long missing = intervalNanos - credit;
            return missing <= 0 ? 0 : (missing + messages - 1) / messages;
        }
        if (count < messages) {
            return 0;
        }
        return Math.max(0, sent[head] + intervalNanos - nowNanos);
    }

    /** Forgets what was sent (a new connection starts a new count at venues that count per connection). */
    public void reset() {
        head = 0;
        count = 0;
        credit = capacityUnits;
        started = false;
    }

    private void refill(long nowNanos) {
        if (!started) {
            started = true;
            lastNanos = nowNanos;
            return;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed <= 0) {
            return;
        }
        lastNanos = nowNanos;
        long room = capacityUnits - credit;
        // elapsed * messages may overflow after a long idle period: compare by division first
        credit = elapsed >= room / messages + 1 ? capacityUnits : credit + elapsed * messages;
    }

    @Override
    public String toString() {
        return (bucket ? "token bucket " + capacityUnits / intervalNanos + " burst, " : "sliding window ")
            + messages + " per " + intervalNanos / 1_000_000 + " ms";
    }
}
