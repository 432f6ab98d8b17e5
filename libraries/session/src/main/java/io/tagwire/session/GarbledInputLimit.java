package io.tagwire.session;

/**
 * Counts garbled input on one connection since its last good message: more than
 * {@value #MAX_GARBLED_IN_A_ROW} garbled messages in a row, or more garbled bytes in a row
 * than four times MaxMessageSize, is a flood, not line noise, and ends the connection. A
 * few garbled messages are ignored, as the FIX session spec asks.
 */
final class GarbledInputLimit {
    static final int MAX_GARBLED_IN_A_ROW = 64;

    private final long maxBytes;
    private int inARow;
    private long bytesInARow;

    GarbledInputLimit(int maxMessageSize) {
        this.maxBytes = 4L * maxMessageSize;
    }

    /** A good message: the count starts again. */
    void good() {
        inARow = 0;
        bytesInARow = 0;
    }

    /** A garbled message or run of bytes; true when that is one too many. */
    boolean exceeded(int bytes) {
        inARow++;
        bytesInARow += bytes;
        return inARow > MAX_GARBLED_IN_A_ROW || bytesInARow > maxBytes;
    }

    /** Why the connection ends. This method allocates memory. */
    String reason() {
        return "too much garbled input: " + inARow + " garbled messages, " + bytesInARow
            + " bytes, without a good message";
    }
}
