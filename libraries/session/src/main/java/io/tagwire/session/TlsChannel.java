package io.tagwire.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking socket with the JDK's {@link SSLEngine}, for {@link Connection}:
 * the handshake advances as bytes arrive or the socket takes them, never blocking the
 * event loop (the engine's delegated tasks, such as certificate checks, run inline: a cost
 * paid once per connection). Two reusable buffers of one TLS record each hold what came
 * from the socket and is not yet decrypted, and what is encrypted and not yet written;
 * plaintext lives in the connection's own buffers. Event-loop thread only.
 *
 * <p>Steady state allocates nothing here; the JDK's engine itself allocates a result
 * object and cipher bookkeeping per record (see the README for the measured bytes).
 */
final class TlsChannel {
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final SocketChannel channel;
    /** Write mode: bytes read from the socket, not yet unwrapped. */
    private final ByteBuffer netIn;
    /** Read mode: bytes wrapped, not yet written to the socket. */
    private final ByteBuffer netOut;
    private boolean established;
    private boolean inboundClosed;

    TlsChannel(SSLEngine engine, SocketChannel channel) throws SSLException {
        this.engine = engine;
        this.channel = channel;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet);
        netOut.limit(0);
        engine.beginHandshake();
    }

    /** The largest plaintext one record unwraps to: the room a read buffer needs beyond a partial message. */
    static int applicationBufferSize(SSLEngine engine) {
        return engine.getSession().getApplicationBufferSize();
    }

    /** True once the first handshake is done; application data flows from then on. */
    boolean established() {
        return established;
    }

    /** The negotiated protocol, for logs: TLSv1.3. */
    String protocol() {
        return engine.getSession().getProtocol();
    }

    String cipherSuite() {
        return engine.getSession().getCipherSuite();
    }

    /**
     * Reads what the socket has and decrypts into {@code plain} (write mode), answering
     * handshake messages on the way.
     *
     * @return plaintext bytes added, or -1 when the counterparty closed (close_notify or end of stream)
     * @throws IOException on a socket error or a TLS failure (an {@link SSLException} naming the cause)
     */
    int read(ByteBuffer plain) throws IOException {
        int read = netIn.hasRemaining() ? channel.read(netIn) : 0;
        int produced = unwrap(plain);
        if (produced == 0 && (read < 0 || inboundClosed)) {
            return -1;
        }
        return produced;
    }

    /** True when bytes received wait to be decrypted: the plaintext buffer was full. */
    boolean hasBufferedInput() {
        return netIn.position() > 0 && !inboundClosed;
    }

    /** Decrypts what was received already, as far as {@code plain} has room. */
    int unwrap(ByteBuffer plain) throws IOException {
        int start = plain.position();
        while (true) {
            if (!handshake() || netIn.position() == 0 || inboundClosed) {
                break;
            }
            netIn.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, plain);
            } finally {
                netIn.compact();
            }
            SSLEngineResult.Status status = result.getStatus();
            if (status == SSLEngineResult.Status.CLOSED) {
                inboundClosed = true;
                handshake();
                break;
            }
            if (status == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                break;
            }
            if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                if (!netIn.hasRemaining()) {
                    throw new SSLException("a TLS record larger than " + netIn.capacity() + " bytes");
                }
                break;
            }
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0
                && result.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_TASK
                && result.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                // no progress and nothing for the handshake to do: wait for more bytes rather than spin
                break;
            }
        }
        checkEstablished();
        return plain.position() - start;
    }

    /**
     * Encrypts {@code plain} (read mode) and writes it, after any handshake step due; what
     * the socket does not take waits in the one-record buffer, the rest stays in
     * {@code plain}. Before the handshake is done nothing of {@code plain} is taken.
     *
     * @return true when everything is written, false to wait for OP_WRITE
     */
    boolean write(ByteBuffer plain) throws IOException {
        if (!flushNet() || !handshake()) {
            return false;
        }
        checkEstablished();
        if (!established) {
            // application data waits for the handshake, which goes on as the counterparty's messages arrive
            return true;
        }
        while (plain.hasRemaining()) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(plain, netOut);
            netOut.flip();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("TLS is closed");
            }
            if (!flushNet()) {
                return false;
            }
        }
        return true;
    }

    /** Encrypted bytes wait for the socket (OP_WRITE needed). */
    boolean hasPendingOutput() {
        return netOut.hasRemaining();
    }

    /**
     * Sends what the engine still has to say, if the socket takes it now: a handshake message
     * it had queued, then close_notify, or after a failure the alert naming the cause (which
     * the counterparty logs). Never blocks.
     */
    void closeOutbound() {
        try {
            // after a failure the engine has its alert queued already, and closing it again would muddle it
            wrapAll();
            if (!engine.isOutboundDone()) {
                engine.closeOutbound();
                wrapAll();
            }
        } catch (IOException e) {
            // the socket is closed right after: nothing more to do for a message that cannot be sent
            inboundClosed = true;
        }
    }

    private void wrapAll() throws IOException {
        for (int i = 0; i < 4 && flushNet() && !engine.isOutboundDone(); i++) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(NONE, netOut);
            netOut.flip();
            if (result.bytesProduced() == 0) {
                break;
            }
        }
        flushNet();
    }

    /**
     * Runs the engine's tasks and sends its handshake messages until it waits for input.
     * False when the socket would not take a message (wait for OP_WRITE).
     */
    private boolean handshake() throws IOException {
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK:
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    break;
                case NEED_WRAP:
                    if (!flushNet()) {
                        return false;
                    }
                    netOut.clear();
                    SSLEngineResult result = engine.wrap(NONE, netOut);
                    netOut.flip();
                    if (!flushNet()) {
                        return false;
                    }
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED && netOut.position() == 0
                        && result.bytesProduced() == 0) {
                        return true;
                    }
                    break;
                default:
                    return true;
            }
        }
    }

    private void checkEstablished() {
        if (!established && !engine.isOutboundDone()
            && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            established = true;
        }
    }

    private boolean flushNet() throws IOException {
        if (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        return !netOut.hasRemaining();
    }
}
