package io.tagwire.cli;

/**
 * A growable byte array, appended at the end and consumed from the front. Positions are
 * indexes into {@link #bytes()} and stay valid until the next append.
 */
final class ByteArray {
    private byte[] bytes;
    private int start;
    private int limit;

    ByteArray(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int start() {
        return start;
    }

    int limit() {
        return limit;
    }

    int length() {
        return limit - start;
    }

    void append(byte b) {
        ensureRoom(1);
        bytes[limit++] = b;
    }

    void append(byte[] source, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(source, offset, bytes, limit, length);
        limit += length;
    }

    void append(ByteArray other) {
        append(other.bytes, other.start, other.length());
    }

    /** Drops the first {@code count} bytes. */
    void consume(int count) {
        if (count < 0 || count > length()) {
            throw new IllegalArgumentException("cannot consume " + count + " of " + length() + " bytes");
        }
        start += count;
        if (start == limit) {
            clear();
        }
    }

    void clear() {
        start = 0;
        limit = 0;
    }

    private void ensureRoom(int extra) {
        if (limit + extra <= bytes.length) {
            return;
        }
        int length = length();
        byte[] target = length + extra <= bytes.length ? bytes : new byte[Math.max(bytes.length * 2, length + extra)];
        System.arraycopy(bytes, start, target, 0, length);
        bytes = target;
        start = 0;
        limit = length;
    }
}
