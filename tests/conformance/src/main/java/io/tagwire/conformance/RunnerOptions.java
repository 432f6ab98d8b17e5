package io.tagwire.conformance;

import java.time.Duration;

/**
 * How a {@link ScriptRunner} runs scripts.
 *
 * @param expectTimeout how long an {@code E} step waits for a message (QuickFIX/J: 10 s, its CI 60 s)
 * @param disconnectTimeout how long {@code eDISCONNECT} waits for the acceptor to close (20 s)
 * @param reconnectDelay pause before every {@code iCONNECT} (QuickFIX/J: 50 ms, its CI 5 ms)
 * @param connectTimeout TCP connect timeout (5 s)
 * @param compareBodyLength whether BodyLength(9) is compared at all (FORMAT.md §0: Tagwire
 *     runs without it, because some scripts' own BodyLengths are stale)
 * @param heartbeatOverride HeartBtInt(108) written into every Logon, 0 for none; non-zero
 *     also loosens the Logon checks (FORMAT.md §5.3 rule 5), as QuickFIX/J's CI does
 */
public record RunnerOptions(
        Duration expectTimeout,
        Duration disconnectTimeout,
        Duration reconnectDelay,
        Duration connectTimeout,
        boolean compareBodyLength,
        int heartbeatOverride) {

    public RunnerOptions {
        requirePositive("expectTimeout", expectTimeout);
        requirePositive("disconnectTimeout", disconnectTimeout);
        requirePositive("connectTimeout", connectTimeout);
        if (reconnectDelay == null || reconnectDelay.isNegative()) {
            throw new IllegalArgumentException("reconnectDelay must be zero or positive, was " + reconnectDelay);
        }
        if (heartbeatOverride < 0) {
            throw new IllegalArgumentException(
                    "heartbeatOverride must be 0 (none) or positive, was " + heartbeatOverride);
        }
    }

    /**
     * What Tagwire must pass (FORMAT.md §0): scripts as written, QuickFIX/J's stand-alone
     * timings, no BodyLength comparison.
     */
    public static RunnerOptions defaults() {
        return new RunnerOptions(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMillis(50),
                Duration.ofSeconds(5), false, 0);
    }

    /** QuickFIX/J's Maven CI mode: HeartBtInt 5, 60 s expect timeout, 5 ms reconnect delay. */
    public static RunnerOptions quickFixJCi() {
        return defaults().withHeartbeatOverride(5).withExpectTimeout(Duration.ofSeconds(60))
                .withReconnectDelay(Duration.ofMillis(5));
    }

    public RunnerOptions withExpectTimeout(Duration timeout) {
        return new RunnerOptions(timeout, disconnectTimeout, reconnectDelay, connectTimeout, compareBodyLength,
                heartbeatOverride);
    }

    public RunnerOptions withDisconnectTimeout(Duration timeout) {
        return new RunnerOptions(expectTimeout, timeout, reconnectDelay, connectTimeout, compareBodyLength,
                heartbeatOverride);
    }

    public RunnerOptions withReconnectDelay(Duration delay) {
        return new RunnerOptions(expectTimeout, disconnectTimeout, delay, connectTimeout, compareBodyLength,
                heartbeatOverride);
    }

    public RunnerOptions withCompareBodyLength(boolean compare) {
        return new RunnerOptions(expectTimeout, disconnectTimeout, reconnectDelay, connectTimeout, compare,
                heartbeatOverride);
    }

    public RunnerOptions withHeartbeatOverride(int heartBtInt) {
        return new RunnerOptions(expectTimeout, disconnectTimeout, reconnectDelay, connectTimeout, compareBodyLength,
                heartBtInt);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
