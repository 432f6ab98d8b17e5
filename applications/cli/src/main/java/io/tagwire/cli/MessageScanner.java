package io.tagwire.cli;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixFramer;

/**
 * Finds the messages in normalized input (see {@link WireNormalizer}) with {@link FixFramer}
 * and says what each one is: a frame, a message without CheckSum(10) to be decoded
 * leniently, or garbled bytes with the reason.
 *
 * <p>Unlike a session, which must resynchronise where the framer says, a decoder wants every
 * message it can find: after a garbled message it resumes at the next {@code 8=FIX} that
 * starts a field, or at the next line, whichever comes first. So a BodyLength(9) that is too
 * long does not swallow the message after it.
 */
final class MessageScanner {
    /** What the scanner finds, in input order. Offsets are into a buffer valid only during the call. */
    interface Listener {
        void onFrame(byte[] buffer, int offset, int length, boolean checksumValid, int line);

        /** A message with no CheckSum(10), such as a hand-written line; it ends with SOH. */
        void onUnframed(byte[] buffer, int offset, int length, int line);

        void onGarbled(byte[] buffer, int offset, int length, String reason, int line);
    }

    static final int MAX_MESSAGE_LENGTH = 1 << 20;

    private static final byte[] BEGIN = {'8', '=', 'F', 'I', 'X'};
    private static final byte[] MSG_TYPE = {Ascii.SOH, '3', '5', '='};
    private static final byte[] CHECKSUM = {Ascii.SOH, '1', '0', '='};

    private final FixFramer framer = new FixFramer(MAX_MESSAGE_LENGTH);
    private final ByteArray input;
    private final Listener listener;
    private int line = 1;

    /** @param input the normalized input, consumed as messages are found */
    MessageScanner(ByteArray input, Listener listener) {
        this.input = input;
        this.listener = listener;
    }

    /**
     * Reports every message that is complete in the input. At the end of the input, reports
     * whatever is left too.
     */
    void drain(boolean endOfInput) {
        while (input.length() > 0) {
            byte[] bytes = input.bytes();
            int position = input.start();
            int limit = input.limit();
            int result = framer.scan(bytes, position, limit);
            if (result == FixFramer.FRAME) {
                listener.onFrame(bytes, framer.frameOffset(), framer.frameLength(), framer.checksumValid(), line);
                consume(framer.consumed());
            } else if (result == FixFramer.GARBLED && framer.garbledReason() == FixFramer.GARBLED_NO_BEGIN_STRING) {
                // log prefixes, line breaks, lines that hold no message
                consume(framer.consumed());
            } else if (result == FixFramer.NEED_MORE && !endOfInput && limit - position < MAX_MESSAGE_LENGTH) {
                return;
            } else {
                int end = messageEnd(bytes, position, limit);
                unframed(bytes, position, end, result == FixFramer.GARBLED ? framer.garbledReason() : 0);
                consume(end - position);
            }
        }
    }

    /** The message at {@code position} ends before the next one starts or at the line break. */
    private static int messageEnd(byte[] bytes, int position, int limit) {
        for (int i = position + 1; i < limit; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
            if (bytes[i - 1] == Ascii.SOH && startsWith(bytes, i, limit, BEGIN)) {
                return i;
            }
        }
        return limit;
    }

    private void unframed(byte[] bytes, int start, int end, int garbledReason) {
        while (end > start && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        if (!startsWith(bytes, start, end, BEGIN)) {
            // the tail of the input looked like the start of "8=FIX" and was not
            return;
        }
        int checksumAt = lastIndexOf(bytes, start, end, CHECKSUM);
        if (checksumAt >= 0) {
            listener.onGarbled(bytes, start, end - start, garbledReason(bytes, start, checksumAt + 1, garbledReason), line);
        } else if (WireNormalizer.indexOf(bytes, start, end, MSG_TYPE) >= 0) {
            if (bytes[end - 1] == Ascii.SOH) {
                listener.onUnframed(bytes, start, end - start, line);
            } else {
                byte[] copy = new byte[end - start + 1];
                System.arraycopy(bytes, start, copy, 0, end - start);
                copy[copy.length - 1] = Ascii.SOH;
                listener.onUnframed(copy, 0, copy.length, line);
            }
        } else {
            listener.onGarbled(bytes, start, end - start, "neither MsgType(35) nor CheckSum(10) found", line);
        }
    }

    /** Why the message at {@code start}, whose CheckSum(10) starts at {@code checksumAt}, is not a frame. */
    private String garbledReason(byte[] bytes, int start, int checksumAt, int framerReason) {
        int beginStringEnd = indexOf(bytes, start, checksumAt, Ascii.SOH);
        int p = beginStringEnd + 1;
        if (framerReason == FixFramer.GARBLED_BAD_BODY_LENGTH || p + 2 > checksumAt
                || bytes[p] != '9' || bytes[p + 1] != '=') {
            return "BodyLength(9) is missing or not a number after BeginString(8)";
        }
        int bodyLengthEnd = indexOf(bytes, p, checksumAt, Ascii.SOH);
        String declared = new String(bytes, p + 2, bodyLengthEnd - p - 2, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (framerReason == FixFramer.GARBLED_TOO_LONG) {
            return "BodyLength 9=" + declared + " is more than the largest message accepted (" + MAX_MESSAGE_LENGTH
                + " bytes)";
        }
        int actual = checksumAt - (bodyLengthEnd + 1);
        if (declared.equals(Integer.toString(actual))) {
            // BodyLength is right, so CheckSum(10) itself is malformed
            return "CheckSum(10) is not 1 to 3 digits";
        }
        return "BodyLength 9=" + declared + " is wrong: the body is " + actual + " bytes";
    }

    private void consume(int count) {
        byte[] bytes = input.bytes();
        for (int i = input.start(), end = i + count; i < end; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        input.consume(count);
    }

    private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return to;
    }

    private static int lastIndexOf(byte[] bytes, int from, int to, byte[] pattern) {
        for (int i = to - pattern.length; i >= from; i--) {
            if (startsWith(bytes, i, to, pattern)) {
                return i;
            }
        }
        return -1;
    }
}
