package io.tagwire.session;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.FieldFormatException;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.FixValues;

/** The header checks every inbound message passes, Logon included: CompIDs and SendingTime. */
final class HeaderChecks {
    private static final int SENDER_COMP_ID = 49;
    private static final int SENDING_TIME = 52;
    private static final int TARGET_COMP_ID = 56;
    private static final int ORIG_SENDING_TIME = 122;

    private HeaderChecks() {
    }

    /** SenderCompID(49) is our target and TargetCompID(56) is us. */
    static boolean compIdsMatch(FixMessage message, SessionID id, AsciiSequence view) {
        return message.getString(SENDER_COMP_ID, view) && view.contentEquals(id.targetCompId())
            && message.getString(TARGET_COMP_ID, view) && view.contentEquals(id.senderCompId());
    }

    /** SendingTime(52) is present, readable and within {@code maxLatencySeconds} of now. */
    static boolean sendingTimeAccurate(FixMessage message, long maxLatencySeconds, long nowNanos) {
        return withinLatency(epochNanos(message, SENDING_TIME), maxLatencySeconds, nowNanos);
    }

    /** The same check with SendingTime(52) read through the session's {@code times}. */
    static boolean sendingTimeAccurate(FixMessage message, SendingTimes times, long maxLatencySeconds, long nowNanos) {
        return withinLatency(times.sendingTime(message), maxLatencySeconds, nowNanos);
    }

    private static boolean withinLatency(long sendingTime, long maxLatencySeconds, long nowNanos) {
        return sendingTime != UNREADABLE && Math.abs(nowNanos - sendingTime) <= maxLatencySeconds * 1_000_000_000L;
    }

    /** OrigSendingTime(122) is later than SendingTime(52); false when either is missing or unreadable. */
    static boolean origSendingTimeAfterSendingTime(FixMessage message) {
        long orig = epochNanos(message, ORIG_SENDING_TIME);
        long sent = epochNanos(message, SENDING_TIME);
        return orig != UNREADABLE && sent != UNREADABLE && orig > sent;
    }

    static final long UNREADABLE = SendingTimes.UNREADABLE;

    /**
     * The field as epoch nanoseconds, or {@link #UNREADABLE} when missing, not a UTCTimestamp,
     * or outside what epoch nanoseconds hold (1677 to 2262): a counterparty's odd date is a
     * SendingTime problem to reject, never an exception out of the session.
     */
    private static long epochNanos(FixMessage message, int tag) {
        int index = message.indexOf(tag);
        return index < 0 ? UNREADABLE : epochNanosAt(message, index);
    }

    /** The field at {@code index} as epoch nanoseconds, or {@link #UNREADABLE}. */
    static long epochNanosAt(FixMessage message, int index) {
        if (!FixValues.isUtcTimestamp(message.buffer(), message.valueOffset(index), message.valueLength(index))) {
            return UNREADABLE;
        }
        try {
            return message.utcTimestampAt(index);
        } catch (FieldFormatException outsideRange) {
            return UNREADABLE;
        }
    }
}
