package io.tagwire.session;

/**
 * What a session's clock says is due: the end of a Logon(A) or Logout(5) that was not
 * answered in time, a Heartbeat(0) after HeartBtInt(108) without sending, a TestRequest(1)
 * after the counterparty's silence, and the end of the connection when the silence goes on.
 * Pure logic on the clock readings it is given; {@link Session} acts on the answer.
 */
final class SessionTimers {
    static final int NOTHING = 0;
    static final int LOGON_TIMED_OUT = 1;
    static final int LOGOUT_TIMED_OUT = 2;
    /** Nothing received for HeartBtInt times (1 + HeartBeatTimeoutMultiplier): the connection ends. */
    static final int COUNTERPARTY_SILENT = 3;
    static final int SEND_TEST_REQUEST = 4;
    static final int SEND_HEARTBEAT = 5;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final SessionRules rules;
    private long connectedNanos;
    private long lastReceivedNanos;
    private long logoutSentNanos;
    private long heartBtIntNanos;
    private boolean testRequestPending;

    SessionTimers(SessionRules rules) {
        this.rules = rules;
        heartBtIntNanos = rules.heartBtIntSeconds() * NANOS_PER_SECOND;
    }

    /** A connection came up: the logon timeout starts, and the silence is counted from now. */
    void connected(long nowNanos) {
        connectedNanos = nowNanos;
        lastReceivedNanos = nowNanos;
        testRequestPending = false;
    }

    /** A message came in: the silence ends, and so does the wait for a TestRequest's answer. */
    void received(long nowNanos) {
        lastReceivedNanos = nowNanos;
        testRequestPending = false;
    }

    /** A garbled message came in and was rejected: the silence ends, a TestRequest is still awaited. */
    void receivedGarbled(long nowNanos) {
        lastReceivedNanos = nowNanos;
    }

    void logoutSent(long nowNanos) {
        logoutSentNanos = nowNanos;
    }

    void testRequestSent() {
        testRequestPending = true;
    }

    /** HeartBtInt(108) in force from now on: ours as an initiator, the counterparty's as an acceptor. */
    void heartBtIntSeconds(int seconds) {
        heartBtIntNanos = seconds * NANOS_PER_SECOND;
    }

    int heartBtIntSeconds() {
        return (int) (heartBtIntNanos / NANOS_PER_SECOND);
    }

    /** How long nothing has been received, as the heartbeat checks count it (0 with DisableHeartBeatCheck). */
    long silenceNanos(long nowNanos) {
        return rules.disableHeartBeatCheck() ? 0 : nowNanos - lastReceivedNanos;
    }

    /** What is due at {@code nowNanos} in {@code status}, given when the session last sent a message. */
    int due(SessionStatus status, long lastSentNanos, long nowNanos) {
        switch (status) {
            case AWAITING_LOGON:
            case LOGON_SENT:
                return nowNanos - connectedNanos >= rules.logonTimeoutSeconds() * NANOS_PER_SECOND
                    ? LOGON_TIMED_OUT : NOTHING;
            case LOGOUT_SENT:
                return nowNanos - logoutSentNanos >= rules.logoutTimeoutMillis() * 1_000_000L
                    ? LOGOUT_TIMED_OUT : NOTHING;
            case LOGGED_ON:
                return heartbeatDue(lastSentNanos, nowNanos);
            default:
                return NOTHING;
        }
    }

    private int heartbeatDue(long lastSentNanos, long nowNanos) {
        long interval = heartBtIntNanos;
        if (interval <= 0) {
            return NOTHING;
        }
        long silence = silenceNanos(nowNanos);
        if (silence >= (long) (interval * (1 + rules.heartBeatTimeoutMultiplier()))) {
            return COUNTERPARTY_SILENT;
        }
        if (!testRequestPending && silence >= (long) (interval * (1 + rules.testRequestDelayMultiplier()))) {
            return SEND_TEST_REQUEST;
        }
        return nowNanos - lastSentNanos >= interval ? SEND_HEARTBEAT : NOTHING;
    }
}
