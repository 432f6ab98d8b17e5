package io.tagwire.session;

import java.util.Arrays;

/**
 * Keeps sequence numbers and sent messages in memory: one growing byte arena with an
 * (offset, length) entry per MsgSeqNum. Nothing survives the process.
 */
public final class MemoryMessageStore implements MessageStore {
    private byte[] arena = new byte[64 * 1024];
    private int arenaPosition;
    private long[] entries = new long[1024];
    private int firstSeqNum = 1;
    private int nextSender = 1;
    private int nextTarget = 1;
    private long creationTimeNanos;

    public MemoryMessageStore(long nowNanos) {
        creationTimeNanos = nowNanos;
    }

    @Override
    public int nextSenderMsgSeqNum() {
        return nextSender;
    }

    @Override
    public int nextTargetMsgSeqNum() {
        return nextTarget;
    }

    @Override
    public void nextSenderMsgSeqNum(int msgSeqNum) {
        nextSender = msgSeqNum;
    }

    @Override
    public void nextTargetMsgSeqNum(int msgSeqNum) {
        nextTarget = msgSeqNum;
    }

    @Override
    public void storeSent(int msgSeqNum, byte[] buffer, int offset, int length) {
        int slot = msgSeqNum - firstSeqNum;
        if (slot < 0) {
            // the sequence went backwards (SequenceReset or a manual set): start a new range
            clearMessages(msgSeqNum);
            slot = 0;
        }
        if (slot >= entries.length) {
            entries = Arrays.copyOf(entries, Math.max(entries.length * 2, slot + 1));
        }
        if (arenaPosition + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaPosition + length));
        }
        System.arraycopy(buffer, offset, arena, arenaPosition, length);
        entries[slot] = ((long) arenaPosition << 32) | length;
        arenaPosition += length;
        nextSender = msgSeqNum + 1;
    }

    @Override
    public void sentMessages(int begin, int end, MessageHandler handler) {
        int from = Math.max(begin, firstSeqNum);
        int to = Math.min(end, firstSeqNum + entries.length - 1);
        for (int seq = from; seq <= to; seq++) {
            long entry = entries[seq - firstSeqNum];
            int length = (int) entry;
            if (length > 0) {
                handler.onMessage(seq, arena, (int) (entry >>> 32), length);
            }
        }
    }

    @Override
    public long creationTimeNanos() {
        return creationTimeNanos;
    }

    @Override
    public void reset(long nowNanos) {
        clearMessages(1);
        nextSender = 1;
        nextTarget = 1;
        creationTimeNanos = nowNanos;
    }

    private void clearMessages(int newFirstSeqNum) {
        Arrays.fill(entries, 0L);
        arenaPosition = 0;
        firstSeqNum = newFirstSeqNum;
    }
}
