package io.tagwire.trading.venue;

import java.time.Duration;

/** A venue's message limit: at most {@code messages} per {@code interval}, per connection. */
public record RateLimit(int messages, Duration interval) {
    public RateLimit {
        if (messages <= 0) {
            throw new IllegalArgumentException("messages must be positive, was " + messages);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
    }

    public static RateLimit of(int messages, Duration interval) {
        return new RateLimit(messages, interval);
    }

    /** A new sliding-window {@link Throttle} for one connection: never exceeds the limit in any interval. */
    public Throttle newThrottle() {
        return Throttle.slidingWindow(messages, interval.toNanos());
    }

    @Override
    public String toString() {
        return messages + " messages per " + interval.toMillis() + " ms";
    }
}
