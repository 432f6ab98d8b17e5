package io.tagwire.session;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.FixValues;
import io.tagwire.codec.ValidationResult;

/**
 * The checks a Logon(A) must pass before the handshake, and how each failure ends the
 * connection: silently (wrong CompIDs, no DefaultApplVerID on FIXT) or with a Logout
 * whose text says why (negative HeartBtInt, SendingTime, an invalid message).
 */
final class LogonCheck {
    private static final LogonCheck PASSED = new LogonCheck(false, null, null);
    private final boolean disconnectSilently;
    private final String logoutText;
    private final String reason;

    private LogonCheck(boolean disconnectSilently, String logoutText, String reason) {
        this.disconnectSilently = disconnectSilently;
        this.logoutText = logoutText;
        this.reason = reason;
    }

    /** Runs the checks; allocates only on failure (a Logon is not on the hot path). */
    static LogonCheck of(FixMessage logon, SessionRules rules, long nowNanos, InboundValidation validation,
                         ValidationResult result) {
        SessionID id = rules.sessionId();
        AsciiSequence view = new AsciiSequence();
        if (!HeaderChecks.compIdsMatch(logon, id, view)) {
            return new LogonCheck(true, null, "Logon with unknown CompIDs");
        }
        if (id.isFixt() && !rules.initiator() && logon.indexOf(1137) < 0) {
            return new LogonCheck(true, null, "FIXT Logon without DefaultApplVerID(1137)");
        }
        int heartBtIntIndex = logon.indexOf(108);
        if (heartBtIntIndex >= 0 && FixValues.isInt(logon.buffer(), logon.valueOffset(heartBtIntIndex),
            logon.valueLength(heartBtIntIndex)) && logon.intAt(heartBtIntIndex) < 0) {
            return logout("HeartBtInt must not be negative");
        }
        if (rules.checkLatency() && !HeaderChecks.sendingTimeAccurate(logon, rules.maxLatencySeconds(), nowNanos)) {
            return logout("Invalid Logon message: SendingTime accuracy problem, field=52");
        }
        if (!validation.validate(logon, result)) {
            return logout(result.text());
        }
        return PASSED;
    }

    private static LogonCheck logout(String text) {
        return new LogonCheck(false, text, text);
    }

    boolean disconnectSilently() {
        return disconnectSilently;
    }

    /** The Logout text to send before disconnecting, or null. */
    String logoutText() {
        return logoutText;
    }

    String reason() {
        return reason;
    }
}
