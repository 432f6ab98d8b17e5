package io.tagwire.session;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Answers a ResendRequest(2) from the store: application messages go out again with
 * PossDupFlag=Y and OrigSendingTime; admin messages, messages the store no longer has and
 * messages the application declines to resend become SequenceReset-GapFill, one per run.
 */
final class ResendResponder implements MessageStore.MessageHandler {
    private final FixMessage stored = new FixMessage();
    private final SessionWriter writer;
    private final MessageStore store;
    /** MsgTypeKey of SequenceReset(4). */
    private static final long SEQUENCE_RESET = '4';

    private Session session;
    private Application application;
    private long nowNanos;
    private int gapStart;
    private int nextExpected;

    ResendResponder(SessionWriter writer, MessageStore store) {
        this.writer = writer;
        this.store = store;
    }

    void bind(Session session, Application application) {
        this.session = session;
        this.application = application;
    }

    /** Resends [beginSeqNo, endSeqNo] (endSeqNo already bounded by the last MsgSeqNum sent). */
    void resend(int beginSeqNo, int endSeqNo, long nowNanos) {
        this.nowNanos = nowNanos;
        gapStart = 0;
        nextExpected = beginSeqNo;
        if (endSeqNo >= beginSeqNo) {
            try {
                store.sentMessages(beginSeqNo, endSeqNo, this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read sent messages " + beginSeqNo + ".." + endSeqNo, e);
            }
        }
        if (nextExpected <= endSeqNo && gapStart == 0) {
            gapStart = nextExpected;
        }
        if (gapStart != 0) {
            gapFill(gapStart, endSeqNo + 1);
        }
    }

    @Override
    public void onMessage(int msgSeqNum, byte[] buffer, int offset, int length) {
        if (msgSeqNum > nextExpected && gapStart == 0) {
            gapStart = nextExpected;
        }
        nextExpected = msgSeqNum + 1;
        stored.parse(buffer, offset, length);
        if (SessionWriter.isAdmin(stored.msgTypeKey())) {
            if (gapStart == 0) {
                gapStart = msgSeqNum;
            }
            return;
        }
        writer.beginResend(stored, nowNanos);
        OutboundMessage outbound = writer.outbound();
        outbound.wrap(writer.encoder(), stored.msgTypeKey(), msgSeqNum, nowNanos);
        boolean send = application.toApp(outbound, session, true);
        outbound.finished();
        if (!send) {
            if (gapStart == 0) {
                gapStart = msgSeqNum;
            }
            return;
        }
        if (gapStart != 0) {
            gapFill(gapStart, msgSeqNum);
            gapStart = 0;
        }
        writer.sendUnstored(nowNanos);
    }

    /** A SequenceReset-GapFill(4) from {@code msgSeqNum} to {@code newSeqNo}, shown to toAdmin as admin messages are. */
    private void gapFill(int msgSeqNum, int newSeqNo) {
        FixEncoder gap = writer.beginGapFill(msgSeqNum, newSeqNo, nowNanos);
        OutboundMessage outbound = writer.outbound();
        outbound.wrap(gap, SEQUENCE_RESET, msgSeqNum, nowNanos);
        application.toAdmin(outbound, session);
        outbound.finished();
        writer.sendGapFill(nowNanos);
    }
}
