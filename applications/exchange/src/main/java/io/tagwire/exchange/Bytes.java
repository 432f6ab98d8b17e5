package io.tagwire.exchange;

/** Byte-range comparisons and hashing for identifiers held in reused arrays, without allocation. */
final class Bytes {
    private Bytes() {
    }

    static boolean equal(byte[] a, int aLength, byte[] b, int bOffset, int bLength) {
        if (aLength != bLength) {
            return false;
        }
        for (int i = 0; i < aLength; i++) {
            if (a[i] != b[bOffset + i]) {
                return false;
            }
        }
        return true;
    }

    static int hash(int seed, byte[] buffer, int offset, int length) {
        int hash = seed * 31 + length;
        for (int i = 0; i < length; i++) {
            hash = hash * 31 + buffer[offset + i];
        }
        return hash ^ (hash >>> 16);
    }
}
