package io.tagwire.codec;

/**
 * Whether a value has the format of its {@link FieldType}, checked as QuickFIX/J's
 * converters check it: an INT may have any number of leading zeros, a FLOAT any number of
 * digits. No allocation.
 */
final class ValidatorFormats {
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
                return FixValues.isUtcTimestamp(b, off, len);
            case FieldType.FORMAT_UTC_TIME_ONLY:
                return FixValues.isUtcTimeOnly(b, off, len);
            case FieldType.FORMAT_DATE:
                return FixValues.isDate(b, off, len);
            default:
                return true;
        }
    }

    /** An optional '-' and at least one digit, within the range of an int. */
    static boolean isInt(byte[] b, int off, int len) {
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
