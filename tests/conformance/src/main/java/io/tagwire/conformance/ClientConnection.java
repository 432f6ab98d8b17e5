package io.tagwire.conformance;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixFramer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One scripted client's TCP connection. A reader thread frames what the acceptor sends into
 * a FIFO queue of whole messages; when the acceptor closes the connection, a close marker
 * follows the last message and {@link #awaitClosedByAcceptor} returns.
 */
final class ClientConnection implements AutoCloseable {
    private static final int MAX_MESSAGE_LENGTH = 1 << 20;

    /** An inbound message, or the marker that the acceptor closed the connection. */
    record Inbound(String message, String closeReason) {
        boolean isClose() {
            return message == null;
        }
    }

    private final int client;
    private final Socket socket;
    private final OutputStream out;
    private final BlockingDeque<Inbound> inbound = new LinkedBlockingDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Consumer<String> log;
    private final Thread reader;
    private volatile boolean closing;

    private ClientConnection(int client, Socket socket, Consumer<String> log) throws IOException {
        this.client = client;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.log = log;
        InputStream in = socket.getInputStream();
        this.reader = new Thread(() -> read(in), "conformance-client-" + client + "-reader");
        this.reader.setDaemon(true);
    }

    /** Connects to {@code host:port} and starts the reader thread. */
    static ClientConnection open(int client, String host, int port, Duration connectTimeout, Consumer<String> log)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            ClientConnection connection = new ClientConnection(client, socket, log);
            connection.reader.start();
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void send(byte[] message) throws IOException {
        out.write(message);
        out.flush();
    }

    /**
     * The next message the acceptor sent, or the close marker if it closed the connection
     * and every message before that was taken; null if nothing came within {@code timeout}.
     */
    Inbound next(Duration timeout) throws InterruptedException {
        Inbound next = inbound.pollFirst(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (next != null && next.isClose()) {
            // the marker stays, so every later take sees the closed connection too
            inbound.offerFirst(next);
        }
        return next;
    }

    /** Whether the acceptor closed the connection (or it broke) within {@code timeout}. */
    boolean awaitClosedByAcceptor(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes the socket, whatever state it is in, and waits briefly for the reader thread. */
    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.accept("client " + client + ": error closing socket: " + e);
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(InputStream in) {
        FixFramer framer = new FixFramer(MAX_MESSAGE_LENGTH);
        byte[] buffer = new byte[16 * 1024];
        int limit = 0;
        String closeReason = "closed by the acceptor";
        try {
            while (true) {
                if (limit == buffer.length) {
                    // the framer drops anything declared longer than MAX_MESSAGE_LENGTH, so this stays bounded
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    break;
                }
                limit += read;
                int offset = 0;
                while (true) {
                    int result = framer.scan(buffer, offset, limit);
                    if (result == FixFramer.NEED_MORE) {
                        break;
                    }
                    if (result == FixFramer.FRAME) {
                        String message = new String(buffer, framer.frameOffset(), framer.frameLength(),
                                StandardCharsets.ISO_8859_1);
                        inbound.offerLast(new Inbound(message, null));
                    } else {
                        String garbled = Ascii.toPiped(buffer, offset, framer.consumed());
                        log.accept("client " + client + ": dropped garbled bytes from the acceptor: " + garbled);
                    }
                    offset += framer.consumed();
                }
                System.arraycopy(buffer, offset, buffer, 0, limit - offset);
                limit -= offset;
            }
        } catch (IOException e) {
            closeReason = closing ? "closed by the runner" : "broken: " + e.getMessage();
        } finally {
            inbound.offerLast(new Inbound(null, closeReason));
            closed.countDown();
        }
    }
}
