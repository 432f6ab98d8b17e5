package io.tagwire.codec;

/**
 * Byte-level helpers shared by the parser and the encoder: the SOH delimiter, digit
 * parsing and the FIX CheckSum(10).
 */
public final class Ascii {
    /** The FIX field delimiter, 0x01. */
    public static final byte SOH = 0x01;
    /** The byte that conventionally stands for SOH in logs and tests. */
    public static final byte PIPE = '|';

    private Ascii() {
    }

    /** CheckSum(10): the sum of all bytes in [offset, offset + length) modulo 256. */
    public static int checksum(byte[] buffer, int offset, int length) {
        int sum = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            sum += buffer[i];
        }
        return sum & 0xFF;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /**
     * Number of characters of {@code value} in decimal, sign included.
     */
    static int digitCount(long value) {
        if (value < 0) {
            return value == Long.MIN_VALUE ? 20 : 1 + digitCount(-value);
        }
        int count = 1;
        long bound = 10;
        while (count < 19 && value >= bound) {
            count++;
            bound *= 10;
        }
        return count;
    }

    /**
     * Replaces every {@code |} by SOH in a copy of {@code text}, ISO-8859-1 encoded. For
     * tests and tools that write wire text as {@code 8=FIX.4.4|9=...}. This method
     * allocates memory.
     */
    public static byte[] fromPiped(CharSequence text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = c == '|' ? SOH : (byte) c;
        }
        return bytes;
    }

    /** The inverse of {@link #fromPiped}: SOH shown as {@code |}. This method allocates memory. */
    public static String toPiped(byte[] buffer, int offset, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            byte b = buffer[offset + i];
            chars[i] = b == SOH ? '|' : (char) (b & 0xFF);
        }
        return new String(chars);
    }
}
