package io.tagwire.codec;

/**
 * Parsing and checking of FIX field values held as ASCII bytes, without allocation. The
 * {@code is*} checks never throw; the {@code parse*} methods throw
 * {@link FieldFormatException} when the value does not have the format.
 */
public final class FixValues {
    /** Nanoseconds in a day. */
    static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private FixValues() {
    }

    // ---- integers ---------------------------------------------------------------------

    /** An optional '-' then 1 to 18 digits. */
    public static boolean isLong(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < end && b[i] == '-') {
            i++;
        }
        int digits = end - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (; i < end; i++) {
            if (!Ascii.isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isLong} within the range of an int. */
    public static boolean isInt(byte[] b, int off, int len) {
        if (!isLong(b, off, len)) {
            return false;
        }
        long value = parseLongUnchecked(b, off, len);
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    public static long parseLong(int tag, byte[] b, int off, int len) {
        // one pass: checks each byte as it is added
        int i = off;
        int end = off + len;
        boolean negative = len > 0 && b[i] == '-';
        if (negative) {
            i++;
        }
        int digits = end - i;
        if (digits < 1 || digits > 18) {
            throw new FieldFormatException(tag, "not an integer");
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new FieldFormatException(tag, "not an integer");
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    public static int parseInt(int tag, byte[] b, int off, int len) {
        long value = parseLong(tag, b, off, len);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new FieldFormatException(tag, "out of int range");
        }
        return (int) value;
    }

    private static long parseLongUnchecked(byte[] b, int off, int len) {
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
        return negative ? -value : value;
    }

    // ---- char, boolean, string ----------------------------------------------------------

    /** Exactly one character. */
    public static boolean isChar(byte[] b, int off, int len) {
        return len == 1 && b[off] != Ascii.SOH;
    }

    /** Y or N. */
    public static boolean isBoolean(byte[] b, int off, int len) {
        return len == 1 && (b[off] == 'Y' || b[off] == 'N');
    }

    public static char parseChar(int tag, byte[] b, int off, int len) {
        if (!isChar(b, off, len)) {
            throw new FieldFormatException(tag, "not a single character");
        }
        return (char) (b[off] & 0xFF);
    }

    public static boolean parseBoolean(int tag, byte[] b, int off, int len) {
        if (!isBoolean(b, off, len)) {
            throw new FieldFormatException(tag, "not Y or N");
        }
        return b[off] == 'Y';
    }

    // ---- decimals -----------------------------------------------------------------------

    /** An optional '-', digits, and an optional '.' with digits: at most 18 digits in all. */
    public static boolean isDecimal(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < end && b[i] == '-') {
            i++;
        }
        int digits = 0;
        int dots = 0;
        for (; i < end; i++) {
            byte c = b[i];
            if (Ascii.isDigit(c)) {
                digits++;
            } else if (c == '.' && dots == 0) {
                dots++;
            } else {
                return false;
            }
        }
        return digits > 0 && digits <= 18;
    }

    /** Reads a decimal into {@code into}, keeping the scale written on the wire. */
    public static Decimal parseDecimal(int tag, byte[] b, int off, int len, Decimal into) {
        // one pass: checks each byte as it is added
        int i = off;
        int end = off + len;
        boolean negative = len > 0 && b[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int dot = -1;
        for (; i < end; i++) {
            int digit = b[i] - '0';
            if (digit >= 0 && digit <= 9) {
                mantissa = mantissa * 10 + digit;
                digits++;
            } else if (b[i] == '.' && dot < 0) {
                dot = i;
            } else {
                throw new FieldFormatException(tag, "not a decimal");
            }
        }
        if (digits == 0 || digits > 18) {
            throw new FieldFormatException(tag, "not a decimal");
        }
        int scale = dot < 0 ? 0 : end - dot - 1;
        return into.set(negative ? -mantissa : mantissa, scale);
    }

    // ---- dates and times ----------------------------------------------------------------

    /**
     * UTCTimestamp: YYYYMMDD-HH:MM:SS with an optional fraction of 1 to 12 digits (beyond 9
     * truncated). A check of the format only: any year 0000 to 9999.
     */
    public static boolean isUtcTimestamp(byte[] b, int off, int len) {
        return len >= 17 && b[off + 8] == '-' && epochDay(b, off) != Integer.MIN_VALUE
            && nanosOfDay(b, off + 9, len - 9) >= 0;
    }

    /**
     * Epoch nanoseconds of a UTCTimestamp, with any precision from seconds to picoseconds.
     * Epoch nanoseconds in a long reach from 1677 to 2262; a time outside is refused.
     */
    public static long parseUtcTimestamp(int tag, byte[] b, int off, int len) {
        if (!isUtcTimestamp(b, off, len)) {
            throw new FieldFormatException(tag, "not a UTCTimestamp");
        }
        long day = epochDay(b, off);
        long nanosOfDay = nanosOfDay(b, off + 9, len - 9);
        try {
            // before 1970, start from the next midnight so the product stays in range as long as the sum does
            return day >= 0 ? Math.addExact(Math.multiplyExact(day, NANOS_PER_DAY), nanosOfDay)
                : Math.addExact(Math.multiplyExact(day + 1, NANOS_PER_DAY), nanosOfDay - NANOS_PER_DAY);
        } catch (ArithmeticException outsideLong) {
            throw new FieldFormatException(tag, "a UTCTimestamp outside the years 1677 to 2262");
        }
    }

    /** UTCDateOnly or LocalMktDate: YYYYMMDD. */
    public static boolean isDate(byte[] b, int off, int len) {
        return len == 8 && epochDay(b, off) != Integer.MIN_VALUE;
    }

    /** The epoch day (days since 1970-01-01) of a YYYYMMDD value. */
    public static int parseDate(int tag, byte[] b, int off, int len) {
        int day = len == 8 ? epochDay(b, off) : Integer.MIN_VALUE;
        if (day == Integer.MIN_VALUE) {
            throw new FieldFormatException(tag, "not a date YYYYMMDD");
        }
        return day;
    }

    /** UTCTimeOnly: HH:MM:SS with an optional fraction. */
    public static boolean isUtcTimeOnly(byte[] b, int off, int len) {
        return nanosOfDay(b, off, len) >= 0;
    }

    /** Nanoseconds since midnight of a UTCTimeOnly value. */
    public static long parseUtcTimeOnly(int tag, byte[] b, int off, int len) {
        long nanos = nanosOfDay(b, off, len);
        if (nanos < 0) {
            throw new FieldFormatException(tag, "not a UTCTimeOnly");
        }
        return nanos;
    }

    /**
     * MonthYear: YYYYMM, YYYYMMDD or YYYYMMwN. Returned packed as
     * {@code YYYYMM * 1000 + code}, where code is 0 for none, the day 1 to 31, or 100 + N for
     * week N.
     */
    public static int parseMonthYear(int tag, byte[] b, int off, int len) {
        int value = monthYear(b, off, len);
        if (value < 0) {
            throw new FieldFormatException(tag, "not a MonthYear");
        }
        return value;
    }

    public static boolean isMonthYear(byte[] b, int off, int len) {
        return monthYear(b, off, len) >= 0;
    }

    private static int monthYear(byte[] b, int off, int len) {
        if (len != 6 && len != 8) {
            return -1;
        }
        int year = digits(b, off, 4);
        int month = digits(b, off + 4, 2);
        if (year < 0 || month < 1 || month > 12) {
            return -1;
        }
        int code = 0;
        if (len == 8) {
            if (b[off + 6] == 'w') {
                int week = digits(b, off + 7, 1);
                if (week < 1 || week > 5) {
                    return -1;
                }
                code = 100 + week;
            } else {
                code = digits(b, off + 6, 2);
                if (code < 1 || code > 31) {
                    return -1;
                }
            }
        }
        return (year * 100 + month) * 1000 + code;
    }

    /** Digits as a number, or -1 if any is not a digit. */
    static int digits(byte[] b, int off, int count) {
        int value = 0;
        for (int i = off, end = off + count; i < end; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long nanosOfDay(byte[] b, int off, int len) {
        if (len < 8 || b[off + 2] != ':' || b[off + 5] != ':') {
            return -1;
        }
        int hour = digits(b, off, 2);
        int minute = digits(b, off + 3, 2);
        int second = digits(b, off + 6, 2);
        // second 60 is a leap second (FIX: UTCTimestamp allows it)
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return -1;
        }
        long nanos = ((hour * 60L + minute) * 60L + second) * NANOS_PER_SECOND;
        if (len == 8) {
            return nanos;
        }
        int fractionDigits = len - 9;
        if (b[off + 8] != '.' || fractionDigits < 1 || fractionDigits > 12) {
            return -1;
        }
        long fraction = 0;
        for (int i = 0; i < fractionDigits; i++) {
            byte c = b[off + 9 + i];
            if (c < '0' || c > '9') {
                return -1;
            }
            if (i < 9) {
                fraction = fraction * 10 + (c - '0');
            }
        }
        for (int i = fractionDigits; i < 9; i++) {
            fraction *= 10;
        }
        return nanos + fraction;
    }

    /** Days since 1970-01-01 of YYYYMMDD at {@code off}, or Integer.MIN_VALUE if not a valid date. */
    private static int epochDay(byte[] b, int off) {
        int year = digits(b, off, 4);
        int month = digits(b, off + 4, 2);
        int day = digits(b, off + 6, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return Integer.MIN_VALUE;
        }
        return daysFromCivil(year, month, day);
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static int daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    /** The date of an epoch day packed as YYYYMMDD (H. Hinnant's civil_from_days). */
    static int civilFromDays(long epochDay) {
        long z = epochDay + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (int) (year * 10000 + month * 100 + day);
    }
}
