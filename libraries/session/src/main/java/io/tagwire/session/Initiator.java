package io.tagwire.session;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * When and where an initiator session connects next. It starts at once with
 * SocketConnectHost/SocketConnectPort; when a connection attempt fails it tries the next
 * failover address (SocketConnectHost1/Port1, 2, ...) at once, and after the whole list
 * failed, or after a connection ended, it waits ReconnectInterval and starts again from
 * the first address. ReconnectInterval's list form ({@code 2x5;60}) is followed attempt by
 * attempt, back to its start at each logon. A connection attempt gives up after
 * LogonTimeout, TCP connect and TLS handshake together. Used by the event-loop thread only.
 */
final class Initiator {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final List<InetSocketAddress> addresses;
    private final long[] intervalNanos;
    private final long connectTimeoutNanos;
    private final TlsContext tls;
    private int addressIndex;
    private int waits;
    private long nextAttemptNanos = Long.MIN_VALUE;
    private boolean scheduled;
    private Connection connecting;
    private long connectStartNanos;

    Initiator(SessionSettings settings) {
        this.addresses = settings.socketConnectAddresses();
        List<Integer> intervals = settings.reconnectIntervals();
        this.intervalNanos = new long[intervals.size()];
        for (int i = 0; i < intervalNanos.length; i++) {
            intervalNanos[i] = intervals.get(i) * NANOS_PER_SECOND;
        }
        this.connectTimeoutNanos = SocketOptions.connectTimeoutNanos(settings);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("initiator " + settings.sessionId() + " has no SocketConnectHost");
        }
        this.tls = TlsContext.of(settings);
    }

    /** The TLS settings with SocketUseSSL=Y, else null. */
    TlsContext tls() {
        return tls;
    }

    /** The host of the address to try now, as configured: what TLS checks the certificate against. */
    String host() {
        return addresses.get(addressIndex).getHostString();
    }

    /** True when no connection is being made and it is time to try. */
    boolean due(long nowNanos) {
        return connecting == null && (!scheduled || nowNanos - nextAttemptNanos >= 0);
    }

    /** The address to try now, resolved (this may block on DNS). */
    InetSocketAddress address() {
        InetSocketAddress address = addresses.get(addressIndex);
        return new InetSocketAddress(address.getHostString(), address.getPort());
    }

    String addressText() {
        InetSocketAddress address = addresses.get(addressIndex);
        return address.getHostString() + ":" + address.getPort();
    }

    void connecting(Connection connection, long nowNanos) {
        connecting = connection;
        connectStartNanos = nowNanos;
    }

    Connection connecting() {
        return connecting;
    }

    boolean connectTimedOut(long nowNanos) {
        return connecting != null && nowNanos - connectStartNanos >= connectTimeoutNanos;
    }

    /** The TCP connection is up: the session takes over. */
    void connected() {
        connecting = null;
        scheduled = false;
    }

    /** The attempt failed: the next address at once, or a wait after the last one. */
    void connectFailed(long nowNanos) {
        connecting = null;
        addressIndex++;
        if (addressIndex >= addresses.size()) {
            addressIndex = 0;
            waitInterval(nowNanos);
        } else {
            scheduled = false;
        }
    }

    /** An established connection ended: wait, then start from the first address. */
    void disconnected(long nowNanos) {
        connecting = null;
        addressIndex = 0;
        waitInterval(nowNanos);
    }

    void loggedOn() {
        waits = 0;
    }

    private void waitInterval(long nowNanos) {
        nextAttemptNanos = nowNanos + intervalNanos[Math.min(waits, intervalNanos.length - 1)];
        scheduled = true;
        waits++;
    }

    /** Nanoseconds until the next attempt, or 0 when due. */
    long nanosUntilAttempt(long nowNanos) {
        return scheduled ? Math.max(0, nextAttemptNanos - nowNanos) : 0;
    }
}
