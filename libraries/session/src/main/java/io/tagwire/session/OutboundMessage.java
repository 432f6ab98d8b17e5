package io.tagwire.session;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;

/**
 * A message being sent, as the application sees it in {@code toAdmin}/{@code toApp}: the
 * header is already written; more body fields can be added through {@link #encoder()}
 * (before the session finishes it). {@link #message()} parses what is written so far,
 * on demand.
 */
public final class OutboundMessage {
    private final FixMessage view = new FixMessage();
    private FixEncoder encoder;
    private long msgTypeKey;
    private int msgSeqNum;
    private long sendingTimeNanos;
    private boolean finished;

    void wrap(FixEncoder encoder, long msgTypeKey, int msgSeqNum, long sendingTimeNanos) {
        this.encoder = encoder;
        this.msgTypeKey = msgTypeKey;
        this.msgSeqNum = msgSeqNum;
        this.sendingTimeNanos = sendingTimeNanos;
        this.finished = false;
    }

    void finished() {
        finished = true;
    }

    /** Where body fields are appended; only while the callback runs. */
    public FixEncoder encoder() {
        if (finished) {
            throw new IllegalStateException("the message is already finished; add fields inside the callback");
        }
        return encoder;
    }

    public long msgTypeKey() {
        return msgTypeKey;
    }

    public int msgSeqNum() {
        return msgSeqNum;
    }

    /** SendingTime(52) as written, in epoch nanoseconds (truncated to the session's precision on the wire). */
    public long sendingTimeNanos() {
        return sendingTimeNanos;
    }

    /**
     * The fields written so far, MsgType onward, parsed now (BeginString and BodyLength come
     * when the session finishes the message). Only while the callback runs.
     */
    public FixMessage message() {
        FixEncoder current = encoder();
        view.parse(current.buffer(), current.bodyOffset(), current.bodyLength());
        return view;
    }
}
