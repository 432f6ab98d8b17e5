package io.tagwire.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Set;

/**
 * A session's socket settings, as QuickFIX names them: SocketTcpNoDelay,
 * SocketReceiveBufferSize, SocketSendBufferSize, SocketKeepAlive, SocketLinger,
 * SocketTrafficClass and SocketReuseAddress applied to its connections, and
 * AllowedRemoteAddresses, the counterparties an acceptor's session takes a Logon from
 * (resolved once, when the session is created; empty allows any).
 */
final class SocketOptions {
    private final SessionSettings settings;
    private final Set<InetAddress> allowedRemoteAddresses;

    /** @throws IllegalArgumentException if an address in AllowedRemoteAddresses cannot be resolved */
    SocketOptions(SessionSettings settings) {
        this.settings = settings;
        this.allowedRemoteAddresses = resolve(settings);
    }

    private static Set<InetAddress> resolve(SessionSettings settings) {
        Set<InetAddress> addresses = new HashSet<>();
        if (!settings.isSet(SettingsKey.ALLOWED_REMOTE_ADDRESSES)) {
            return addresses;
        }
        for (String name : settings.text(SettingsKey.ALLOWED_REMOTE_ADDRESSES).split(",")) {
            try {
                for (InetAddress address : InetAddress.getAllByName(name.trim())) {
                    addresses.add(address);
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(settings.sessionId() + ": AllowedRemoteAddresses: cannot resolve '"
                    + name.trim() + "'", e);
            }
        }
        return addresses;
    }

    /** Whether a counterparty at {@code remote} may log on to this session. */
    boolean allows(SocketAddress remote) {
        if (allowedRemoteAddresses.isEmpty()) {
            return true;
        }
        return remote instanceof InetSocketAddress
            && allowedRemoteAddresses.contains(((InetSocketAddress) remote).getAddress());
    }

    /** Sets the options on a connection, before it connects (initiator) or once it is bound (acceptor). */
    void apply(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, settings.socketTcpNoDelay());
        if (settings.socketReceiveBufferSize() > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.socketReceiveBufferSize());
        }
        if (settings.socketSendBufferSize() > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, settings.socketSendBufferSize());
        }
        if (settings.isSet(SettingsKey.SOCKET_KEEP_ALIVE)) {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, settings.flag(SettingsKey.SOCKET_KEEP_ALIVE));
        }
        if (settings.isSet(SettingsKey.SOCKET_LINGER)) {
            channel.setOption(StandardSocketOptions.SO_LINGER, settings.number(SettingsKey.SOCKET_LINGER));
        }
        if (settings.isSet(SettingsKey.SOCKET_TRAFFIC_CLASS)) {
            channel.setOption(StandardSocketOptions.IP_TOS, settings.number(SettingsKey.SOCKET_TRAFFIC_CLASS));
        }
        if (settings.isSet(SettingsKey.SOCKET_REUSE_ADDRESS)) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, settings.flag(SettingsKey.SOCKET_REUSE_ADDRESS));
        }
    }

    /** SocketConnectTimeout in nanoseconds, or the LogonTimeout when it is not set. */
    static long connectTimeoutNanos(SessionSettings settings) {
        int seconds = settings.isSet(SettingsKey.SOCKET_CONNECT_TIMEOUT)
            ? settings.number(SettingsKey.SOCKET_CONNECT_TIMEOUT) : settings.logonTimeout();
        return seconds * 1_000_000_000L;
    }
}
