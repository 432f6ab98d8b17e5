package io.tagwire.session;

import java.util.Arrays;

/**
 * Messages that arrived with a MsgSeqNum above the expected one, kept (copied) until the
 * gap before them is filled, then processed in order. Bounded: past its capacity a
 * message is not kept, which is safe because the ResendRequest already asks for it again.
 */
final class InboundQueue {
    private final int maxMessages;
    private byte[] arena;
    private int arenaPosition;
    private int[] seqNums;
    private int[] offsets;
    private int[] lengths;
    private int count;

    InboundQueue(int maxMessages, int initialBytes) {
        this.maxMessages = maxMessages;
        arena = new byte[initialBytes];
        seqNums = new int[16];
        offsets = new int[16];
        lengths = new int[16];
    }

    int size() {
        return count;
    }

    /** Keeps a copy; a second message with the same MsgSeqNum replaces nothing. */
    boolean offer(int msgSeqNum, byte[] buffer, int offset, int length) {
        int index = Arrays.binarySearch(seqNums, 0, count, msgSeqNum);
        if (index >= 0 || count == maxMessages) {
            return false;
        }
        int insertAt = -index - 1;
        if (count == seqNums.length) {
            int capacity = count * 2;
            seqNums = Arrays.copyOf(seqNums, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        if (arenaPosition + length > arena.length) {
            // the arena restarts whenever the queue empties, so growing is rare and bounded
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaPosition + length));
        }
        System.arraycopy(buffer, offset, arena, arenaPosition, length);
        int moved = count - insertAt;
        System.arraycopy(seqNums, insertAt, seqNums, insertAt + 1, moved);
        System.arraycopy(offsets, insertAt, offsets, insertAt + 1, moved);
        System.arraycopy(lengths, insertAt, lengths, insertAt + 1, moved);
        seqNums[insertAt] = msgSeqNum;
        offsets[insertAt] = arenaPosition;
        lengths[insertAt] = length;
        arenaPosition += length;
        count++;
        return true;
    }

    /** Drops every message below {@code msgSeqNum}; true if the first one left has exactly that number. */
    boolean headIs(int msgSeqNum) {
        int drop = 0;
        while (drop < count && seqNums[drop] < msgSeqNum) {
            drop++;
        }
        if (drop > 0) {
            removeFirst(drop);
        }
        return count > 0 && seqNums[0] == msgSeqNum;
    }

    byte[] arena() {
        return arena;
    }

    int headOffset() {
        return offsets[0];
    }

    int headLength() {
        return lengths[0];
    }

    /**
     * Takes the head out of the queue. Its bytes stay readable in {@link #arena()} until
     * the next {@link #offer}.
     */
    void pollHead() {
        removeFirst(1);
    }

    void clear() {
        count = 0;
        arenaPosition = 0;
    }

    private void removeFirst(int n) {
        System.arraycopy(seqNums, n, seqNums, 0, count - n);
        System.arraycopy(offsets, n, offsets, 0, count - n);
        System.arraycopy(lengths, n, lengths, 0, count - n);
        count -= n;
        if (count == 0) {
            arenaPosition = 0;
        }
    }
}
