package io.tagwire.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
        int end = offset + length;
        int i = offset;
        long total = 0;
        // eight bytes at a time: the bytes of each half-word are added into four 16-bit lanes,
        // which are folded into the total before they can overflow (at most 128 words of 2 x 255)
        while (end - i >= 8) {
            long lanes = 0;
            int stop = Math.min(end - 7, i + 128 * 8);
            for (; i < stop; i += 8) {
                long word = (long) LONGS.get(buffer, i);
                lanes += (word & 0x00FF00FF00FF00FFL) + ((word >>> 8) & 0x00FF00FF00FF00FFL);
            }
            total += (lanes & 0xFFFF) + ((lanes >>> 16) & 0xFFFF) + ((lanes >>> 32) & 0xFFFF) + (lanes >>> 48);
        }
        for (; i < end; i++) {
            total += buffer[i] & 0xFF;
        }
        return (int) (total & 0xFF);
    }

    /** Reads a little-endian long from a byte array at any offset. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Reads a little-endian int from a byte array at any offset. */
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long SOH_IN_EVERY_BYTE = 0x0101010101010101L;
    /** The high bit of every byte. */
    static final long HIGH_BITS = 0x8080808080808080L;
    /** '0' in every byte. */
    static final long ZEROS = 0x3030303030303030L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long SIXES = 0x0606060606060606L;

    /**
     * Index of the first SOH in [from, to), or -1: eight bytes at a time where it can (the
     * classic "has zero byte" test on the word XOR SOH).
     */
    static int indexOfSoh(byte[] buffer, int from, int to) {
        int i = from;
        while (to - i >= 8) {
            long word = (long) LONGS.get(buffer, i);
            long found = sohFlags(word);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (buffer[i] == SOH) {
                return i;
            }
        }
        return -1;
    }

    /** A high bit set in each byte of the little-endian {@code word} that is SOH; the lowest one is exact. */
    static long sohFlags(long word) {
        // (x - 0x01) & ~x & 0x80 for x = word ^ SOH, with ~x & 0x80 taken from the word
        // itself (XOR with 0x01 leaves the high bit alone): one step shorter from the load
        return ((word ^ SOH_IN_EVERY_BYTE) - SOH_IN_EVERY_BYTE) & (~word & HIGH_BITS);
    }

    /**
     * The first {@code count} (1 to 8) bytes of the little-endian {@code word} read as decimal
     * digits, the first byte the most significant; -1 if one of them is not a digit.
     */
    static long digitsValue(long word, int count) {
        long keep = count == 8 ? -1L : (1L << (8 * count)) - 1;
        // the bytes past the count read as '0', so all eight are tested at once
        long v = (word & keep) | (ZEROS & ~keep);
        if (!isEightDigits(v)) {
            return -1;
        }
        // the digits moved to the top bytes, so the bytes below them read as leading zeros;
        // then pairs, fours and the eight combined
        long d = (v - ZEROS) << (8 * (8 - count));
        d = (d * 10 + (d >>> 8)) & 0x00FF00FF00FF00FFL;
        d = (d * 100 + (d >>> 16)) & 0x0000FFFF0000FFFFL;
        return (d * 10000 + (d >>> 32)) & 0xFFFFFFFFL;
    }

    /**
     * Whether the eight bytes of {@code x} are all '0' to '9': each has the high nibble 3,
     * and still has it with 6 added ('9' + 6 is '?', ':' + 6 is '@'). A byte's carry can
     * reach the next only from 0xFA up, which the first test has already refused.
     */
    static boolean isEightDigits(long x) {
        return (x & HIGH_NIBBLES) == ZEROS && ((x + SIXES) & HIGH_NIBBLES) == ZEROS;
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
        // log10 from the bit length (1233 / 4096 ~ log10(2)), then one comparison to correct it
        long atLeastOne = value | 1;
        int guess = (64 - Long.numberOfLeadingZeros(atLeastOne)) * 1233 >>> 12;
        return guess + 1 - (atLeastOne < Decimal.powerOfTen(guess) ? 1 : 0);
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
