package io.tagwire.session;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's events and messages through SLF4J, under the logger
 * {@code io.tagwire.session.<SessionID>}: events at INFO, messages in and out at DEBUG (so
 * nothing is formatted unless DEBUG is on). Messages are shown with {@code |} for SOH and
 * the values of Password(554), NewPassword(925) and RawData(96) masked as {@code ****}.
 */
final class Slf4jSessionLog implements SessionEventLog {
    static final String LOGGER_PREFIX = "io.tagwire.session.";
    private static final String MASK = "****";

    private final Logger logger;

    Slf4jSessionLog(SessionID id) {
        this.logger = LoggerFactory.getLogger(LOGGER_PREFIX + id);
    }

    @Override
    public void event(SessionID id, String text) {
        logger.info("{}", text);
    }

    /** Logs an event at WARN. */
    void warn(String text) {
        logger.warn("{}", text);
    }

    /** Logs an error with its cause. */
    void error(String text, Throwable cause) {
        logger.error(text, cause);
    }

    @Override
    public void outbound(SessionID id, SessionWriter writer) {
        if (logger.isDebugEnabled()) {
            FixEncoder encoder = writer.encoder();
            logger.debug("out {}", masked(encoder.buffer(), encoder.messageOffset(), encoder.messageLength()));
        }
    }

    boolean inboundEnabled() {
        return logger.isDebugEnabled();
    }

    /** Logs an inbound message at DEBUG; check {@link #inboundEnabled()} first on the hot path. */
    void inbound(byte[] buffer, int offset, int length) {
        logger.debug("in  {}", masked(buffer, offset, length));
    }

    /**
     * The message as text, SOH shown as {@code |}, secret values replaced by {@code ****}.
     * RawData(96) is skipped by the length RawDataLength(95) gives, as it may hold SOH.
     * This method allocates memory.
     */
    static String masked(byte[] buffer, int offset, int length) {
        StringBuilder text = new StringBuilder(length + 8);
        int end = offset + length;
        int p = offset;
        int rawDataLength = -1;
        while (p < end) {
            int tag = 0;
            int q = p;
            while (q < end && buffer[q] >= '0' && buffer[q] <= '9' && q - p < 9) {
                tag = tag * 10 + (buffer[q] - '0');
                q++;
            }
            if (q == p || q >= end || buffer[q] != '=') {
                // not a tag=value field: show the rest as it is
                text.append(Ascii.toPiped(buffer, p, end - p));
                break;
            }
            int valueStart = q + 1;
            int valueEnd;
            if (tag == 96 && rawDataLength >= 0 && valueStart + rawDataLength <= end) {
                valueEnd = valueStart + rawDataLength;
            } else {
                valueEnd = valueStart;
                while (valueEnd < end && buffer[valueEnd] != Ascii.SOH) {
                    valueEnd++;
                }
            }
            text.append(Ascii.toPiped(buffer, p, valueStart - p));
            if (tag == 554 || tag == 925 || tag == 96) {
                text.append(MASK);
            } else {
                text.append(Ascii.toPiped(buffer, valueStart, valueEnd - valueStart));
            }
            rawDataLength = tag == 95 ? parseLength(buffer, valueStart, valueEnd) : -1;
            if (valueEnd < end) {
                text.append('|');
            }
            p = valueEnd + 1;
        }
        return text.toString();
    }

    private static int parseLength(byte[] buffer, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            if (buffer[i] < '0' || buffer[i] > '9') {
                return -1;
            }
            value = value * 10 + (buffer[i] - '0');
        }
        return value;
    }
}
