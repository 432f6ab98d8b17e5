package io.tagwire.session;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.DataFields;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes a FIX message as one readable line: SOH as {@code |}, and the values of secret
 * tags as {@code ****}: always Password(554), NewPassword(925) and RawData(96), plus any
 * tags a venue adds (LogMaskTags). A data field (RawData(96) and the other standard
 * Length/Data pairs) is skipped by the length its Length field gives, since it may hold
 * SOH. Writes into a caller's buffer; allocates nothing.
 */
final class MessageMasker {
    static final int[] ALWAYS_MASKED = {554, 925, 96};
    private static final byte[] MASK = {'*', '*', '*', '*'};
    private static final int DIRECT_LIMIT = 4096;

    private final boolean[] masked = new boolean[DIRECT_LIMIT];
    private final int[] largeMasked;

    /** @param extraTags tags to mask besides the standard secrets */
    MessageMasker(Set<Integer> extraTags) {
        for (int tag : ALWAYS_MASKED) {
            masked[tag] = true;
        }
        largeMasked = extraTags.stream().mapToInt(Integer::intValue).filter(t -> t >= DIRECT_LIMIT).sorted().toArray();
        for (int tag : extraTags) {
            if (tag <= 0) {
                throw new IllegalArgumentException("tag must be positive, was " + tag);
            }
            if (tag < DIRECT_LIMIT) {
                masked[tag] = true;
            }
        }
    }

    boolean isMasked(int tag) {
        return tag < DIRECT_LIMIT ? tag > 0 && masked[tag] : Arrays.binarySearch(largeMasked, tag) >= 0;
    }

    /**
     * The most bytes {@link #mask} writes for a message of {@code length} bytes: a masked
     * value may be shorter than the mask.
     */
    static int maxOutput(int length) {
        return length * 2 + MASK.length;
    }

    /**
     * Writes the message at {@code out[outOffset]}, which must have room for
     * {@link #maxOutput}, and returns the number of bytes written.
     */
    int mask(byte[] buffer, int offset, int length, byte[] out, int outOffset) {
        int end = offset + length;
        int p = offset;
        int o = outOffset;
        int previousTag = 0;
        int previousValue = -1;
        while (p < end) {
            int tag = 0;
            int q = p;
            while (q < end && buffer[q] >= '0' && buffer[q] <= '9' && q - p < 9) {
                tag = tag * 10 + (buffer[q] - '0');
                q++;
            }
            if (q == p || q >= end || buffer[q] != '=') {
                // not a tag=value field: show the rest as it is
                return piped(buffer, p, end, out, o) - outOffset;
            }
            int valueStart = q + 1;
            int valueEnd;
            if (previousValue >= 0 && DataFields.STANDARD.dataTagFor(previousTag) == tag
                && valueStart + previousValue <= end) {
                valueEnd = valueStart + previousValue;
            } else {
                valueEnd = valueStart;
                while (valueEnd < end && buffer[valueEnd] != Ascii.SOH) {
                    valueEnd++;
                }
            }
            o = piped(buffer, p, valueStart, out, o);
            if (isMasked(tag)) {
                System.arraycopy(MASK, 0, out, o, MASK.length);
                o += MASK.length;
            } else {
                o = piped(buffer, valueStart, valueEnd, out, o);
            }
            previousTag = tag;
            previousValue = DataFields.STANDARD.dataTagFor(tag) != 0 ? length(buffer, valueStart, valueEnd) : -1;
            if (valueEnd < end) {
                out[o++] = '|';
            }
            p = valueEnd + 1;
        }
        return o - outOffset;
    }

    private static int piped(byte[] buffer, int from, int to, byte[] out, int o) {
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            out[o++] = b == Ascii.SOH ? (byte) '|' : b;
        }
        return o;
    }

    private static int length(byte[] buffer, int from, int to) {
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
