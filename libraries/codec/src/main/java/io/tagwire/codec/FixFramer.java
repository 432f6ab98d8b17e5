package io.tagwire.codec;

/**
 * Finds FIX messages in a byte stream: checks BeginString(8), BodyLength(9) and
 * CheckSum(10), and resynchronises after garbled input the way the FIX session spec and
 * the QuickFIX acceptance scripts expect.
 *
 * <p>Call {@link #scan} on the bytes received so far. It answers one of:
 * <ul>
 *   <li>{@link #FRAME}: a whole message is at {@link #frameOffset()}, {@link #frameLength()}
 *       bytes long; {@link #checksumValid()} says whether CheckSum(10) adds up;</li>
 *   <li>{@link #GARBLED}: the first {@link #consumed()} bytes are not a message and are to
 *       be dropped; {@link #garbledReason()} says why;</li>
 *   <li>{@link #NEED_MORE}: the bytes end inside a message; read more and scan again.</li>
 * </ul>
 * In every case the caller drops {@link #consumed()} bytes before the next scan. A scan
 * never throws and always either consumes bytes or asks for more, so garbled input can
 * neither crash nor hang a reader.
 *
 * <p>After a message whose BodyLength does not land on {@code 10=}, the search for the
 * next message resumes one byte past the declared end of the body, not one byte past its
 * start: a BodyLength that is too long swallows the message after it (acceptance test 2m).
 */
public final class FixFramer {
    public static final int NEED_MORE = 0;
    public static final int FRAME = 1;
    public static final int GARBLED = 2;

    /** Bytes before a message that do not start with {@code 8=FIX}. */
    public static final int GARBLED_NO_BEGIN_STRING = 1;
    /** {@code 8=} is not followed by a well-formed {@code 9=}. */
    public static final int GARBLED_BAD_BODY_LENGTH = 2;
    /** The declared BodyLength does not end where {@code 10=nnn} starts. */
    public static final int GARBLED_BODY_LENGTH_MISMATCH = 3;
    /** The declared BodyLength is beyond the maximum message length. */
    public static final int GARBLED_TOO_LONG = 4;

    private static final int MAX_BEGIN_STRING_LENGTH = 16;
    private static final int MAX_BODY_LENGTH_DIGITS = 9;
    private static final long FIRST_SEVEN_HIGH_BITS = 0x0080808080808080L;
    /** "8=FI" as a little-endian int. */
    private static final int BEGIN_STRING_START = '8' | '=' << 8 | 'F' << 16 | 'I' << 24;

    private final int maxMessageLength;
    private int consumed;
    private int frameOffset;
    private int frameLength;
    private int bodyLength;
    private int checksum;
    private boolean checksumValid;
    private int garbledReason;

    /** @param maxMessageLength the largest message accepted, in bytes; a larger one is garbled */
    public FixFramer(int maxMessageLength) {
        if (maxMessageLength < 32) {
            throw new IllegalArgumentException("maxMessageLength must be at least 32 bytes, was " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** Scans {@code buffer[offset, limit)} for the first message. */
    public int scan(byte[] buffer, int offset, int limit) {
        consumed = 0;
        frameOffset = offset;
        frameLength = 0;
        garbledReason = 0;
        checksumValid = false;

        boolean startsWithBeginString = limit - offset >= 5
            && (int) Ascii.INTS.get(buffer, offset) == BEGIN_STRING_START && buffer[offset + 4] == 'X';
        int start = startsWithBeginString ? offset : findBeginString(buffer, offset, limit);
        if (start != offset) {
            consumed = start - offset;
            if (consumed == 0) {
                return NEED_MORE;
            }
            garbledReason = GARBLED_NO_BEGIN_STRING;
            return GARBLED;
        }
        if (limit - offset < 5) {
            return NEED_MORE;
        }
        // 8=<BeginString><SOH>, most often FIX.4.x: its SOH is then looked at rather than searched
        // for, so the reads of BodyLength and CheckSum need not wait for the search
        int p = offset + 2;
        int beginStringEnd = limit - offset >= 10 && isSevenThenSoh((long) Ascii.LONGS.get(buffer, p)) ? offset + 9
            : Ascii.indexOfSoh(buffer, p, Math.min(limit, p + MAX_BEGIN_STRING_LENGTH + 1));
        if (beginStringEnd < 0) {
            return limit - p <= MAX_BEGIN_STRING_LENGTH ? NEED_MORE : garbled(1, GARBLED_BAD_BODY_LENGTH);
        }
        // 9=<digits><SOH>
        p = beginStringEnd + 1;
        if (limit - p < 2) {
            return NEED_MORE;
        }
        if (buffer[p] != '9' || buffer[p + 1] != '=') {
            return garbled(1, GARBLED_BAD_BODY_LENGTH);
        }
        p += 2;
        long length = -1;
        if (limit - p >= 4 && buffer[p + 3] == Ascii.SOH) {
            // the usual three digits, read without searching for their SOH
            length = threeDigits(buffer, p);
            if (length >= 0) {
                p += 3;
            }
        }
        if (length < 0 && limit - p >= 8) {
            // the usual case, up to seven digits and their SOH in one word, read without a loop:
            // C2 compiled the byte loop with its four exits into code that kept the length on the stack
            long word = (long) Ascii.LONGS.get(buffer, p);
            long soh = Ascii.sohFlags(word);
            if (soh != 0) {
                int digits = Long.numberOfTrailingZeros(soh) >>> 3;
                length = digits == 0 ? -1 : Ascii.digitsValue(word, digits);
                if (length < 0) {
                    return garbled(1, GARBLED_BAD_BODY_LENGTH);
                }
                p += digits;
            }
        }
        if (length < 0) {
            length = 0;
            int digits = 0;
            while (true) {
                if (p >= limit) {
                    return NEED_MORE;
                }
                byte c = buffer[p];
                if (c == Ascii.SOH) {
                    break;
                }
                if (!Ascii.isDigit(c) || ++digits > MAX_BODY_LENGTH_DIGITS) {
                    return garbled(1, GARBLED_BAD_BODY_LENGTH);
                }
                length = length * 10 + (c - '0');
                p++;
            }
            if (digits == 0) {
                return garbled(1, GARBLED_BAD_BODY_LENGTH);
            }
        }
        int bodyStart = p + 1;
        if (length + (bodyStart - offset) + 7 > maxMessageLength) {
            return garbled(1, GARBLED_TOO_LONG);
        }
        int bodyEnd = bodyStart + (int) length;
        // 10=<1 to 3 digits><SOH> must start exactly at the declared end of the body
        if (limit - bodyEnd < 4) {
            return NEED_MORE;
        }
        if (buffer[bodyEnd - 1] != Ascii.SOH || buffer[bodyEnd] != '1' || buffer[bodyEnd + 1] != '0'
                || buffer[bodyEnd + 2] != '=') {
            return garbled(bodyEnd + 1 - offset, GARBLED_BODY_LENGTH_MISMATCH);
        }
        int value = 0;
        int checksumDigits = 0;
        p = bodyEnd + 3;
        // the usual three digits, read without the loop
        if (limit - p >= 4 && buffer[p + 3] == Ascii.SOH) {
            value = threeDigits(buffer, p);
            if (value >= 0) {
                checksumDigits = 3;
                p += 3;
            } else {
                value = 0;
            }
        }
        while (true) {
            if (p >= limit) {
                return NEED_MORE;
            }
            byte c = buffer[p];
            if (c == Ascii.SOH) {
                break;
            }
            if (!Ascii.isDigit(c) || ++checksumDigits > 3) {
                return garbled(bodyEnd + 1 - offset, GARBLED_BODY_LENGTH_MISMATCH);
            }
            value = value * 10 + (c - '0');
            p++;
        }
        if (checksumDigits == 0) {
            return garbled(bodyEnd + 1 - offset, GARBLED_BODY_LENGTH_MISMATCH);
        }
        bodyLength = (int) length;
        checksum = value;
        checksumValid = Ascii.checksum(buffer, offset, bodyEnd - offset) == value;
        frameLength = p + 1 - offset;
        consumed = frameLength;
        return FRAME;
    }

    /** Whether the word's first seven bytes hold no SOH and its eighth is SOH, as "FIX.4.4" and its SOH. */
    private static boolean isSevenThenSoh(long word) {
        return (Ascii.sohFlags(word) & FIRST_SEVEN_HIGH_BITS) == 0 && (word >>> 56) == Ascii.SOH;
    }

    /** The three digits at {@code p} as a number, or -1 if one of them is not a digit. */
    private static int threeDigits(byte[] buffer, int p) {
        int hundreds = buffer[p] - '0';
        int tens = buffer[p + 1] - '0';
        int ones = buffer[p + 2] - '0';
        return (hundreds | tens | ones) >= 0 && hundreds <= 9 && tens <= 9 && ones <= 9
            ? hundreds * 100 + tens * 10 + ones : -1;
    }

    private int garbled(int consumedBytes, int reason) {
        consumed = consumedBytes;
        garbledReason = reason;
        return GARBLED;
    }

    /**
     * Index of the first {@code 8=FIX}; where none is found, the index from which the tail
     * might still become one ({@code limit} if none can). It looks at nothing before
     * {@code offset}, so the frames found do not depend on where reads end: a value such as
     * {@code 58=FIXED} inside junk is a false start that fails at once and is skipped.
     */
    private static int findBeginString(byte[] buffer, int offset, int limit) {
        for (int i = offset; i < limit; i++) {
            if (buffer[i] != '8') {
                continue;
            }
            int matched = 1;
            while (matched < 5 && i + matched < limit && buffer[i + matched] == "8=FIX".charAt(matched)) {
                matched++;
            }
            if (matched == 5 || i + matched == limit) {
                return i;
            }
        }
        return limit;
    }

    /** Bytes to drop before the next scan. */
    public int consumed() {
        return consumed;
    }

    public int frameOffset() {
        return frameOffset;
    }

    /** Length of the whole message, from {@code 8=} to the SOH after CheckSum(10). */
    public int frameLength() {
        return frameLength;
    }

    /** BodyLength(9) of the last frame. */
    public int bodyLength() {
        return bodyLength;
    }

    /** CheckSum(10) as sent in the last frame. */
    public int checksum() {
        return checksum;
    }

    public boolean checksumValid() {
        return checksumValid;
    }

    public int garbledReason() {
        return garbledReason;
    }

    public int maxMessageLength() {
        return maxMessageLength;
    }
}
