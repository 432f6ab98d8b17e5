package io.tagwire.perf;

/**
 * What the harness side of a run did: messages sent, answers that matched the message they
 * answered (same ClOrdID, or same echoed bytes), and the wall-clock nanoseconds of the
 * measured part (after warm-up).
 */
final class Run {
    final long sent;
    final long matched;
    final long measured;
    final long measuredNanos;

    Run(long sent, long matched, long measured, long measuredNanos) {
        this.sent = sent;
        this.matched = matched;
        this.measured = measured;
        this.measuredNanos = measuredNanos;
    }

    /** Measured messages per second. */
    double perSecond() {
        return measuredNanos <= 0 ? 0 : measured * 1e9 / measuredNanos;
    }
}
