package io.tagwire.codec;

import java.util.Arrays;

/**
 * Writes a FIX message straight into a reusable buffer. The body is written first, after
 * room kept for the header's first two fields; {@link #finish()} then writes
 * BeginString(8) and BodyLength(9) just before the body and CheckSum(10) after it, so
 * nothing is copied. Fields go out in the order they are put, which is also how
 * repeating groups are written: the NoXXX count, then each entry's fields in order.
 *
 * <pre>{@code
 * encoder.start(BEGIN_STRING_FIX44, "D")
 *        .putHeader(sender, target, 2, nowNanos, TimestampPrecision.MILLIS)
 *        .putString(11, "order-1").putChar(54, '1').putDecimal(44, 620005, 1);
 * int length = encoder.finish();
 * channel.write(ByteBuffer.wrap(encoder.buffer(), encoder.messageOffset(), length));
 * }</pre>
 *
 * No method allocates, except when the buffer must grow for a larger message than any
 * before it.
 */
public final class FixEncoder {
    /** Room before the body for {@code 8=<BeginString>|9=<length>|}. */
    private static final int HEADER_RESERVE = 40;
    private static final int MAX_BEGIN_STRING_LENGTH = 16;
    /** The largest tag the parser reads as a number (8 digits). */
    static final int MAX_TAG = 99_999_999;
    /** The largest magnitude a FIX int or decimal may have here: 18 digits, as the parser reads them. */
    static final long MAX_MAGNITUDE = 999_999_999_999_999_999L;
    private static final int MIN_EPOCH_DAY = -719_528;
    private static final int MAX_EPOCH_DAY = 2_932_896;
    private static final byte[] DIGITS_00_99 = new byte[200];
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** {@code YYYYMMDD-HH:MM:SS}. */
    private static final int SECOND_TEXT_LENGTH = 17;

    static {
        for (int i = 0; i < 100; i++) {
            DIGITS_00_99[2 * i] = (byte) ('0' + i / 10);
            DIGITS_00_99[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buffer;
    private byte[] beginString = new byte[0];
    /** {@code YYYYMMDD-HH:MM:SS} of the last second written: many messages go out within one second. */
    private final byte[] cachedSecond = new byte[SECOND_TEXT_LENGTH];
    private long cachedEpochSecond = Long.MIN_VALUE;
    private int position;
    private int messageOffset;
    private int messageLength;

    public FixEncoder() {
        this(1024);
    }

    public FixEncoder(int initialCapacity) {
        buffer = new byte[Math.max(HEADER_RESERVE + 64, initialCapacity)];
    }

    /** Starts a message: the body begins with MsgType(35). */
    public FixEncoder start(byte[] beginString, CharSequence msgType) {
        begin(beginString);
        return putString(35, msgType);
    }

    /** Starts a message with a MsgType(35) given as bytes. */
    public FixEncoder start(byte[] beginString, byte[] msgType) {
        begin(beginString);
        return putBytes(35, msgType, 0, msgType.length);
    }

    private void begin(byte[] beginString) {
        if (beginString.length == 0 || beginString.length > MAX_BEGIN_STRING_LENGTH) {
            throw new IllegalArgumentException("BeginString must have 1 to " + MAX_BEGIN_STRING_LENGTH + " bytes");
        }
        this.beginString = beginString;
        position = HEADER_RESERVE;
        messageOffset = 0;
        messageLength = 0;
    }

    /**
     * The standard header after MsgType: SenderCompID(49), TargetCompID(56), MsgSeqNum(34)
     * and SendingTime(52) at the given precision.
     */
    public FixEncoder putHeader(byte[] senderCompId, byte[] targetCompId, int msgSeqNum, long sendingTimeNanos,
                                TimestampPrecision precision) {
        putBytes(49, senderCompId, 0, senderCompId.length);
        putBytes(56, targetCompId, 0, targetCompId.length);
        putInt(34, msgSeqNum);
        return putUtcTimestamp(52, sendingTimeNanos, precision);
    }

    // ---- fields -------------------------------------------------------------------------

    public FixEncoder putInt(int tag, int value) {
        return putLong(tag, value);
    }

    /** An integer of at most 18 digits (what {@link FixValues#parseLong} reads back). */
    public FixEncoder putLong(int tag, long value) {
        if (value > MAX_MAGNITUDE || value < -MAX_MAGNITUDE) {
            throw new IllegalArgumentException("an integer field has at most 18 digits, was " + value);
        }
        ensure(32);
        writeTag(tag);
        writeLong(value);
        buffer[position++] = Ascii.SOH;
        return this;
    }

    public FixEncoder putChar(int tag, char value) {
        ensure(16);
        writeTag(tag);
        buffer[position++] = (byte) value;
        buffer[position++] = Ascii.SOH;
        return this;
    }

    public FixEncoder putBoolean(int tag, boolean value) {
        return putChar(tag, value ? 'Y' : 'N');
    }

    /** A String, char or other text field; each char is written as one ISO-8859-1 byte. */
    @SuppressWarnings("deprecation")
    public FixEncoder putString(int tag, CharSequence value) {
        int len = value.length();
        ensure(len + 16);
        writeTag(tag);
        byte[] b = buffer;
        int p = position;
        if (value instanceof String text) {
            // deprecated for its charset blindness, which is what is wanted here: the low
            // eight bits of each char, as the loop below writes them, but copied in one go
            text.getBytes(0, len, b, p);
            p += len;
        } else {
            for (int i = 0; i < len; i++) {
                b[p++] = (byte) value.charAt(i);
            }
        }
        b[p++] = Ascii.SOH;
        position = p;
        return this;
    }

    public FixEncoder putBytes(int tag, byte[] value, int offset, int length) {
        ensure(length + 16);
        writeTag(tag);
        System.arraycopy(value, offset, buffer, position, length);
        position += length;
        buffer[position++] = Ascii.SOH;
        return this;
    }

    /** A data field and its length field, e.g. RawDataLength(95) then RawData(96); the data may hold SOH. */
    public FixEncoder putData(int lengthTag, int dataTag, byte[] data, int offset, int length) {
        putInt(lengthTag, length);
        return putBytes(dataTag, data, offset, length);
    }

    /** A decimal {@code mantissa * 10^-scale}, written with exactly {@code scale} fraction digits. */
    public FixEncoder putDecimal(int tag, long mantissa, int scale) {
        if (scale < 0 || scale > 17) {
            throw new IllegalArgumentException("scale must be in [0, 17], was " + scale);
        }
        // with at most 18 digits in the mantissa and a scale of at most 17, the text has at most 18 digits
        if (mantissa > MAX_MAGNITUDE || mantissa < -MAX_MAGNITUDE) {
            throw new IllegalArgumentException("a decimal field has at most 18 digits, was " + mantissa + "e-" + scale);
        }
        ensure(48);
        writeTag(tag);
        if (scale == 0) {
            writeLong(mantissa);
        } else {
            if (mantissa < 0) {
                buffer[position++] = '-';
            }
            long magnitude = Math.abs(mantissa);
            long power = Decimal.powerOfTen(scale);
            writeLong(magnitude / power);
            buffer[position++] = '.';
            writePadded(magnitude % power, scale);
        }
        buffer[position++] = Ascii.SOH;
        return this;
    }

    public FixEncoder putDecimal(int tag, Decimal value) {
        return putDecimal(tag, value.mantissa(), value.scale());
    }

    /** A UTCTimestamp {@code YYYYMMDD-HH:MM:SS[.fraction]} from epoch nanoseconds. */
    public FixEncoder putUtcTimestamp(int tag, long epochNanos, TimestampPrecision precision) {
        ensure(48);
        writeTag(tag);
        long epochSecond = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int nanos = (int) (epochNanos - epochSecond * NANOS_PER_SECOND);
        if (epochSecond != cachedEpochSecond) {
            cacheSecond(epochSecond);
        }
        System.arraycopy(cachedSecond, 0, buffer, position, SECOND_TEXT_LENGTH);
        position += SECOND_TEXT_LENGTH;
        writeFraction(nanos, precision);
        buffer[position++] = Ascii.SOH;
        return this;
    }

    /** A UTCTimeOnly {@code HH:MM:SS[.fraction]} from nanoseconds since midnight. */
    public FixEncoder putUtcTimeOnly(int tag, long nanosOfDay, TimestampPrecision precision) {
        if (nanosOfDay < 0 || nanosOfDay >= FixValues.NANOS_PER_DAY) {
            throw new IllegalArgumentException("a UTCTimeOnly is within one day, was " + nanosOfDay + " ns");
        }
        ensure(32);
        writeTag(tag);
        writeTimeOfDay(nanosOfDay, precision);
        buffer[position++] = Ascii.SOH;
        return this;
    }

    /** A UTCDateOnly or LocalMktDate {@code YYYYMMDD} from an epoch day. */
    public FixEncoder putDate(int tag, int epochDay) {
        if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
            throw new IllegalArgumentException("a date is within the years 0000 to 9999, was epoch day " + epochDay);
        }
        ensure(24);
        writeTag(tag);
        writeDate(FixValues.civilFromDays(epochDay));
        buffer[position++] = Ascii.SOH;
        return this;
    }

    /** A MonthYear packed as {@link FixValues#parseMonthYear} returns it. */
    public FixEncoder putMonthYear(int tag, int packed) {
        ensure(24);
        writeTag(tag);
        int yearMonth = packed / 1000;
        int code = packed % 1000;
        writePadded(yearMonth, 6);
        if (code > 100) {
            buffer[position++] = 'w';
            buffer[position++] = (byte) ('0' + code - 100);
        } else if (code > 0) {
            writePadded(code, 2);
        }
        buffer[position++] = Ascii.SOH;
        return this;
    }

    /** Bytes that are already whole fields ({@code tag=value<SOH>...}), copied as they are. */
    public FixEncoder putRawFields(byte[] fields, int offset, int length) {
        ensure(length);
        System.arraycopy(fields, offset, buffer, position, length);
        position += length;
        return this;
    }

    // ---- finishing ----------------------------------------------------------------------

    /**
     * Writes BeginString(8) and BodyLength(9) before the body and CheckSum(10) after it.
     * Returns the message length; the message is at {@link #messageOffset()} in
     * {@link #buffer()}.
     */
    public int finish() {
        int bodyLength = position - HEADER_RESERVE;
        int p = HEADER_RESERVE;
        buffer[--p] = Ascii.SOH;
        int value = bodyLength;
        do {
            buffer[--p] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        buffer[--p] = '=';
        buffer[--p] = '9';
        buffer[--p] = Ascii.SOH;
        p -= beginString.length;
        System.arraycopy(beginString, 0, buffer, p, beginString.length);
        buffer[--p] = '=';
        buffer[--p] = '8';
        messageOffset = p;

        int checksum = Ascii.checksum(buffer, p, position - p);
        ensure(8);
        buffer[position++] = '1';
        buffer[position++] = '0';
        buffer[position++] = '=';
        buffer[position++] = (byte) ('0' + checksum / 100);
        buffer[position++] = (byte) ('0' + checksum / 10 % 10);
        buffer[position++] = (byte) ('0' + checksum % 10);
        buffer[position++] = Ascii.SOH;
        messageLength = position - messageOffset;
        return messageLength;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int messageOffset() {
        return messageOffset;
    }

    public int messageLength() {
        return messageLength;
    }

    /** Where the body (MsgType onward) starts in {@link #buffer()}, before {@link #finish()}. */
    public int bodyOffset() {
        return HEADER_RESERVE;
    }

    /** Bytes of body written so far (MsgType onward), before {@link #finish()}. */
    public int bodyLength() {
        return position - HEADER_RESERVE;
    }

    // ---- writing ------------------------------------------------------------------------

    private void ensure(int extra) {
        if (position + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + extra));
        }
    }

    private void writeTag(int tag) {
        if (tag > 0 && tag < 100) {
            // most tags: one or two digits, no digit count to take
            byte[] b = buffer;
            int p = position;
            if (tag >= 10) {
                b[p++] = DIGITS_00_99[tag * 2];
            }
            b[p++] = DIGITS_00_99[tag * 2 + 1];
            b[p++] = '=';
            position = p;
            return;
        }
        if (tag <= 0 || tag > MAX_TAG) {
            throw new IllegalArgumentException("tag must be in [1, " + MAX_TAG + "], was " + tag);
        }
        writeLong(tag);
        buffer[position++] = '=';
    }

    private void writeLong(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                throw new IllegalArgumentException("Long.MIN_VALUE has no FIX representation");
            }
            buffer[position++] = '-';
            value = -value;
        }
        int digits = Ascii.digitCount(value);
        int p = position + digits;
        position = p;
        while (value >= 100) {
            int pair = (int) (value % 100) * 2;
            value /= 100;
            buffer[--p] = DIGITS_00_99[pair + 1];
            buffer[--p] = DIGITS_00_99[pair];
        }
        if (value >= 10) {
            buffer[--p] = DIGITS_00_99[(int) value * 2 + 1];
            buffer[--p] = DIGITS_00_99[(int) value * 2];
        } else {
            buffer[--p] = (byte) ('0' + value);
        }
    }

    private void writePadded(long value, int width) {
        int p = position + width;
        position = p;
        for (int i = 0; i < width; i++) {
            buffer[--p] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private void writeDate(int yyyymmdd) {
        writePadded(yyyymmdd, 8);
    }

    private void cacheSecond(long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) (epochSecond - day * SECONDS_PER_DAY);
        int date = FixValues.civilFromDays(day);
        byte[] text = cachedSecond;
        for (int i = 7; i >= 0; i--) {
            text[i] = (byte) ('0' + date % 10);
            date /= 10;
        }
        text[8] = '-';
        putTwoDigits(text, 9, secondOfDay / 3600);
        text[11] = ':';
        putTwoDigits(text, 12, secondOfDay / 60 % 60);
        text[14] = ':';
        putTwoDigits(text, 15, secondOfDay % 60);
        cachedEpochSecond = epochSecond;
    }

    private static void putTwoDigits(byte[] into, int at, int value) {
        into[at] = DIGITS_00_99[value * 2];
        into[at + 1] = DIGITS_00_99[value * 2 + 1];
    }

    private void writeTimeOfDay(long nanosOfDay, TimestampPrecision precision) {
        int seconds = (int) (nanosOfDay / 1_000_000_000L);
        int nanos = (int) (nanosOfDay - seconds * 1_000_000_000L);
        int minutes = seconds / 60;
        writeTwoDigits(minutes / 60);
        buffer[position++] = ':';
        writeTwoDigits(minutes - minutes / 60 * 60);
        buffer[position++] = ':';
        writeTwoDigits(seconds - minutes * 60);
        writeFraction(nanos, precision);
    }

    /** The fraction of a second after HH:MM:SS, if the precision has one. */
    private void writeFraction(int nanos, TimestampPrecision precision) {
        switch (precision) {
            case MILLIS:
                buffer[position++] = '.';
                writeThreeDigits(nanos / 1_000_000);
                break;
            case MICROS:
                buffer[position++] = '.';
                int micros = nanos / 1_000;
                writeThreeDigits(micros / 1_000);
                writeThreeDigits(micros % 1_000);
                break;
            case NANOS:
                buffer[position++] = '.';
                writeThreeDigits(nanos / 1_000_000);
                writeThreeDigits(nanos / 1_000 % 1_000);
                writeThreeDigits(nanos % 1_000);
                break;
            default:
                break;
        }
    }

    private void writeThreeDigits(int value) {
        int hundreds = value / 100;
        buffer[position++] = (byte) ('0' + hundreds);
        writeTwoDigits(value - hundreds * 100);
    }

    private void writeTwoDigits(int value) {
        buffer[position++] = DIGITS_00_99[value * 2];
        buffer[position++] = DIGITS_00_99[value * 2 + 1];
    }
}
