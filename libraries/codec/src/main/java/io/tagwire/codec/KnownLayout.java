package io.tagwire.codec;

/**
 * The layout a reused {@link FixMessage} remembers of the last message it parsed, and the
 * fast path that indexes a message laid out the same: each field's tag and '=' as written
 * ({@link #HEAD}, at most four bytes) and which bytes those are ({@link #HEAD_MASK}), kept
 * in two more columns of the message's index.
 *
 * <p>An order flow sends the same fields in the same order, with new values. While each
 * field starts with the tag and '=' of the field at the same index last time, only its
 * value's offset and length are new; its tag, and the message's lookups by tag, stand as
 * they are. The SOHs are found eight bytes at a time in one walk over the message, each
 * word's flags used up field by field, so no field waits for a search that starts where the
 * field before it ended (that chain costs the general path ~13 cycles a field).
 */
final class KnownLayout {
    /** The column of a field's tag and '=' as written, the bytes after them zero. */
    static final int HEAD = 3;
    /** The column of the mask that keeps {@link #HEAD}'s bytes of a field's first four. */
    static final int HEAD_MASK = 4;

    /** A field's head is read as one int: tags of up to three digits and their '='. */
    private static final int HEAD_BYTES = 4;

    private KnownLayout() {
    }

    /** Whether a field whose tag and '=' take {@code headLength} bytes at {@code p} can be recorded and checked. */
    static boolean canRecord(byte[] buffer, int p, int headLength) {
        return headLength <= HEAD_BYTES && p <= buffer.length - HEAD_BYTES;
    }

    /** Records the tag and '=' of the field at {@code at} in {@code fields}, {@code headLength} (2 to 4) bytes at {@code p}. */
    static void record(int[] fields, int at, byte[] buffer, int p, int headLength) {
        int mask = headLength == HEAD_BYTES ? -1 : (1 << (headLength << 3)) - 1;
        fields[at + HEAD] = (int) Ascii.INTS.get(buffer, p) & mask;
        fields[at + HEAD_MASK] = mask;
    }

    /**
     * Indexes the fields from {@code p} that match the first {@code known} recorded in
     * {@code fields}: writes each one's value offset and length. Stops at the first that
     * differs; returns how many matched and where the next field starts, packed (read them
     * with {@link #fieldCount} and {@link #position}). Needs {@code b[end - 1]} to be SOH,
     * so that every field's SOH is inside the message. A flag that is not the lowest in its
     * word can be a false one, a NUL right after a SOH; the field it would start then fails
     * the head check.
     */
    static long index(int[] fields, int known, byte[] b, int p, int end) {
        if (b.length < 8) {
            return packed(0, p);
        }
        // The SOHs are read eight bytes at a time in words that end with the message, so the
        // last is [end - 8, end), inside the buffer; the first, which can start before p,
        // is read before the loop. The SOH at end - 1 ends every field's search in one of
        // these words, so the loop needs no bound of its own.
        int wordAt = end - (((end - p + 7) >>> 3) << 3);
        long sohs;
        if (wordAt >= 0) {
            sohs = Ascii.sohFlags((long) Ascii.LONGS.get(b, wordAt));
        } else {
            // the buffer's first word, moved up to where it stands in the word from wordAt
            sohs = Ascii.sohFlags((long) Ascii.LONGS.get(b, 0)) << (-wordAt << 3);
        }
        sohs &= -1L << ((p - wordAt) << 3);

        int[] f = fields;
        int atEnd = known * FixMessage.STRIDE;
        // each field's head is read as an int
        int headsEnd = Math.min(end, b.length - HEAD_BYTES + 1);
        int at = 0;
        // stepping by the index's offset, not the field number: C2 then keeps it in a register
        for (; at < atEnd && p < headsEnd; at += FixMessage.STRIDE) {
            while (sohs == 0) {
                wordAt += 8;
                sohs = Ascii.sohFlags((long) Ascii.LONGS.get(b, wordAt));
            }
            int head = (int) Ascii.INTS.get(b, p);
            int mask = f[at + HEAD_MASK];
            if ((head & mask) != f[at + HEAD]) {
                break;
            }
            int valueStart = p + (Integer.bitCount(mask) >>> 3);
            int valueEnd = wordAt + (Long.numberOfTrailingZeros(sohs) >>> 3);
            sohs &= sohs - 1;
            f[at + FixMessage.VALUE_OFFSET] = valueStart;
            f[at + FixMessage.VALUE_LENGTH] = valueEnd - valueStart;
            p = valueEnd + 1;
        }
        return packed(at / FixMessage.STRIDE, p);
    }

    static int fieldCount(long packed) {
        return (int) (packed >>> 32);
    }

    static int position(long packed) {
        return (int) packed;
    }

    private static long packed(int fieldCount, int position) {
        return (long) fieldCount << 32 | (position & 0xFFFFFFFFL);
    }
}
