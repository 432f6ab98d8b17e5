package io.tagwire.interop;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.filterchain.IoFilterChainBuilder;
import org.apache.mina.filter.ssl.SslFilter;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.Connector;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RuntimeError;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;
import quickfix.UnsupportedMessageType;
import quickfix.mina.ssl.InitiatorSslFilter;
import quickfix.mina.ssl.SSLConfig;
import quickfix.mina.ssl.SSLContextFactory;
import quickfix.mina.ssl.SSLSupport;

/**
 * QuickFIX/J 3.0.0 as one end of a run: a {@link SocketInitiator} or {@link SocketAcceptor}
 * with the MemoryStore (behind a lock: see {@link LockedMemoryStore}), the bundled dictionaries
 * and default validation. Over TLS it installs MINA's SslFilter itself ({@link #orderedTls}).
 */
final class QuickFixJSide implements Side {
    private static final int ATTEMPTS = 5;

    private final String beginString;
    private final boolean initiator;
    private final int connectPort;
    private final OrderLedger ledger;
    private final Map<String, String> extraSettings;
    private final SideStats stats = new SideStats();
    private final SessionID id;
    private Connector connector;
    private int port;

    private QuickFixJSide(String beginString, boolean initiator, int connectPort, OrderLedger ledger,
                          Map<String, String> extraSettings) {
        this.beginString = beginString;
        this.initiator = initiator;
        this.connectPort = connectPort;
        this.ledger = ledger;
        this.extraSettings = extraSettings;
        this.id = initiator ? new SessionID(beginString, INITIATOR, ACCEPTOR) : new SessionID(beginString, ACCEPTOR,
            INITIATOR);
    }

    static QuickFixJSide acceptor(String beginString, OrderLedger ledger, Map<String, String> settings) {
        return new QuickFixJSide(beginString, false, 0, ledger, settings);
    }

    static QuickFixJSide initiator(String beginString, OrderLedger ledger, int port, Map<String, String> settings) {
        return new QuickFixJSide(beginString, true, port, ledger, settings);
    }

    @Override
    public String name() {
        return "QuickFIX/J";
    }

    @Override
    public void start() throws ConfigError, IOException {
        if (initiator) {
            SessionSettings settings = settings(connectPort);
            SocketInitiator socketInitiator = new SocketInitiator(new Counterparty(), LockedMemoryStore.FACTORY,
                settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
            if (tls()) {
                socketInitiator.setIoFilterChainBuilder(orderedTls(settings));
            }
            connector = socketInitiator;
            connector.start();
            return;
        }
        RuntimeError failure = null;
        // a port found free can be taken before QuickFIX/J binds it: try a few
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = Ports.free();
            SessionSettings settings = settings(candidate);
            SocketAcceptor acceptor = new SocketAcceptor(new Counterparty(), LockedMemoryStore.FACTORY, settings,
                new SLF4JLogFactory(settings), new DefaultMessageFactory());
            if (tls()) {
                acceptor.setIoFilterChainBuilder(orderedTls(settings));
            }
            try {
                acceptor.start();
                connector = acceptor;
                port = candidate;
                return;
            } catch (RuntimeError e) {
                acceptor.stop(true);
                failure = e;
            }
        }
        throw new IOException("the QuickFIX/J acceptor could not listen on a free port", failure);
    }

    private SessionSettings settings(int socketPort) {
        SessionSettings settings = new SessionSettings();
        settings.setString(id, "BeginString", beginString);
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "HeartBtInt", "30");
        settings.setString(id, "SocketTcpNoDelay", "Y");
        if (initiator) {
            settings.setString(id, "ConnectionType", "initiator");
            settings.setString(id, "SocketConnectHost", "127.0.0.1");
            settings.setString(id, "SocketConnectPort", Integer.toString(socketPort));
            settings.setString(id, "ReconnectInterval", "1");
        } else {
            settings.setString(id, "ConnectionType", "acceptor");
            settings.setString(id, "SocketAcceptAddress", "127.0.0.1");
            settings.setString(id, "SocketAcceptPort", Integer.toString(socketPort));
        }
        extraSettings.forEach((key, value) -> settings.setString(id, key, value));
        if (tls()) {
            // the keys stay for SSLSupport to read; orderedTls installs the filter instead of QuickFIX/J
            settings.setString(id, SSLSupport.SETTING_USE_SSL, "N");
        }
        return settings;
    }

    private boolean tls() {
        return "Y".equals(extraSettings.get(SSLSupport.SETTING_USE_SSL));
    }

    /**
     * TLS as QuickFIX/J's SocketUseSSL=Y sets it up (its SSLSupport reads the same keys, its
     * SSLContextFactory makes the context, the same filter class, cipher suites and protocols),
     * but with MINA's blocking SslFilter pipeline. MINA 2.2's default pipeline (SSLHandlerG1)
     * encrypts a message under the filter's lock and passes the record on after releasing it;
     * QuickFIX/J writes from more than one thread (the application's sendToTarget, its message
     * processor answering a ResendRequest, its timer, MINA's I/O thread sending queued messages),
     * so two records can reach the socket in the opposite order of their TLS sequence numbers and
     * the counterparty's decryption fails with "Tag mismatch" (see the README). The blocking
     * pipeline (SSLHandlerG0) passes each record on before it releases the lock. A QuickFIX/J
     * user can do the same through {@code setIoFilterChainBuilder}, as here.
     */
    private IoFilterChainBuilder orderedTls(SessionSettings settings) throws ConfigError {
        SSLConfig config = SSLSupport.getSslConfig(settings, id);
        SSLContext context;
        try {
            context = SSLContextFactory.getInstance(config);
        } catch (GeneralSecurityException e) {
            throw new ConfigError(e);
        }
        SslFilter filter;
        if (initiator) {
            filter = new InitiatorSslFilter(context, config.isUseSNI() ? config.getSniHostName() : null);
            filter.setEndpointIdentificationAlgorithm(config.getEndpointIdentificationAlgorithm());
        } else {
            filter = new SslFilter(context);
            filter.setNeedClientAuth(config.isNeedClientAuth());
        }
        filter.setEnabledCipherSuites(config.getEnabledCipherSuites() != null ? config.getEnabledCipherSuites()
            : SSLSupport.getDefaultCipherSuites(context));
        filter.setEnabledProtocols(config.getEnabledProtocols() != null ? config.getEnabledProtocols()
            : SSLSupport.getSupportedProtocols(context));
        filter.setUseNonBlockingPipeline(false);
        // first after the socket: below QuickFIX/J's codec, as its own SslFilter would be
        return chain -> chain.addFirst("SslFilter", filter);
    }

    private Session session() {
        Session session = Session.lookupSession(id);
        if (session == null) {
            throw new IllegalStateException("QuickFIX/J has no session " + id);
        }
        return session;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean isLoggedOn() {
        Session session = Session.lookupSession(id);
        return session != null && session.isLoggedOn();
    }

    @Override
    public int sendOrders(int from, int to) throws SessionNotFound {
        for (int i = from; i < to; i++) {
            // while the session is down QuickFIX/J stores the order under its MsgSeqNum without sending it:
            // the counterparty's ResendRequest after the next Logon brings it across with PossDupFlag=Y
            Session.sendToTarget(Messages.newOrderSingle(OrderLedger.clOrdId(i)), id);
        }
        return to - from;
    }

    @Override
    public void cut() throws IOException {
        session().disconnect("cut by the test", false);
    }

    @Override
    public int nextSenderMsgSeqNum() {
        return session().getExpectedSenderNum();
    }

    @Override
    public int nextTargetMsgSeqNum() {
        return session().getExpectedTargetNum();
    }

    @Override
    public SideStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (connector != null) {
            connector.stop(false);
        }
    }

    private static boolean flag(Message.Header header, int tag) throws FieldNotFound {
        return header.isSetField(tag) && header.getBoolean(tag);
    }

    /** Fills orders once (acceptor) or records their answers (initiator), and counts session events. */
    private final class Counterparty implements Application {
        @Override
        public void onCreate(SessionID sessionId) {
            // nothing to set up
        }

        @Override
        public void onLogon(SessionID sessionId) {
            stats.logons.incrementAndGet();
        }

        @Override
        public void onLogout(SessionID sessionId) {
            // counted as the next logon
        }

        @Override
        public void toAdmin(Message message, SessionID sessionId) {
            if (msgType(message).equals("2")) {
                stats.resendRequestsSent.incrementAndGet();
            }
        }

        @Override
        public void fromAdmin(Message message, SessionID sessionId) throws FieldNotFound {
            String msgType = msgType(message);
            if (msgType.equals("2")) {
                stats.resendRequestsReceived.incrementAndGet();
            } else if (msgType.equals("4") && message.isSetField(Messages.GAP_FILL_FLAG)
                && message.getBoolean(Messages.GAP_FILL_FLAG)) {
                stats.gapFillsReceived.incrementAndGet();
            } else if (msgType.equals("3")) {
                stats.rejectsReceived.incrementAndGet();
            }
        }

        @Override
        public void toApp(Message message, SessionID sessionId) {
            try {
                if (flag(message.getHeader(), Messages.POSS_DUP_FLAG)) {
                    stats.resent.incrementAndGet();
                }
            } catch (FieldNotFound e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void fromApp(Message message, SessionID sessionId) throws FieldNotFound, UnsupportedMessageType {
            boolean possDup = flag(message.getHeader(), Messages.POSS_DUP_FLAG);
            String msgType = msgType(message);
            if (initiator && msgType.equals("8")) {
                ledger.answerArrived(message.getString(Messages.CL_ORD_ID), possDup);
            } else if (!initiator && msgType.equals("D")) {
                String clOrdId = message.getString(Messages.CL_ORD_ID);
                if (ledger.orderArrived(clOrdId, possDup)) {
                    try {
                        Session.sendToTarget(Messages.fill(beginString, clOrdId), sessionId);
                    } catch (SessionNotFound e) {
                        throw new IllegalStateException("the session that just received an order is gone", e);
                    }
                    ledger.filled();
                }
            } else {
                throw new UnsupportedMessageType();
            }
        }

        private String msgType(Message message) {
            try {
                return message.getHeader().getString(Messages.MSG_TYPE);
            } catch (FieldNotFound e) {
                throw new IllegalStateException("a message without MsgType", e);
            }
        }
    }
}
