package io.tagwire.codec;

/**
 * Whether a value has the format of its {@link FieldType}, checked as QuickFIX/J's
 * converters check it: an INT may have any number of leading zeros, a FLOAT any number of
 * digits. Dates and times are checked as {@link FixValues} reads them, without computing
 * the instant, which is several times faster. No allocation.
 */
final class ValidatorFormats {
    private static final long ZEROS = Ascii.ZEROS;
    // two digits as the bytes "01", "12"... read most significant first
    private static final int TWO_DIGITS_01 = '0' << 8 | '1';
    private static final int TWO_DIGITS_12 = '1' << 8 | '2';
    private static final int TWO_DIGITS_23 = '2' << 8 | '3';
    private static final int TWO_DIGITS_28 = '2' << 8 | '8';
    private static final int TWO_DIGITS_59 = '5' << 8 | '9';
    private static final int TWO_DIGITS_60 = '6' << 8 | '0';
    /** '.' ^ '0' in every byte. */
    private static final long POINTS_XOR_ZEROS = 0x1E1E1E1E1E1E1E1EL;
    /** Added to a byte of at most 0x7F, sets its high bit when it is above 9. */
    private static final long NINES_TO_HIGH_BIT = 0x7676767676767676L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = Ascii.HIGH_BITS;
    /** Bytes 2 and 5 of a little-endian long: the colons of HH:MM:SS. */
    private static final long COLONS_MASK = 0x0000FF0000FF0000L;
    private static final long COLONS = 0x00003A00003A0000L;

    private ValidatorFormats() {
    }

    static boolean isValid(int format, byte[] b, int off, int len) {
        switch (format) {
            case FieldType.FORMAT_INT:
                return isInt(b, off, len);
            case FieldType.FORMAT_DECIMAL:
                return isDecimal(b, off, len);
            case FieldType.FORMAT_CHAR:
                return FixValues.isChar(b, off, len);
            case FieldType.FORMAT_BOOLEAN:
                return FixValues.isBoolean(b, off, len);
            case FieldType.FORMAT_MULTIPLE_CHAR:
                return isCharList(b, off, len);
            case FieldType.FORMAT_UTC_TIMESTAMP:
                return isUtcTimestamp(b, off, len);
            case FieldType.FORMAT_UTC_TIME_ONLY:
                return isUtcTimeOnly(b, off, len);
            case FieldType.FORMAT_DATE:
                return len == 8 && isDate(b, off);
            default:
                return true;
        }
    }

    /** An optional '-' and at least one digit, within the range of an int. */
    static boolean isInt(byte[] b, int off, int len) {
        // up to eight digits, without a sign, fit an int: one test of eight bytes read at once
        if (len >= 1 && len <= 8 && off <= b.length - 8 && b[off] != '-') {
            long keep = -1L >>> (64 - (len << 3));
            return Ascii.isEightDigits(((long) Ascii.LONGS.get(b, off) & keep) | (ZEROS & ~keep));
        }
        return isIntByBytes(b, off, len);
    }

    /** {@link #isInt} byte by byte. */
    static boolean isIntByBytes(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = i < end && b[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end) {
            return false;
        }
        long value = 0;
        for (; i < end; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
            if (value > 2_147_483_648L) {
                return false;
            }
        }
        return negative || value <= Integer.MAX_VALUE;
    }

    /** The int value of a value that {@link #isInt} accepts. */
    static int parseInt(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        for (; i < end; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return (int) (negative ? -value : value);
    }

    /** An optional '-', digits, an optional '.' and digits: at least one digit in all. */
    static boolean isDecimal(byte[] b, int off, int len) {
        if (len >= 1 && len <= 16 && off <= b.length - 16 && b[off] != '-') {
            return isUnsignedDecimalOf16(b, off, len);
        }
        return isDecimalByBytes(b, off, len);
    }

    /**
     * {@link #isDecimal} of 1 to 16 bytes without a sign, where sixteen bytes are readable:
     * each byte a digit or '.', at most one '.', at least one digit. Up to eight bytes as one
     * long; more as the first eight and the last eight, which overlap unless there are sixteen.
     */
    private static boolean isUnsignedDecimalOf16(byte[] b, int off, int len) {
        // after the XOR digits are 0 to 9 and '.' 0x1E
        if (len <= 8) {
            // a shift by -n takes 64 - n: the value's bytes are kept, the ones past it become 0, as if '0'
            long t = ((long) Ascii.LONGS.get(b, off) ^ ZEROS) & -1L >>> -(len << 3);
            long points = pointFlags(t);
            return nonDigitFlags(t) == points & (points & (points - 1)) == 0 & (len > 1 | points == 0);
        }
        long low = (long) Ascii.LONGS.get(b, off) ^ ZEROS;
        long high = (long) Ascii.LONGS.get(b, off + len - 8) ^ ZEROS;
        long lowPoints = pointFlags(low);
        long highPoints = pointFlags(high);
        // the high long's points moved to where the low long holds the same bytes; shifted out past them
        // (in two steps, as a shift by 64 would shift by nothing)
        long highPointsInLow = highPoints << ((len - 8 << 3) - 1) << 1;
        // each long has at most one point, and if both have one it is the same byte; len > 8 leaves a digit
        return nonDigitFlags(low) == lowPoints & nonDigitFlags(high) == highPoints
            & (lowPoints & (lowPoints - 1)) == 0 & (highPoints & (highPoints - 1)) == 0
            & (lowPoints == 0 | highPoints == 0 | lowPoints == highPointsInLow);
    }

    /** 0x80 in each byte of {@code t} that is above 9, 0 in the others. */
    private static long nonDigitFlags(long t) {
        return (((t & LOW_SEVEN_BITS) + NINES_TO_HIGH_BIT) | t) & HIGH_BITS;
    }

    /** 0x80 in each byte of {@code t} that is 0x1E ('.' ^ '0'), 0 in the others. */
    private static long pointFlags(long t) {
        long x = t ^ POINTS_XOR_ZEROS;
        return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x) & HIGH_BITS;
    }

    /** {@link #isDecimal} byte by byte. */
    static boolean isDecimalByBytes(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < end && b[i] == '-') {
            i++;
        }
        boolean digits = false;
        boolean point = false;
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /** As {@link FixValues#isUtcTimestamp}: YYYYMMDD-HH:MM:SS and an optional fraction of 1 to 12 digits. */
    static boolean isUtcTimestamp(byte[] b, int off, int len) {
        if (len < 17) {
            return false;
        }
        // the date read as a long and tested with few branches; once all are digits, a
        // two-digit field compares as its two bytes do, most significant first
        long date = (long) Ascii.LONGS.get(b, off);
        long dateBytes = Long.reverseBytes(date);
        int month = (int) (dateBytes >>> 16) & 0xFFFF;
        int day = (int) dateBytes & 0xFFFF;
        boolean valid = Ascii.isEightDigits(date) & month >= TWO_DIGITS_01 & month <= TWO_DIGITS_12
            & day >= TWO_DIGITS_01 & isDashAndTimeOfDay(b, off);
        if (!valid || day > TWO_DIGITS_28 && digitPair(date, 6)
                > FixValues.daysInMonth(digitPair(date, 0) * 100 + digitPair(date, 2), digitPair(date, 4))) {
            return false;
        }
        return isFractionAfterTime(b, off, len);
    }

    /**
     * {@link #isUtcTimestamp} of a value of at least 17 bytes whose first eight are known to
     * be a valid date: the '-', the time and the fraction are left to check.
     */
    static boolean isUtcTimestampOfValidDate(byte[] b, int off, int len) {
        return isDashAndTimeOfDay(b, off) && isFractionAfterTime(b, off, len);
    }

    /**
     * The '-' and HH:MM:SS after the date of a timestamp at {@code off}, read as one long:
     * hours to 23, minutes to 59, seconds to 60 (a leap second).
     */
    private static boolean isDashAndTimeOfDay(byte[] b, int off) {
        long time = (long) Ascii.LONGS.get(b, off + 9);
        long timeDigits = (time & ~COLONS_MASK) | (ZEROS & COLONS_MASK);
        long timeBytes = Long.reverseBytes(timeDigits);
        return b[off + 8] == '-' & (time & COLONS_MASK) == COLONS & Ascii.isEightDigits(timeDigits)
            & timeBytes >>> 48 <= TWO_DIGITS_23 & ((int) (timeBytes >>> 24) & 0xFFFF) <= TWO_DIGITS_59
            & ((int) timeBytes & 0xFFFF) <= TWO_DIGITS_60;
    }

    /** The end of a timestamp of at least 17 bytes, after YYYYMMDD-HH:MM:SS: nothing, or a fraction. */
    static boolean isFractionAfterTime(byte[] b, int off, int len) {
        return len == 17 || isFraction(b, off + 17, len - 17);
    }

    /** '.' and 1 to 12 digits. */
    private static boolean isFraction(byte[] b, int off, int len) {
        if (len < 2 || len > 13 || b[off] != '.') {
            return false;
        }
        int digits = len - 1;
        if (digits <= 8 && off + 1 <= b.length - 8) {
            long keep = -1L >>> (64 - (digits << 3));
            return Ascii.isEightDigits(((long) Ascii.LONGS.get(b, off + 1) & keep) | (ZEROS & ~keep));
        }
        for (int i = off + 1, end = off + len; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** As {@link FixValues#isUtcTimeOnly}: HH:MM:SS, second 60 allowed, and an optional fraction of 1 to 12 digits. */
    static boolean isUtcTimeOnly(byte[] b, int off, int len) {
        if (len < 8) {
            return false;
        }
        // HH:MM:SS read as one long, the colons checked and then taken for zeros
        long x = (long) Ascii.LONGS.get(b, off);
        if ((x & COLONS_MASK) != COLONS) {
            return false;
        }
        long digits = (x & ~COLONS_MASK) | (ZEROS & COLONS_MASK);
        if (!Ascii.isEightDigits(digits)) {
            return false;
        }
        int hour = digitPair(digits, 0);
        int minute = digitPair(digits, 3);
        int second = digitPair(digits, 6);
        if (hour > 23 || minute > 59 || second > 60) {
            return false;
        }
        if (len == 8) {
            return true;
        }
        if (b[off + 8] != '.' || len < 10 || len > 21) {
            return false;
        }
        for (int i = off + 9, end = off + len; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** As {@link FixValues#isDate}: a valid YYYYMMDD at {@code off}, where eight bytes must be readable. */
    static boolean isDate(byte[] b, int off) {
        long digits = (long) Ascii.LONGS.get(b, off);
        if (!Ascii.isEightDigits(digits)) {
            return false;
        }
        int month = digitPair(digits, 4);
        int day = digitPair(digits, 6);
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= 28 || day <= FixValues.daysInMonth(digitPair(digits, 0) * 100 + digitPair(digits, 2), month);
    }

    /** The two-digit number at byte {@code at} of eight digits read little-endian. */
    private static int digitPair(long digits, int at) {
        return (int) (digits >>> (at << 3) & 0x0F) * 10 + (int) (digits >>> ((at + 1) << 3) & 0x0F);
    }

    /** MultipleCharValue: single non-blank characters separated by single spaces. */
    static boolean isCharList(byte[] b, int off, int len) {
        if (len == 0 || (len & 1) == 0) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            boolean blank = isWhitespace(b[off + i]);
            if ((i & 1) == 0 ? blank : b[off + i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
