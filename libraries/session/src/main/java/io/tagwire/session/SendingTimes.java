package io.tagwire.session;

import io.tagwire.codec.FieldFormatException;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.FixValues;

/**
 * Reads SendingTime(52) for the latency check of every inbound message. Consecutive
 * messages carry the same date, so the date's epoch day is kept with its bytes
 * ({@code YYYYMMDD-}) and only the time of day is read when they match: the value is the
 * same as {@link FixValues#parseUtcTimestamp}'s, found in a fraction of the time.
 * One instance per session, on its thread.
 */
final class SendingTimes {
    static final long UNREADABLE = Long.MIN_VALUE;
    private static final int SENDING_TIME = 52;
    private static final int DATE_LENGTH = 9;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** Days up to 2200: far from where epoch nanoseconds overflow (2262), so the sum below cannot. */
    private static final int LAST_CACHED_DAY = 84_006;

    private final byte[] date = new byte[DATE_LENGTH];
    private long dayNanos = -1;

    /** SendingTime(52) as epoch nanoseconds, or {@link #UNREADABLE} when missing or not a UTCTimestamp. */
    long sendingTime(FixMessage message) {
        int index = message.indexOf(SENDING_TIME);
        if (index < 0) {
            return UNREADABLE;
        }
        byte[] b = message.buffer();
        int off = message.valueOffset(index);
        int len = message.valueLength(index);
        if (len >= 17 && dayNanos >= 0 && sameDate(b, off)) {
            try {
                return dayNanos + FixValues.parseUtcTimeOnly(SENDING_TIME, b, off + DATE_LENGTH, len - DATE_LENGTH);
            } catch (FieldFormatException notATime) {
                return UNREADABLE;
            }
        }
        long nanos = HeaderChecks.epochNanosAt(message, index);
        if (nanos != UNREADABLE) {
            int day = FixValues.parseDate(SENDING_TIME, b, off, 8);
            if (day >= 0 && day <= LAST_CACHED_DAY) {
                System.arraycopy(b, off, date, 0, DATE_LENGTH);
                dayNanos = day * NANOS_PER_DAY;
            }
        }
        return nanos;
    }

    private boolean sameDate(byte[] b, int off) {
        for (int i = 0; i < DATE_LENGTH; i++) {
            if (b[off + i] != date[i]) {
                return false;
            }
        }
        return true;
    }
}
