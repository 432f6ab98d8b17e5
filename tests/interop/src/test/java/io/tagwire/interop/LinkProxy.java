package io.tagwire.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay between an initiator and an acceptor that can lose traffic like a failing
 * network: {@link #dropToInitiator()} and {@link #dropToAcceptor()} make the current link
 * discard what it reads in that direction (the bytes are in flight and never arrive),
 * and when either end closes, or on {@link #cut()}, the link resets both sockets at once,
 * discarding whatever is buffered. Each new connection gets a fresh link that forwards
 * everything. Bytes are relayed as they are, so TLS passes through.
 */
final class LinkProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final AtomicReference<Link> current = new AtomicReference<>();
    private final AtomicInteger links = new AtomicInteger();
    private final Thread acceptThread;
    private volatile boolean closed;

    LinkProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptThread = new Thread(this::acceptLoop, "proxy-accept-" + server.getLocalPort());
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections relayed so far. */
    int links() {
        return links.get();
    }

    /** The current link loses everything the acceptor sends from now on. */
    void dropToInitiator() {
        Link link = current.get();
        if (link != null) {
            link.dropToInitiator.set(true);
        }
    }

    /** The current link loses everything the initiator sends from now on. */
    void dropToAcceptor() {
        Link link = current.get();
        if (link != null) {
            link.dropToAcceptor.set(true);
        }
    }

    /** Resets both sockets of the current link, as a network failure would. */
    void cut() {
        Link link = current.get();
        if (link != null) {
            link.reset();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket initiator;
            try {
                initiator = server.accept();
            } catch (IOException e) {
                return;
            }
            Socket acceptor = new Socket();
            try {
                acceptor.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                initiator.setTcpNoDelay(true);
                acceptor.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(initiator);
                closeQuietly(acceptor);
                continue;
            }
            Link link = new Link(initiator, acceptor);
            Link previous = current.getAndSet(link);
            if (previous != null) {
                previous.reset();
            }
            links.incrementAndGet();
            link.start();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cut();
        try {
            acceptThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing what may already be closed, while tearing down: nothing to do about it
        }
    }

    /** One relayed connection: two pumps, and a reset that ends both. */
    private static final class Link {
        private final Socket initiator;
        private final Socket acceptor;
        private final AtomicBoolean dropToInitiator = new AtomicBoolean();
        private final AtomicBoolean dropToAcceptor = new AtomicBoolean();
        private final AtomicBoolean reset = new AtomicBoolean();

        Link(Socket initiator, Socket acceptor) {
            this.initiator = initiator;
            this.acceptor = acceptor;
        }

        void start() {
            pump(initiator, acceptor, dropToAcceptor, "proxy-to-acceptor");
            pump(acceptor, initiator, dropToInitiator, "proxy-to-initiator");
        }

        private void pump(Socket from, Socket to, AtomicBoolean drop, String name) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[64 * 1024];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        if (!drop.get()) {
                            out.write(buffer, 0, read);
                        }
                    }
                } catch (IOException e) {
                    // one end is gone: the link ends below
                }
                reset();
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** SO_LINGER 0: close sends RST and discards unsent data, so nothing buffered gets through. */
        void reset() {
            if (!reset.compareAndSet(false, true)) {
                return;
            }
            for (Socket socket : new Socket[] {initiator, acceptor}) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (SocketException e) {
                    // already closed
                }
                closeQuietly(socket);
            }
        }
    }
}
