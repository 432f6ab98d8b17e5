package io.tagwire.codec;

/**
 * An immutable set of tags, each with its position in definition order: an open-addressing
 * int-to-int table for the positions and a bit set for membership, so a lookup neither
 * boxes nor allocates.
 */
final class DictionaryTagIndex {
    static final DictionaryTagIndex EMPTY = new DictionaryTagIndex(new int[0]);

    private final int[] keys;
    private final int[] positions;
    private final int shift;
    private final int size;
    private final long[] bits;

    /** Indexes {@code tags}; a tag listed twice keeps its first position. */
    DictionaryTagIndex(int[] tags) {
        int capacity = 4;
        while (capacity < tags.length * 2) {
            capacity <<= 1;
        }
        keys = new int[capacity];
        positions = new int[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        int count = 0;
        int maxTag = 0;
        for (int tag : tags) {
            maxTag = Math.max(maxTag, tag);
        }
        bits = new long[(maxTag >> 6) + 1];
        for (int i = 0; i < tags.length; i++) {
            int tag = tags[i];
            if (tag <= 0) {
                throw new IllegalArgumentException("tag must be positive: " + tag);
            }
            int slot = slot(tag);
            while (keys[slot] != 0 && keys[slot] != tag) {
                slot = (slot + 1) & (capacity - 1);
            }
            bits[tag >> 6] |= 1L << tag;
            if (keys[slot] == 0) {
                keys[slot] = tag;
                positions[slot] = i;
                count++;
            }
        }
        size = count;
    }

    private int slot(int tag) {
        return (tag * 0x9E3779B9) >>> shift;
    }

    /** The position of {@code tag}, or -1 if it is not in the set. */
    int position(int tag) {
        if (tag <= 0) {
            return -1;
        }
        int mask = keys.length - 1;
        int slot = slot(tag);
        while (true) {
            int key = keys[slot];
            if (key == tag) {
                return positions[slot];
            }
            if (key == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    boolean contains(int tag) {
        int word = tag >> 6;
        return tag > 0 && word < bits.length && (bits[word] & (1L << tag)) != 0;
    }

    int size() {
        return size;
    }
}
