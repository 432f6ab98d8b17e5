package io.tagwire.exchange;

/**
 * A maintenance countdown, Binance's way: News(B) every interval (10 s at Binance) saying
 * how long is left, then the sessions are logged out. Pure: time comes in as nanoseconds.
 */
final class Maintenance {
    static final String ABOUT_TO_CLOSE = "Your connection is about to be closed. Please reconnect.";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long LAST_NEWS_NANOS = 10 * NANOS_PER_SECOND;

    private long deadlineNanos;
    private boolean active;

    /** Starts a countdown ending {@code countdownNanos} after {@code nowNanos}. */
    void start(long nowNanos, long countdownNanos) {
        deadlineNanos = nowNanos + Math.max(0, countdownNanos);
        active = true;
    }

    boolean active() {
        return active;
    }

    /** True when the countdown has run out; the caller logs everyone out and calls {@link #finish()}. */
    boolean due(long nowNanos) {
        return active && nowNanos >= deadlineNanos;
    }

    void finish() {
        active = false;
    }

    /**
     * Headline(148) of the News(B) sent at {@code nowNanos}, worded as Binance words it (fix-api.md, News).
     * This method allocates memory (once per News, every few seconds).
     */
    String headline(long nowNanos) {
        long remaining = deadlineNanos - nowNanos;
        if (remaining <= LAST_NEWS_NANOS) {
            return ABOUT_TO_CLOSE;
        }
        long seconds = (remaining + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        return "You'll be disconnected in " + seconds + " seconds. Please reconnect.";
    }
}
