package io.tagwire.session;

import io.tagwire.codec.FixMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One listening socket (a distinct SocketAcceptAddress and SocketAcceptPort) and the
 * acceptor sessions reached through it. A new connection belongs to no session until its
 * first message: that must be a Logon(A) whose BeginString(8), TargetCompID(56) and
 * SenderCompID(49) (and Sub/LocationIDs) name one of our sessions, as our SenderCompID and
 * TargetCompID, with no live connection. Otherwise the connection is closed without a
 * reply: an unknown counterparty learns nothing, and a duplicate Logon leaves the first
 * connection untouched.
 *
 * <p>With SocketUseSSL=Y the TLS handshake comes first; its time counts in LogonTimeout,
 * and every session on the socket must have the same TLS settings. At most MaxConnections
 * connections are open at once (the smallest value among the sessions on the socket):
 * more are closed as soon as they are accepted. Used by the event-loop thread only.
 */
final class Acceptor {
    private static final int BACKLOG = 128;

    private final EngineLoop loop;
    private final InetSocketAddress address;
    private final List<EngineSession> sessions = new ArrayList<>();
    private final List<AcceptorTemplate> templates = new ArrayList<>();
    private final FixMessage logon = new FixMessage();
    private ServerSocketChannel server;
    private int maxMessageSize = 1024;
    private long logonTimeoutNanos;
    private int receiveBufferSize;
    private int maxConnections = Integer.MAX_VALUE;
    private int open;
    private long refusedOverLimit;
    private SessionSettings first;
    private TlsContext tls;

    Acceptor(EngineLoop loop, InetSocketAddress address) {
        this.loop = loop;
        this.address = address;
    }

    void add(EngineSession session) {
        sessions.add(session);
        settings(session.settings());
    }

    void add(AcceptorTemplate template) {
        templates.add(template);
        settings(template.settings());
    }

    private void settings(SessionSettings settings) {
        if (first == null) {
            first = settings;
            tls = TlsContext.of(settings);
        } else if (!TlsContext.sameTls(first, settings)) {
            throw new SettingsException("SocketUseSSL", settings.sessionId() + " and " + first.sessionId()
                + " share the listening socket " + address + " but not their TLS settings");
        }
        maxConnections = Math.min(maxConnections, settings.maxConnections());
        maxMessageSize = Math.max(maxMessageSize, settings.maxMessageSize());
        logonTimeoutNanos = Math.max(logonTimeoutNanos, settings.logonTimeout() * 1_000_000_000L);
        receiveBufferSize = Math.max(receiveBufferSize, settings.socketReceiveBufferSize());
    }

    /** Binds the listening socket; on the caller's thread, so a port in use fails start-up. */
    void open() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (receiveBufferSize > 0) {
                // set before accept so that accepted sockets get the TCP window scale for it
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
            }
            channel.bind(address, BACKLOG);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        server = channel;
    }

    void register(Selector selector) throws IOException {
        server.register(selector, SelectionKey.OP_ACCEPT, this);
    }

    /** The port listened on. */
    int localPort() {
        return server.socket().getLocalPort();
    }

    InetSocketAddress address() {
        return address;
    }

    List<EngineSession> sessions() {
        return sessions;
    }

    long logonTimeoutNanos() {
        return logonTimeoutNanos;
    }

    /** One of this socket's connections closed. */
    void closed(Connection connection) {
        open--;
    }

    /** OP_ACCEPT: takes every waiting connection. */
    void onAcceptable(Selector selector, long nowNanos) throws IOException {
        while (true) {
            SocketChannel channel = server.accept();
            if (channel == null) {
                return;
            }
            if (open >= maxConnections) {
                refuseOverLimit(channel);
                continue;
            }
            open++;
            Connection connection;
            try {
                connection = new Connection(loop, channel, this, null, maxMessageSize,
                    tls == null ? null : tls.serverEngine(), nowNanos);
            } catch (IOException e) {
                open--;
                channel.close();
                loop.log().warn("cannot start TLS on an accepted connection on {}: {}", address, e.getMessage());
                continue;
            }
            try {
                channel.configureBlocking(false);
                connection.key(channel.register(selector, SelectionKey.OP_READ, connection));
            } catch (IOException e) {
                connection.close();
                loop.log().warn("cannot set up an accepted connection on {}: {}", address, e.getMessage());
                continue;
            }
            loop.accepted(connection);
        }
    }

    /**
     * The first message of an accepted connection: the session it is for, now connected,
     * or null when the connection was refused and closed.
     */
    EngineSession bind(Connection connection, byte[] buffer, int offset, int length, boolean checksumValid,
                       long nowNanos) {
        FixMessage message = logon;
        message.parse(buffer, offset, length);
        if (!checksumValid || message.parseError() != FixMessage.PARSE_OK || !message.hasStandardHeaderStart()) {
            refuse(connection, "garbled first message");
            return null;
        }
        if (message.msgTypeKey() != 'A') {
            refuse(connection, "first message is not a Logon");
            return null;
        }
        EngineSession session = find(message);
        if (session == null) {
            session = createFromTemplate(message, nowNanos);
        }
        if (session == null) {
            refuse(connection, "Logon for no session of ours: " + AcceptorTemplate.describe(message));
            return null;
        }
        if (session.connection() != null) {
            refuse(connection, "second Logon for " + session.id() + ", which is connected: the first connection stays");
            return null;
        }
        if (!session.schedule().mayConnect(session, nowNanos)) {
            refuse(connection, "Logon for " + session.id() + " outside its schedule");
            return null;
        }
        try {
            if (!session.socketOptions().allows(connection.channel().getRemoteAddress())) {
                refuse(connection, "Logon for " + session.id() + " from an address not in its AllowedRemoteAddresses");
                return null;
            }
            session.socketOptions().apply(connection.channel());
        } catch (IOException e) {
            refuse(connection, "cannot set socket options: " + e.getMessage());
            return null;
        }
        loop.removePending(connection);
        connection.bind(session);
        session.attach(connection);
        session.log().event(session.id(), "connection from " + connection
            + (connection.isTls() ? " over " + connection.transport() : ""));
        session.session().onConnect(connection, nowNanos);
        return session;
    }

    private EngineSession find(FixMessage message) {
        for (int i = 0, n = sessions.size(); i < n; i++) {
            EngineSession session = sessions.get(i);
            if (matches(message, session)) {
                return session;
            }
        }
        return null;
    }

    /** The Logon's header names this session; compares bytes, no allocation. */
    static boolean matches(FixMessage message, EngineSession session) {
        return AcceptorTemplate.equal(message, 8, session.beginString)
            && AcceptorTemplate.equal(message, 56, session.senderCompId)
            && AcceptorTemplate.equal(message, 49, session.targetCompId)
            && AcceptorTemplate.equal(message, 57, session.senderSubId)
            && AcceptorTemplate.equal(message, 143, session.senderLocationId)
            && AcceptorTemplate.equal(message, 50, session.targetSubId)
            && AcceptorTemplate.equal(message, 142, session.targetLocationId);
    }

    private EngineSession createFromTemplate(FixMessage message, long nowNanos) {
        for (int i = 0, n = templates.size(); i < n; i++) {
            AcceptorTemplate template = templates.get(i);
            if (template.matches(message)) {
                EngineSession session = loop.createDynamic(template.instantiate(message), nowNanos);
                if (session != null) {
                    sessions.add(session);
                }
                return session;
            }
        }
        return null;
    }

    /** Closes a connection beyond MaxConnections at once; logs the first refusal and every 1000th. */
    private void refuseOverLimit(SocketChannel channel) throws IOException {
        refusedOverLimit++;
        if (refusedOverLimit % 1000 == 1) {
            loop.log().warn("refused a connection on {}: MaxConnections ({}) are open ({} refused so far)", address,
                maxConnections, refusedOverLimit);
        }
        channel.close();
    }

    /** Closes a connection that is bound to no session, without a reply. */
    void refuse(Connection connection, String reason) {
        loop.log().info("refused connection from {} on {}: {}", connection, address, reason);
        connection.close();
        loop.removePending(connection);
    }

    void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            loop.log().warn("cannot close the listening socket {}: {}", address, e.getMessage());
        }
    }
}
