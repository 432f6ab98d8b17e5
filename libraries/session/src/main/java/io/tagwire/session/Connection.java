package io.tagwire.session;

import io.tagwire.codec.FixFramer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One TCP connection of the engine: reads and frames inbound bytes into whole messages
 * for its session, and is the session's {@link SessionOutput}. Used by the event-loop
 * thread only.
 *
 * <p>Inbound bytes go into one reusable heap buffer that is compacted after each read;
 * {@link FixFramer} finds the messages, which are handed to the session in place. Outbound
 * bytes are copied into a bounded buffer and written to the socket at once, or, while the
 * connection is corked (the engine is handling a batch: the messages of one read, or a
 * drain of the send ring), at the end of the batch, so a burst costs one system call. What
 * the socket does not take stays buffered and OP_WRITE is registered; when the buffer
 * would overflow its bound, {@link #write} returns false and the session treats the
 * counterparty as too slow.
 *
 * <p>An acceptor's connection is bound to no session until its first message, a Logon(A),
 * names one ({@link Acceptor#bind}).
 */
final class Connection implements SessionOutput {
    static final int INITIAL_OUTBOUND_BYTES = 64 * 1024;
    static final int MAX_OUTBOUND_BYTES = 4 * 1024 * 1024;
    private static final int READ_HEADROOM = 16 * 1024;

    private final EngineLoop loop;
    private final SocketChannel channel;
    private final Acceptor acceptor;
    private final long openedNanos;
    private final FixFramer framer;
    private final byte[] readBytes;
    private final ByteBuffer readBuffer;
    private final int maxOutboundBytes;
    private byte[] outBytes;
    private ByteBuffer outBuffer;
    private int outStart;
    private int outEnd;
    private SelectionKey key;
    private EngineSession session;
    private boolean connecting;
    private boolean corked;
    private boolean closed;
    private String description;

    /**
     * @param acceptor the acceptor that accepted it, null for an initiator's connection
     * @param session the initiator's session, null for an accepted connection
     */
    Connection(EngineLoop loop, SocketChannel channel, Acceptor acceptor, EngineSession session, int maxMessageSize,
               long nowNanos) {
        this.loop = loop;
        this.channel = channel;
        this.acceptor = acceptor;
        this.session = session;
        this.openedNanos = nowNanos;
        this.framer = new FixFramer(maxMessageSize);
        this.readBytes = new byte[maxMessageSize + READ_HEADROOM];
        this.readBuffer = ByteBuffer.wrap(readBytes);
        this.maxOutboundBytes = Math.max(MAX_OUTBOUND_BYTES, 2 * maxMessageSize);
        this.outBytes = new byte[INITIAL_OUTBOUND_BYTES];
        this.outBuffer = ByteBuffer.wrap(outBytes);
    }

    void key(SelectionKey key) {
        this.key = key;
    }

    SocketChannel channel() {
        return channel;
    }

    EngineSession session() {
        return session;
    }

    /** The acceptor of an accepted connection, null for an initiator's. */
    Acceptor acceptor() {
        return acceptor;
    }

    long openedNanos() {
        return openedNanos;
    }

    boolean isClosed() {
        return closed;
    }

    void connecting(boolean value) {
        connecting = value;
    }

    boolean isConnecting() {
        return connecting;
    }

    /** Binds an accepted connection to the session its Logon named. */
    void bind(EngineSession bound) {
        session = bound;
    }

    // ---- inbound ----------------------------------------------------------------------------

    /** OP_READ: reads once and hands every whole message to the session. */
    void onReadable(long nowNanos) {
        int read;
        try {
            read = channel.read(readBuffer);
        } catch (IOException e) {
            fail("read failed: " + e.getMessage());
            return;
        }
        if (read < 0) {
            fail("connection closed by counterparty");
            return;
        }
        int limit = readBuffer.position();
        int offset = 0;
        corked = true;
        try {
            while (!closed) {
                int result = framer.scan(readBytes, offset, limit);
                if (result == FixFramer.NEED_MORE) {
                    break;
                }
                int start = offset;
                offset += framer.consumed();
                if (result == FixFramer.FRAME) {
                    onFrame(start, framer.frameLength(), framer.checksumValid(), nowNanos);
                } else {
                    onGarbled(framer.consumed(), framer.garbledReason());
                }
            }
        } finally {
            corked = false;
        }
        if (closed) {
            return;
        }
        flush();
        if (offset < limit) {
            System.arraycopy(readBytes, offset, readBytes, 0, limit - offset);
        }
        readBuffer.position(limit - offset);
        if (!readBuffer.hasRemaining()) {
            // cannot happen with a framer bounded by MaxMessageSize; never spin on a full buffer
            fail("inbound buffer full");
        }
    }

    private void onFrame(int offset, int length, boolean checksumValid, long nowNanos) {
        EngineSession target = session;
        if (target == null) {
            target = acceptor.bind(this, readBytes, offset, length, checksumValid, nowNanos);
            if (target == null) {
                return;
            }
        }
        Slf4jSessionLog log = target.log();
        if (log.inboundEnabled()) {
            log.inbound(readBytes, offset, length);
        }
        target.session().onMessage(readBytes, offset, length, checksumValid, nowNanos);
    }

    private void onGarbled(int bytes, int reason) {
        if (session == null) {
            acceptor.refuse(this, "garbled first message");
            return;
        }
        loop.garbled(this, bytes, reason);
    }

    // ---- outbound ---------------------------------------------------------------------------

    @Override
    public boolean write(byte[] buffer, int offset, int length) {
        if (closed) {
            // the session learns of the close right after the current event; it drops nothing it stored
            return true;
        }
        if (outEnd + length > outBytes.length) {
            if (!makeRoom(length)) {
                return false;
            }
            if (closed) {
                return true;
            }
        }
        System.arraycopy(buffer, offset, outBytes, outEnd, length);
        outEnd += length;
        if (!corked) {
            flush();
        }
        return true;
    }

    private boolean makeRoom(int length) {
        flush();
        if (closed) {
            return true;
        }
        int pending = outEnd - outStart;
        if (outStart > 0) {
            System.arraycopy(outBytes, outStart, outBytes, 0, pending);
            outStart = 0;
            outEnd = pending;
        }
        if (pending + length <= outBytes.length) {
            return true;
        }
        if (pending + length > maxOutboundBytes) {
            return false;
        }
        // grows rarely and up to a bound: a resend or a slow counterparty, not steady traffic
        int capacity = outBytes.length;
        while (capacity < pending + length) {
            capacity *= 2;
        }
        byte[] larger = new byte[Math.min(capacity, maxOutboundBytes)];
        System.arraycopy(outBytes, 0, larger, 0, pending);
        outBytes = larger;
        outBuffer = ByteBuffer.wrap(larger);
        return true;
    }

    /** Holds writes back until {@link #uncork()}; for a batch of messages. */
    void cork() {
        corked = true;
    }

    void uncork() {
        corked = false;
        flush();
    }

    /** Writes what the socket takes; registers OP_WRITE for the rest. */
    void flush() {
        if (closed || outStart == outEnd || connecting) {
            return;
        }
        try {
            outBuffer.limit(outEnd).position(outStart);
            channel.write(outBuffer);
            outStart = outBuffer.position();
        } catch (IOException e) {
            fail("write failed: " + e.getMessage());
            return;
        }
        if (outStart == outEnd) {
            outStart = 0;
            outEnd = 0;
            if (key != null && (key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                key.interestOps(SelectionKey.OP_READ);
            }
        } else if (key != null && (key.interestOps() & SelectionKey.OP_WRITE) == 0) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    /** Bytes written by the session but not yet taken by the socket. */
    int pendingBytes() {
        return outEnd - outStart;
    }

    // ---- closing ----------------------------------------------------------------------------

    /** The session ends the connection (it has sent what it had to, e.g. a Logout). */
    @Override
    public void disconnect(String reason) {
        if (closed) {
            return;
        }
        close();
        loop.disconnected(this, reason, false);
    }

    /** The engine ends the connection: the session learns of it right after the current event. */
    void fail(String reason) {
        if (closed) {
            return;
        }
        close();
        loop.disconnected(this, reason, true);
    }

    /** Closes the socket after a last try to send what is buffered; nobody is told. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (outStart < outEnd && !connecting) {
                outBuffer.limit(outEnd).position(outStart);
                channel.write(outBuffer);
            }
        } catch (IOException e) {
            loop.closeFailed(this, e);
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            loop.closeFailed(this, e);
        }
    }

    /** For logs: the remote address. This method allocates memory. */
    @Override
    public String toString() {
        if (description == null) {
            try {
                description = String.valueOf(channel.getRemoteAddress());
            } catch (IOException e) {
                description = "unconnected";
            }
        }
        return description;
    }
}
