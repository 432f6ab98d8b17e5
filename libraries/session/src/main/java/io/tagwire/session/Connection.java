package io.tagwire.session;

import io.tagwire.codec.FixFramer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

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
 * <p>With TLS a {@link TlsChannel} sits between these buffers and the socket: the handshake
 * runs first (the event loop learns when it is done, or why it failed), then plaintext is
 * encrypted on flush and decrypted on read, with no other change.
 *
 * <p>A counterparty that sends nothing but garbled input is disconnected
 * ({@link GarbledInputLimit}): the framer never buffers more than one message, and this
 * keeps a flood from holding a connection forever.
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
    private final GarbledInputLimit garbled;
    private final TlsChannel tls;
    private byte[] outBytes;
    private ByteBuffer outBuffer;
    private int outStart;
    private int outEnd;
    private SelectionKey key;
    private EngineSession session;
    private boolean connecting;
    private boolean corked;
    private boolean closed;
    private boolean established;
    private String description;

    /**
     * @param acceptor the acceptor that accepted it, null for an initiator's connection
     * @param session the initiator's session, null for an accepted connection
     * @param tlsEngine the TLS engine, null for plain TCP
     * @throws SSLException if the TLS handshake cannot begin
     */
    Connection(EngineLoop loop, SocketChannel channel, Acceptor acceptor, EngineSession session, int maxMessageSize,
               SSLEngine tlsEngine, long nowNanos) throws SSLException {
        this.loop = loop;
        this.channel = channel;
        this.acceptor = acceptor;
        this.session = session;
        this.openedNanos = nowNanos;
        this.framer = new FixFramer(maxMessageSize);
        this.tls = tlsEngine == null ? null : new TlsChannel(tlsEngine, channel);
        this.established = tls == null;
        // with TLS, one record's plaintext must fit beside a partial message
        int headroom = tls == null ? READ_HEADROOM : Math.max(READ_HEADROOM, TlsChannel.applicationBufferSize(tlsEngine));
        this.readBytes = new byte[maxMessageSize + headroom];
        this.garbled = new GarbledInputLimit(maxMessageSize);
        this.readBuffer = ByteBuffer.wrap(readBytes);
        this.maxOutboundBytes = Math.max(MAX_OUTBOUND_BYTES, 2 * maxMessageSize);
        if (channel.isConnected()) {
            // an accepted connection: named now, for the log lines written after it closed
            toString();
        }
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

    boolean isTls() {
        return tls != null;
    }

    /** TLS records received and not yet decrypted: the plaintext buffer or the socket was full. */
    boolean hasBufferedTlsInput() {
        return tls != null && tls.hasBufferedInput();
    }

    /** For logs: {@code TLSv1.3 TLS_AES_128_GCM_SHA256}, or {@code TCP}. This method allocates memory. */
    String transport() {
        return tls == null ? "TCP" : tls.protocol() + " " + tls.cipherSuite();
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
            read = tls == null ? channel.read(readBuffer) : tls.read(readBuffer);
        } catch (IOException e) {
            fail(failure("read failed", e));
            return;
        }
        onRead(read, nowNanos);
    }

    /**
     * Busy-spin may {@link #poll} this connection: plain TCP, connected and bound to a
     * session. Connecting, handshaking and TLS connections wait for the selector.
     */
    boolean pollable() {
        return tls == null && !closed && !connecting && session != null;
    }

    /**
     * Busy-spin: reads without asking the selector first, which saves a system call per
     * message, and writes what waits for the socket; false when nothing was read.
     */
    boolean poll(long nowNanos) {
        int read;
        try {
            read = channel.read(readBuffer);
        } catch (IOException e) {
            fail(failure("read failed", e));
            return true;
        }
        if (read == 0) {
            if (outStart != outEnd) {
                flush();
            }
            return false;
        }
        onRead(read, nowNanos);
        return true;
    }

    private void onRead(int read, long nowNanos) {
        if (read < 0) {
            fail(established ? "connection closed by counterparty" : "TLS handshake failed: connection closed by "
                + "counterparty (not a TLS port? our certificate refused?)");
            return;
        }
        if (!established && !checkEstablished(nowNanos)) {
            // handshake messages the socket did not take yet wait for OP_WRITE
            flush();
            return;
        }
        deliver(nowNanos);
        // TLS: a read may bring more records than the plaintext buffer takes at once
        while (tls != null && !closed && tls.hasBufferedInput()) {
            try {
                if (tls.unwrap(readBuffer) <= 0) {
                    break;
                }
            } catch (IOException e) {
                fail(failure("read failed", e));
                return;
            }
            deliver(nowNanos);
        }
        if (!closed) {
            flush();
        }
    }

    /** Hands every whole message in the read buffer to the session and keeps the rest. */
    private void deliver(long nowNanos) {
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
        if (checksumValid) {
            garbled.good();
        } else if (tooMuchGarbled(length)) {
            return;
        }
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
        if (!tooMuchGarbled(bytes)) {
            loop.garbled(this, bytes, reason);
        }
    }

    /** Counts garbled input; true (and the connection failed) when a flood of it has no message in between. */
    private boolean tooMuchGarbled(int bytes) {
        if (garbled.exceeded(bytes)) {
            fail(garbled.reason());
            return true;
        }
        return false;
    }

    /** TLS: tells the loop once the handshake is done; false if it is not (or the connection closed). */
    private boolean checkEstablished(long nowNanos) {
        if (!tls.established()) {
            return false;
        }
        established = true;
        loop.tlsEstablished(this, nowNanos);
        return !closed;
    }

    /** The reason for a failed read or write; a TLS failure says so, with the JDK's words for the cause. */
    private String failure(String what, IOException e) {
        if (!(e instanceof SSLException)) {
            // a reset during the handshake is most often the server refusing our certificate (or our lack of one)
            return established ? what + ": " + e.getMessage() : "TLS handshake failed: " + what + ": " + e.getMessage()
                + " (not a TLS port? our certificate refused?)";
        }
        String text = (established ? "TLS failed: " : "TLS handshake failed: ") + e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text += " (" + cause.getMessage() + ")";
        }
        return text;
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

    /** Writes what the socket takes; registers OP_WRITE for the rest. With TLS, also handshake messages. */
    void flush() {
        if (closed || connecting || outStart == outEnd && (tls == null || established && !tls.hasPendingOutput())) {
            return;
        }
        boolean drained;
        try {
            outBuffer.limit(outEnd).position(outStart);
            if (tls == null) {
                channel.write(outBuffer);
                drained = !outBuffer.hasRemaining();
            } else {
                drained = tls.write(outBuffer);
            }
            outStart = outBuffer.position();
        } catch (IOException e) {
            fail(failure("write failed", e));
            return;
        }
        if (outStart == outEnd) {
            outStart = 0;
            outEnd = 0;
        }
        if (!established && tls.established()) {
            // an initiator's session sends its Logon from in here; then one more pass sets OP_WRITE right
            checkEstablished(loop.now());
            flush();
            return;
        }
        if (drained) {
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

    /**
     * True while a quarter of the outbound bound waits for the socket: the event loop then
     * leaves queued messages in the send ring, so that {@link Engine#send} reports back-pressure
     * instead of the buffer reaching its bound and the session disconnecting.
     */
    boolean backedUp() {
        return outEnd - outStart > maxOutboundBytes / 4;
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
                if (tls == null) {
                    channel.write(outBuffer);
                } else {
                    tls.write(outBuffer);
                }
            }
        } catch (IOException e) {
            loop.closeFailed(this, e);
        }
        if (tls != null && !connecting) {
            tls.closeOutbound();
        }
        if (acceptor != null) {
            acceptor.closed(this);
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
