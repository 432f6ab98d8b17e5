package io.tagwire.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay for one connection that passes bytes on one at a time, each in its own
 * segment (TCP_NODELAY), so that the engines at both ends read TLS records and FIX
 * messages in the smallest pieces there are. Two daemon threads; test code only.
 */
final class ByteByByteProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private volatile Socket inbound;
    private volatile Socket outbound;

    ByteByByteProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::relay, "byte-by-byte-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void relay() {
        try {
            inbound = server.accept();
            outbound = new Socket();
            outbound.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
            inbound.setTcpNoDelay(true);
            outbound.setTcpNoDelay(true);
            Thread back = new Thread(() -> pump(outbound, inbound), "byte-by-byte-proxy-back");
            back.setDaemon(true);
            back.start();
            pump(inbound, outbound);
        } catch (IOException e) {
            // closed by the test
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: so does the relay
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (inbound != null) {
            closeQuietly(inbound);
        }
        if (outbound != null) {
            closeQuietly(outbound);
        }
    }
}
