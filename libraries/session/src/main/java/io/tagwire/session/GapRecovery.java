package io.tagwire.session;

import io.tagwire.codec.FixMessage;

/**
 * What a session does about a gap in the counterparty's MsgSeqNum(34): messages beyond the
 * gap are queued, one ResendRequest(2) covers it (unless SendRedundantResendRequests), in
 * chunks of ResendRequestChunkSize when set, and the resend is over once the gap is
 * filled.
 */
final class GapRecovery {
    /** Sends the admin message begun on the writer (the session's toAdmin path). */
    @FunctionalInterface
    interface AdminSender {
        void sendAdmin(long nowNanos);
    }

    private final SessionRules rules;
    private final SessionWriter writer;
    private final AdminSender sender;
    private final InboundQueue queue;
    private boolean resendPending;
    private int resendChunkEnd;
    private int resendTargetEnd;

    GapRecovery(SessionRules rules, SessionWriter writer, AdminSender sender) {
        this.rules = rules;
        this.writer = writer;
        this.sender = sender;
        this.queue = new InboundQueue(rules.maxQueuedMessages(), 64 * 1024);
    }

    InboundQueue queue() {
        return queue;
    }

    void clear() {
        queue.clear();
        resendPending = false;
    }

    /** A message beyond the gap: kept for later, and the gap asked for once. */
    void onTooHigh(FixMessage message, int msgSeqNum, int expected, long nowNanos) {
        queue.offer(msgSeqNum, message.buffer(), message.offset(), message.length());
        if (resendPending && !rules.sendRedundantResendRequests()) {
            resendTargetEnd = Math.max(resendTargetEnd, msgSeqNum - 1);
            return;
        }
        int chunk = rules.resendRequestChunkSize();
        int end = chunk > 0 && expected + chunk - 1 < msgSeqNum - 1 ? expected + chunk - 1 : 0;
        resendTargetEnd = resendPending ? Math.max(resendTargetEnd, msgSeqNum - 1) : msgSeqNum - 1;
        resendPending = true;
        requestChunk(expected, end, nowNanos);
    }

    /**
     * A Logon beyond the gap when both Logons carry NextExpectedMsgSeqNum(789): the
     * counterparty resends the gap unasked, so the Logon is kept and the gap counts as
     * asked for, without a ResendRequest.
     */
    void awaitResend(FixMessage logon, int msgSeqNum) {
        queue.offer(msgSeqNum, logon.buffer(), logon.offset(), logon.length());
        resendPending = true;
        resendChunkEnd = 0;
        resendTargetEnd = msgSeqNum - 1;
    }

    /** Message {@code msgSeqNum} was processed in sequence. */
    void processed(int msgSeqNum, long nowNanos) {
        if (!resendPending) {
            return;
        }
        if (resendChunkEnd != 0 && msgSeqNum >= resendChunkEnd) {
            nextChunk(msgSeqNum + 1, nowNanos);
        } else if (msgSeqNum >= resendTargetEnd) {
            resendPending = false;
        }
    }

    /** The end of the chunk in progress, or 0 when none (to compare before and after a gap fill). */
    int chunkEnd() {
        return resendPending ? resendChunkEnd : 0;
    }

    /**
     * A SequenceReset-GapFill to {@code newSeqNo} that reaches the end of the chunk that was
     * in progress before it asks for the next chunk at once (acceptance variant
     * resendRequestChunkSize).
     */
    void gapFilled(int newSeqNo, int chunkEndBefore, long nowNanos) {
        if (chunkEndBefore != 0 && newSeqNo >= chunkEndBefore && resendPending && resendChunkEnd == chunkEndBefore) {
            nextChunk(newSeqNo, nowNanos);
        }
    }

    private void nextChunk(int nextExpected, long nowNanos) {
        if (nextExpected > resendTargetEnd) {
            resendPending = false;
            return;
        }
        int chunk = rules.resendRequestChunkSize();
        requestChunk(nextExpected, nextExpected + chunk - 1 < resendTargetEnd ? nextExpected + chunk - 1 : 0, nowNanos);
    }

    private void requestChunk(int beginSeqNo, int endSeqNo, long nowNanos) {
        resendChunkEnd = endSeqNo;
        writer.beginResendRequest(beginSeqNo, endSeqNo == 0 ? rules.infiniteEndSeqNo() : endSeqNo, nowNanos);
        sender.sendAdmin(nowNanos);
    }
}
