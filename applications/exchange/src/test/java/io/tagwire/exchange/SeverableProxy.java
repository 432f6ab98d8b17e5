package io.tagwire.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the exchange that a test can sever: {@link #holdToClient()} stops
 * forwarding what the exchange sends (it stays in the socket buffers, in flight),
 * {@link #sever()} closes every connection, and what was held is lost with it. New
 * connections are forwarded again (a reconnecting client gets through).
 */
final class SeverableProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean holding;
    private volatile boolean closed;

    SeverableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops forwarding from the exchange to the client until {@link #release()} or {@link #sever()}. */
    void holdToClient() {
        synchronized (gate) {
            holding = true;
        }
    }

    void release() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    /** Cuts every connection now; what was held or in flight is lost. Later connections are forwarded. */
    void sever() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        release();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket exchange = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                exchange.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(exchange);
                pump(client, exchange, false);
                pump(exchange, client, true);
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("proxy accept failed", e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean toClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                while (true) {
                    if (toClient) {
                        awaitNotHolding(from);
                    }
                    int read = in.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    if (toClient) {
                        awaitNotHolding(from);
                    }
                    if (from.isClosed()) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // severed, or the peer went away: close both ends below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, toClient ? "proxy-to-client" : "proxy-to-exchange");
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitNotHolding(Socket from) throws InterruptedException, SocketException {
        synchronized (gate) {
            while (holding && !from.isClosed()) {
                gate.wait(50);
            }
        }
        if (from.isClosed()) {
            throw new SocketException("severed");
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that is already broken: nothing left to do
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        sever();
        server.close();
    }
}
