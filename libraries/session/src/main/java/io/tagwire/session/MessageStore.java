package io.tagwire.session;

import java.io.Closeable;
import java.io.IOException;

/**
 * Sequence numbers and sent messages of one session, for resends and recovery. The
 * in-memory store is {@link MemoryMessageStore}; a crash-safe journal implements the same
 * interface. Stores are used by the session's event-loop thread only.
 */
public interface MessageStore extends Closeable {
    /** Receives stored messages, in MsgSeqNum order. */
    @FunctionalInterface
    interface MessageHandler {
        void onMessage(int msgSeqNum, byte[] buffer, int offset, int length);
    }

    int nextSenderMsgSeqNum();

    int nextTargetMsgSeqNum();

    void nextSenderMsgSeqNum(int msgSeqNum) throws IOException;

    void nextTargetMsgSeqNum(int msgSeqNum) throws IOException;

    /**
     * Keeps a sent message under {@code msgSeqNum} and sets the next sender MsgSeqNum to
     * {@code msgSeqNum + 1}, as one step.
     */
    void storeSent(int msgSeqNum, byte[] buffer, int offset, int length) throws IOException;

    /** Hands every stored message with MsgSeqNum in [begin, end] to {@code handler}, in order. */
    void sentMessages(int begin, int end, MessageHandler handler) throws IOException;

    /** Epoch nanoseconds when the session's sequence numbers were last reset. */
    long creationTimeNanos();

    /** Both sequence numbers back to 1, stored messages dropped, creation time set. */
    void reset(long nowNanos) throws IOException;

    /** Reloads state from the backing storage (QuickFIX's RefreshOnLogon); no-op in memory. */
    default void refresh() throws IOException {
    }

    @Override
    default void close() throws IOException {
    }
}
