package io.tagwire.perf;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The floor: a raw TCP ping-pong of a {@value #MESSAGE_BYTES}-byte message over loopback,
 * with blocking sockets (each side sleeps in read) or busy-spinning non-blocking sockets
 * (each side polls read). No FIX, no parsing: what any engine's round trip is built on.
 */
final class TcpFloor {
    static final int MESSAGE_BYTES = 200;

    private TcpFloor() {
    }

    /** The counterparty: echoes every message of one connection on its own thread. */
    static final class Echo implements Counterparty.Side {
        private final boolean spin;
        private final ServerSocketChannel server;
        private final AtomicLong echoed = new AtomicLong();
        private final Thread thread;

        Echo(boolean spin) throws IOException {
            this.spin = spin;
            this.server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            this.thread = new Thread(this::serve, "tcp-echo");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public int port() throws IOException {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        }

        private void serve() {
            try (SocketChannel channel = server.accept()) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(!spin);
                ByteBuffer buffer = ByteBuffer.allocateDirect(MESSAGE_BYTES);
                while (true) {
                    buffer.clear();
                    if (!readFully(channel, buffer)) {
                        return;
                    }
                    buffer.flip();
                    echoed.lazySet(echoed.get() + 1);
                    writeFully(channel, buffer);
                }
            } catch (IOException e) {
                // the harness closed the connection: the run is over
            }
        }

        @Override
        public long received() {
            return echoed.get();
        }

        @Override
        public long answered() {
            return echoed.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /**
     * The harness side: {@code warmUp} then {@code measured} one-at-a-time round trips,
     * each recorded in nanoseconds in {@code histogram}.
     */
    static Run pingPong(int port, boolean spin, int warmUp, int measured, Histogram histogram) throws IOException {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(!spin);
            ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE_BYTES);
            ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE_BYTES);
            for (int i = 0; i < MESSAGE_BYTES; i++) {
                out.put(i, (byte) ('A' + i % 26));
            }
            long mismatches = 0;
            long start = 0;
            for (int i = 0; i < warmUp + measured; i++) {
                if (i == warmUp) {
                    start = System.nanoTime();
                }
                out.clear();
                out.putInt(0, i);
                in.clear();
                long sent = System.nanoTime();
                writeFully(channel, out);
                if (!readFully(channel, in)) {
                    throw new EOFException("the echo closed the connection after " + i + " messages");
                }
                long nanos = System.nanoTime() - sent;
                if (in.getInt(0) != i) {
                    mismatches++;
                }
                if (i >= warmUp) {
                    histogram.recordValue(nanos);
                }
            }
            return new Run(warmUp + measured, warmUp + measured - mismatches, measured, System.nanoTime() - start);
        }
    }

    private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
