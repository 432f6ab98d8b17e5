package io.tagwire.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The enumerated values of one field, with their descriptions: looked up straight from the
 * wire bytes or from a {@link CharSequence}, without allocation. One-character values, the
 * common case (Side(54), OrdType(40)), are a bit test.
 */
final class DictionaryEnums {
    private final byte[][] values;
    private final String[] descriptions;
    private final boolean allowOtherValues;
    private final long[] singleByteValues = new long[4];
    private final int[] table;

    /** @param descriptions parallel to {@code values}; an entry may be null */
    DictionaryEnums(List<String> values, List<String> descriptions, boolean allowOtherValues) {
        this.allowOtherValues = allowOtherValues;
        int n = values.size();
        this.values = new byte[n][];
        this.descriptions = new String[n];
        int capacity = 4;
        while (capacity < n * 2) {
            capacity <<= 1;
        }
        table = new int[capacity];
        java.util.Arrays.fill(table, -1);
        for (int i = 0; i < n; i++) {
            byte[] bytes = values.get(i).getBytes(StandardCharsets.ISO_8859_1);
            this.values[i] = bytes;
            this.descriptions[i] = descriptions.get(i);
            if (bytes.length == 1) {
                singleByteValues[(bytes[0] & 0xFF) >>> 6] |= 1L << (bytes[0] & 63);
            }
            int slot = hash(bytes, 0, bytes.length) & (capacity - 1);
            while (table[slot] >= 0 && !java.util.Arrays.equals(this.values[table[slot]], bytes)) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (table[slot] < 0) {
                table[slot] = i;
            }
        }
    }

    boolean allowOtherValues() {
        return allowOtherValues;
    }

    int size() {
        return values.length;
    }

    String value(int index) {
        return new String(values[index], StandardCharsets.ISO_8859_1);
    }

    String description(int index) {
        return descriptions[index];
    }

    /**
     * Word {@code word} (0 to 3) of the one-byte values as a 256-bit set: bit {@code c & 63}
     * of word {@code c >>> 6} is set when byte {@code c} is a value; all set if the field
     * allows other values.
     */
    long singleByteMask(int word) {
        return allowOtherValues ? -1L : singleByteValues[word];
    }

    /** True when the bytes are one of the values, or the field allows other values. */
    boolean isValue(byte[] b, int off, int len) {
        if (allowOtherValues) {
            return true;
        }
        if (len == 1) {
            int c = b[off] & 0xFF;
            return (singleByteValues[c >>> 6] & (1L << (c & 63))) != 0;
        }
        return indexOf(b, off, len) >= 0;
    }

    /**
     * For the multiple-value types: true when every space-separated element is a value, as
     * QuickFIX/J splits them (an empty element, from two spaces in a row, is not a value).
     */
    boolean isEachValue(byte[] b, int off, int len) {
        if (allowOtherValues) {
            return true;
        }
        if (len == 0) {
            return isValue(b, off, 0);
        }
        // trailing empty elements are dropped, as String.split(" ") drops them
        int end = off + len;
        while (end > off && b[end - 1] == ' ') {
            end--;
        }
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == ' ') {
                if (!isValue(b, start, i - start)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return end == off || isValue(b, start, end - start);
    }

    int indexOf(byte[] b, int off, int len) {
        int mask = table.length - 1;
        int slot = hash(b, off, len) & mask;
        while (true) {
            int index = table[slot];
            if (index < 0) {
                return -1;
            }
            if (equals(values[index], b, off, len)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    int indexOf(CharSequence value) {
        int len = value.length();
        int h = 0;
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return -1;
            }
            h = h * 31 + c;
        }
        int mask = table.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int index = table[slot];
            if (index < 0) {
                return -1;
            }
            if (equals(values[index], value)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = h * 31 + (b[i] & 0xFF);
        }
        return mix(h);
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    private static boolean equals(byte[] value, byte[] b, int off, int len) {
        if (value.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (value[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equals(byte[] value, CharSequence text) {
        if (value.length != text.length()) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if ((value[i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
