package io.tagwire.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Makes the initiators' connections, without blocking the event loop on TCP: a
 * non-blocking connect, then OP_CONNECT, then the session's {@code onConnect} (which sends
 * the Logon). Where and when to connect is the session's {@link Initiator}. Name
 * resolution does block, once per attempt. Event-loop thread only; cold code.
 */
final class EngineConnector {
    private final EngineLoop loop;
    private final Selector selector;

    EngineConnector(EngineLoop loop, Selector selector) {
        this.loop = loop;
        this.selector = selector;
    }

    /** Timer tick of an initiator: gives up a connect that takes too long; connects when due. */
    void tick(EngineSession session, long now) {
        Initiator initiator = session.initiator();
        if (initiator.connectTimedOut(now)) {
            Connection connection = initiator.connecting();
            connection.close();
            session.log().warn("cannot connect to " + initiator.addressText() + ": "
                + (connection.isConnecting() ? "no answer" : "TLS handshake not done") + " within "
                + (session.settings().isSet(SettingsKey.SOCKET_CONNECT_TIMEOUT) ? "SocketConnectTimeout" : "LogonTimeout"));
            initiator.connectFailed(now);
        }
        if (session.connection() == null && initiator.due(now) && session.schedule().mayConnect(session, now)) {
            connect(session, now);
        }
    }

    private void connect(EngineSession session, long now) {
        Initiator initiator = session.initiator();
        // a failed attempt moves to the next failover address at once; after the last one it waits
        while (session.connection() == null && initiator.due(now) && !loop.stopping()) {
            if (attempt(session, initiator, now)) {
                return;
            }
        }
    }

    /** One attempt; false when it failed at once. */
    private boolean attempt(EngineSession session, Initiator initiator, long now) {
        SessionSettings settings = session.settings();
        SocketChannel channel = null;
        try {
            InetSocketAddress address = initiator.address();
            if (address.isUnresolved()) {
                throw new IOException("cannot resolve " + address.getHostString());
            }
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            session.socketOptions().apply(channel);
            if (settings.socketLocalHost().isPresent() || settings.socketLocalPort() > 0) {
                channel.bind(new InetSocketAddress(settings.socketLocalHost().orElse("0.0.0.0"),
                    settings.socketLocalPort()));
            }
            TlsContext tls = initiator.tls();
            Connection connection = new Connection(loop, channel, null, session, settings.maxMessageSize(),
                tls == null ? null : tls.clientEngine(initiator.host(), address.getPort()), now);
            session.log().event(session.id(), "connecting to " + initiator.addressText()
                + (tls == null ? "" : " with TLS"));
            initiator.connecting(connection, now);
            if (channel.connect(address)) {
                connection.key(channel.register(selector, SelectionKey.OP_READ, connection));
                tcpConnected(session, connection, now);
            } else {
                connection.connecting(true);
                connection.key(channel.register(selector, SelectionKey.OP_CONNECT, connection));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, session);
            session.log().warn("cannot connect to " + initiator.addressText() + ": " + e);
            initiator.connectFailed(now);
            return false;
        }
    }

    /** OP_CONNECT: the TCP handshake ended, one way or the other. */
    void onConnectable(Connection connection, SelectionKey key, long now) {
        EngineSession session = connection.session();
        Initiator initiator = session.initiator();
        try {
            if (!connection.channel().finishConnect()) {
                return;
            }
        } catch (IOException e) {
            connection.close();
            session.log().warn("cannot connect to " + initiator.addressText() + ": " + e.getMessage());
            initiator.connectFailed(now);
            connect(session, now);
            return;
        }
        connection.connecting(false);
        key.interestOps(SelectionKey.OP_READ);
        tcpConnected(session, connection, now);
    }

    /** TCP is up: the session takes over, or with TLS the handshake starts (its time counts in LogonTimeout). */
    private void tcpConnected(EngineSession session, Connection connection, long now) {
        if (connection.isTls()) {
            connection.flush();
        } else {
            connected(session, connection, now);
        }
    }

    /** The TLS handshake of an initiator's connection is done. */
    void established(Connection connection, long now) {
        EngineSession session = connection.session();
        if (session.initiator().connecting() == connection) {
            connected(session, connection, now);
        }
    }

    /** An initiator's connection ended before it reached the session (a failed TLS handshake): next attempt. */
    void failedBeforeSession(EngineSession session, Connection connection, String reason, long now) {
        Initiator initiator = session.initiator();
        if (initiator == null || initiator.connecting() != connection) {
            return;
        }
        session.log().warn("cannot connect to " + initiator.addressText() + ": " + reason);
        initiator.connectFailed(now);
        if (!loop.stopping()) {
            connect(session, now);
        }
    }

    private void connected(EngineSession session, Connection connection, long now) {
        session.initiator().connected();
        session.attach(connection);
        session.log().event(session.id(), "connected to " + session.initiator().addressText()
            + (connection.isTls() ? " over " + connection.transport() : ""));
        session.session().onConnect(connection, now);
    }

    /** Stops any connect in progress: the engine is stopping. */
    void abandon(EngineSession session) {
        Initiator initiator = session.initiator();
        if (initiator != null && initiator.connecting() != null) {
            initiator.connecting().close();
            initiator.connected();
        }
    }

    private static void closeQuietly(SocketChannel channel, EngineSession session) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            session.log().warn("cannot close a failed connection: " + e.getMessage());
        }
    }
}
