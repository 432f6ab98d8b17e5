package io.tagwire.session;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.MsgTypeKey;
import io.tagwire.codec.TimestampPrecision;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a session's outbound messages: the standard header, the admin messages, storing
 * what must be kept for resends, and handing bytes to the connection. One instance per
 * session, used on the event-loop thread only; it allocates nothing per message.
 */
final class SessionWriter {
    static final int TAG_BEGIN_STRING = 8;
    static final int TAG_BODY_LENGTH = 9;
    static final int TAG_CHECKSUM = 10;
    static final int TAG_MSG_SEQ_NUM = 34;
    static final int TAG_MSG_TYPE = 35;
    static final int TAG_POSS_DUP_FLAG = 43;
    static final int TAG_SENDER_COMP_ID = 49;
    static final int TAG_SENDING_TIME = 52;
    static final int TAG_TARGET_COMP_ID = 56;
    static final int TAG_ORIG_SENDING_TIME = 122;
    static final int TAG_LAST_MSG_SEQ_NUM_PROCESSED = 369;

    private static final byte[] HEARTBEAT = {'0'};
    private static final byte[] TEST_REQUEST = {'1'};
    private static final byte[] RESEND_REQUEST = {'2'};
    private static final byte[] REJECT = {'3'};
    private static final byte[] SEQUENCE_RESET = {'4'};
    private static final byte[] LOGOUT = {'5'};
    private static final byte[] LOGON = {'A'};
    private static final byte[] BUSINESS_MESSAGE_REJECT = {'j'};

    private final FixEncoder encoder = new FixEncoder(1024);
    private final FixEncoder gapFillEncoder = new FixEncoder(256);
    private long msgTypeKey = MsgTypeKey.NONE;
    private final OutboundMessage outbound = new OutboundMessage();
    private final byte[] beginString;
    private final byte[] senderCompId;
    private final byte[] targetCompId;
    private final TimestampPrecision precision;
    private final boolean persistMessages;
    private final boolean lastMsgSeqNumProcessed;
    private final MessageStore store;
    private SessionOutput output;
    private long lastSentNanos;
    private int lastMsgSeqNumProcessedValue;

    SessionWriter(SessionID id, TimestampPrecision precision, boolean persistMessages, boolean lastMsgSeqNumProcessed,
                  MessageStore store) {
        this.beginString = ascii(id.beginString());
        this.senderCompId = ascii(id.senderCompId());
        this.targetCompId = ascii(id.targetCompId());
        this.precision = precision;
        this.persistMessages = persistMessages;
        this.lastMsgSeqNumProcessed = lastMsgSeqNumProcessed;
        this.store = store;
    }

    static byte[] ascii(CharSequence text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }

    void output(SessionOutput output) {
        this.output = output;
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    /** LastMsgSeqNumProcessed(369) for the messages written from now on. */
    void lastMsgSeqNumProcessed(int msgSeqNum) {
        lastMsgSeqNumProcessedValue = msgSeqNum;
    }

    FixEncoder encoder() {
        return encoder;
    }

    OutboundMessage outbound() {
        return outbound;
    }

    /** MsgType(35) of the message begun last, packed by {@link MsgTypeKey}. */
    long msgTypeKey() {
        return msgTypeKey;
    }

    // ---- header -------------------------------------------------------------------------

    /** Starts a new message with the next sender MsgSeqNum; body fields follow. */
    FixEncoder begin(byte[] msgType, long nowNanos) {
        return beginWithSeqNum(msgType, store.nextSenderMsgSeqNum(), nowNanos);
    }

    FixEncoder begin(CharSequence msgType, long nowNanos) {
        msgTypeKey = MsgTypeKey.of(msgType);
        int seq = store.nextSenderMsgSeqNum();
        encoder.start(beginString, msgType).putInt(TAG_MSG_SEQ_NUM, seq);
        header(seq, nowNanos);
        return encoder;
    }

    private FixEncoder beginWithSeqNum(byte[] msgType, int msgSeqNum, long nowNanos) {
        msgTypeKey = MsgTypeKey.of(msgType, 0, msgType.length);
        encoder.start(beginString, msgType).putInt(TAG_MSG_SEQ_NUM, msgSeqNum);
        header(msgSeqNum, nowNanos);
        return encoder;
    }

    private void header(int msgSeqNum, long nowNanos) {
        encoder.putBytes(TAG_SENDER_COMP_ID, senderCompId, 0, senderCompId.length)
            .putUtcTimestamp(TAG_SENDING_TIME, nowNanos, precision)
            .putBytes(TAG_TARGET_COMP_ID, targetCompId, 0, targetCompId.length);
        if (lastMsgSeqNumProcessed) {
            encoder.putInt(TAG_LAST_MSG_SEQ_NUM_PROCESSED, lastMsgSeqNumProcessedValue);
        }
    }

    /**
     * Finishes the message begun last, stores it under its MsgSeqNum (advancing the next
     * sender MsgSeqNum) and writes it. Returns false when the connection could not take it.
     */
    boolean sendStored(long nowNanos) {
        int length = encoder.finish();
        int seq = store.nextSenderMsgSeqNum();
        try {
            if (persistMessages) {
                store.storeSent(seq, encoder.buffer(), encoder.messageOffset(), length);
            } else {
                store.nextSenderMsgSeqNum(seq + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store sent message " + seq, e);
        }
        return write(length, nowNanos);
    }

    /** Finishes and writes a message that is not stored and uses no new MsgSeqNum (resends, gap fills). */
    boolean sendUnstored(long nowNanos) {
        return write(encoder.finish(), nowNanos);
    }

    private boolean write(int length, long nowNanos) {
        lastSentNanos = nowNanos;
        SessionOutput out = output;
        return out == null || out.write(encoder.buffer(), encoder.messageOffset(), length);
    }

    // ---- admin messages -----------------------------------------------------------------

    /** Begins a Logon(A); the caller adds fields, calls toAdmin and {@link #sendStored}. */
    FixEncoder beginLogon(long nowNanos) {
        return begin(LOGON, nowNanos);
    }

    FixEncoder beginHeartbeat(long nowNanos) {
        return begin(HEARTBEAT, nowNanos);
    }

    FixEncoder beginTestRequest(long nowNanos) {
        return begin(TEST_REQUEST, nowNanos);
    }

    FixEncoder beginResendRequest(int beginSeqNo, int endSeqNo, long nowNanos) {
        return begin(RESEND_REQUEST, nowNanos).putInt(7, beginSeqNo).putInt(16, endSeqNo);
    }

    FixEncoder beginLogout(long nowNanos) {
        return begin(LOGOUT, nowNanos);
    }

    FixEncoder beginReject(long nowNanos) {
        return begin(REJECT, nowNanos);
    }

    FixEncoder beginBusinessMessageReject(long nowNanos) {
        return begin(BUSINESS_MESSAGE_REJECT, nowNanos);
    }

    /**
     * Begins a SequenceReset-GapFill(4) sent in answer to a ResendRequest: it takes the
     * MsgSeqNum of the first message it replaces, PossDupFlag=Y, and OrigSendingTime equal
     * to SendingTime. Its own encoder, as a resent message may wait in {@link #encoder()};
     * the caller calls toAdmin and {@link #sendGapFill}.
     */
    FixEncoder beginGapFill(int msgSeqNum, int newSeqNo, long nowNanos) {
        FixEncoder gap = gapFillEncoder;
        gap.start(beginString, SEQUENCE_RESET).putInt(TAG_MSG_SEQ_NUM, msgSeqNum).putBoolean(TAG_POSS_DUP_FLAG, true)
            .putBytes(TAG_SENDER_COMP_ID, senderCompId, 0, senderCompId.length)
            .putUtcTimestamp(TAG_SENDING_TIME, nowNanos, precision)
            .putBytes(TAG_TARGET_COMP_ID, targetCompId, 0, targetCompId.length);
        if (lastMsgSeqNumProcessed) {
            gap.putInt(TAG_LAST_MSG_SEQ_NUM_PROCESSED, lastMsgSeqNumProcessedValue);
        }
        return gap.putUtcTimestamp(TAG_ORIG_SENDING_TIME, nowNanos, precision).putInt(36, newSeqNo).putBoolean(123, true);
    }

    /** Sends the gap fill begun by {@link #beginGapFill}; false when the connection's buffer is full. */
    boolean sendGapFill(long nowNanos) {
        FixEncoder gap = gapFillEncoder;
        int length = gap.finish();
        lastSentNanos = nowNanos;
        SessionOutput out = output;
        return out == null || out.write(gap.buffer(), gap.messageOffset(), length);
    }

    /**
     * Resends a stored message: same MsgSeqNum and body, PossDupFlag(43)=Y,
     * OrigSendingTime(122) = the original SendingTime, a new SendingTime. The message is
     * left in {@link #encoder()} for the caller to finish (after toApp).
     */
    FixEncoder beginResend(FixMessage stored, long nowNanos) {
        int typeIndex = stored.indexOf(TAG_MSG_TYPE);
        int seqIndex = stored.indexOf(TAG_MSG_SEQ_NUM);
        int sentIndex = stored.indexOf(TAG_SENDING_TIME);
        byte[] buffer = stored.buffer();
        encoder.start(beginString, msgTypeBytes(stored, typeIndex))
            .putBytes(TAG_MSG_SEQ_NUM, buffer, stored.valueOffset(seqIndex), stored.valueLength(seqIndex))
            .putBoolean(TAG_POSS_DUP_FLAG, true)
            .putBytes(TAG_SENDER_COMP_ID, senderCompId, 0, senderCompId.length)
            .putUtcTimestamp(TAG_SENDING_TIME, nowNanos, precision)
            .putBytes(TAG_TARGET_COMP_ID, targetCompId, 0, targetCompId.length);
        if (sentIndex >= 0) {
            encoder.putBytes(TAG_ORIG_SENDING_TIME, buffer, stored.valueOffset(sentIndex), stored.valueLength(sentIndex));
        }
        for (int i = 0, n = stored.fieldCount(); i < n; i++) {
            int tag = stored.tagAt(i);
            if (!isRewrittenOnResend(tag)) {
                encoder.putBytes(tag, buffer, stored.valueOffset(i), stored.valueLength(i));
            }
        }
        return encoder;
    }

    private final byte[][] msgTypeBySize = {new byte[0], new byte[1], new byte[2], new byte[3], new byte[4],
        new byte[5], new byte[6], new byte[7], new byte[8]};

    private byte[] msgTypeBytes(FixMessage message, int index) {
        int length = Math.min(8, message.valueLength(index));
        byte[] target = msgTypeBySize[length];
        System.arraycopy(message.buffer(), message.valueOffset(index), target, 0, length);
        return target;
    }

    private static boolean isRewrittenOnResend(int tag) {
        switch (tag) {
            case TAG_BEGIN_STRING:
            case TAG_BODY_LENGTH:
            case TAG_CHECKSUM:
            case TAG_MSG_SEQ_NUM:
            case TAG_MSG_TYPE:
            case TAG_POSS_DUP_FLAG:
            case TAG_SENDER_COMP_ID:
            case TAG_SENDING_TIME:
            case TAG_TARGET_COMP_ID:
            case TAG_ORIG_SENDING_TIME:
                return true;
            default:
                return false;
        }
    }

    /** True for the session-level MsgTypes, which a resend replaces with a gap fill. */
    static boolean isAdmin(long msgTypeKey) {
        return msgTypeKey == '0' || msgTypeKey == '1' || msgTypeKey == '2' || msgTypeKey == '3'
            || msgTypeKey == '4' || msgTypeKey == '5' || msgTypeKey == 'A';
    }
}
