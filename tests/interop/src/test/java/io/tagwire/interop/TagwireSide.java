package io.tagwire.interop;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Tagwire engine as one end of a run: the in-memory store, default settings, and on top
 * the run's settings by their QuickFIX names.
 */
final class TagwireSide implements Side {
    private static final int ATTEMPTS = 5;

    private final String beginString;
    private final boolean initiator;
    private final int connectPort;
    private final OrderLedger ledger;
    private final Map<String, String> extraSettings;
    private final SideStats stats = new SideStats();
    private final SessionID id;
    private Engine engine;
    private int port;

    private TagwireSide(String beginString, boolean initiator, int connectPort, OrderLedger ledger,
                        Map<String, String> extraSettings) {
        this.beginString = beginString;
        this.initiator = initiator;
        this.connectPort = connectPort;
        this.ledger = ledger;
        this.extraSettings = extraSettings;
        this.id = initiator ? new SessionID(beginString, INITIATOR, ACCEPTOR) : new SessionID(beginString, ACCEPTOR,
            INITIATOR);
    }

    static TagwireSide acceptor(String beginString, OrderLedger ledger, Map<String, String> settings) {
        return new TagwireSide(beginString, false, 0, ledger, settings);
    }

    static TagwireSide initiator(String beginString, OrderLedger ledger, int port, Map<String, String> settings) {
        return new TagwireSide(beginString, true, port, ledger, settings);
    }

    @Override
    public String name() {
        return "Tagwire";
    }

    @Override
    public void start() throws Exception {
        if (initiator) {
            engine = build(connectPort);
            engine.start();
            return;
        }
        IOException failure = null;
        // a port found free can be taken before the engine binds it: try a few
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = Ports.free();
            Engine created = build(candidate);
            try {
                created.start();
                engine = created;
                port = candidate;
                return;
            } catch (IOException e) {
                created.close();
                failure = e;
            }
        }
        throw new IOException("the Tagwire acceptor could not listen on a free port", failure);
    }

    private Engine build(int socketPort) {
        SettingsBuilder settings = SessionSettings.builder().beginString(beginString)
            .senderCompId(id.senderCompId()).targetCompId(id.targetCompId()).heartBtInt(30).nonStopSession(true);
        if (initiator) {
            settings.connectionType(SessionSettings.ConnectionType.INITIATOR).socketConnectHost("127.0.0.1")
                .socketConnectPort(socketPort).reconnectInterval(1);
        } else {
            settings.connectionType(SessionSettings.ConnectionType.ACCEPTOR).socketAcceptAddress("127.0.0.1")
                .socketAcceptPort(socketPort);
        }
        extraSettings.forEach(settings::set);
        return Engine.builder().sessions(List.of(settings.build())).application(new Counterparty()).build();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean isLoggedOn() {
        return engine.isLoggedOn(id);
    }

    @Override
    public int sendOrders(int from, int to) throws Exception {
        int[] sent = {0};
        // on the event loop, where Session.send says whether the order got a MsgSeqNum; Engine.send from
        // another thread would drop an order silently if the session went down before the loop took it
        engine.execute(() -> {
            Session session = engine.session(id);
            for (int i = from; i < to; i++) {
                long now = engine.nowNanos();
                Messages.newOrderSingle(session.newMessage("D", now), OrderLedger.clOrdId(i), now);
                long result = session.send(now);
                if (result > 0 || result == Session.BACK_PRESSURED) {
                    // stored under its MsgSeqNum either way; back-pressure dropped the connection
                    sent[0]++;
                }
                if (result <= 0) {
                    return;
                }
            }
        }).get(10, TimeUnit.SECONDS);
        return sent[0];
    }

    /** Stops the engine without waiting for the Logout's answer and starts a new one with the same settings. */
    void restart() throws Exception {
        engine.stop(Duration.ZERO);
        engine = build(initiator ? connectPort : port);
        engine.start();
    }

    @Override
    public void cut() throws Exception {
        engine.disconnect(id).get(10, TimeUnit.SECONDS);
    }

    @Override
    public int nextSenderMsgSeqNum() throws Exception {
        int[] next = {0};
        engine.execute(() -> next[0] = engine.session(id).nextSenderMsgSeqNum()).get(10, TimeUnit.SECONDS);
        return next[0];
    }

    @Override
    public int nextTargetMsgSeqNum() throws Exception {
        int[] next = {0};
        engine.execute(() -> next[0] = engine.session(id).nextTargetMsgSeqNum()).get(10, TimeUnit.SECONDS);
        return next[0];
    }

    @Override
    public SideStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** Fills orders once (acceptor) or records their answers (initiator), and counts session events. */
    private final class Counterparty implements Application {
        @Override
        public void onLogon(Session session) {
            stats.logons.incrementAndGet();
        }

        @Override
        public void toAdmin(OutboundMessage message, Session session) {
            if (message.message().msgTypeKey() == '2') {
                stats.resendRequestsSent.incrementAndGet();
            }
        }

        @Override
        public void fromAdmin(FixMessage message, Session session) {
            long msgType = message.msgTypeKey();
            if (msgType == '2') {
                stats.resendRequestsReceived.incrementAndGet();
            } else if (msgType == '4' && message.getBoolean(Messages.GAP_FILL_FLAG, false)) {
                stats.gapFillsReceived.incrementAndGet();
            } else if (msgType == '3') {
                stats.rejectsReceived.incrementAndGet();
            }
        }

        @Override
        public boolean toApp(OutboundMessage message, Session session, boolean possDupResend) {
            if (possDupResend) {
                stats.resent.incrementAndGet();
            }
            return true;
        }

        @Override
        public void fromApp(FixMessage message, Session session) {
            boolean possDup = message.getBoolean(Messages.POSS_DUP_FLAG, false);
            String clOrdId = message.getString(Messages.CL_ORD_ID);
            long msgType = message.msgTypeKey();
            if (initiator && msgType == '8') {
                ledger.answerArrived(clOrdId, possDup);
            } else if (!initiator && msgType == 'D') {
                if (ledger.orderArrived(clOrdId, possDup)) {
                    Messages.fill(session.newMessage("8"), beginString, clOrdId);
                    long result = session.send();
                    if (result <= 0 && result != Session.BACK_PRESSURED) {
                        throw new IllegalStateException("fill of " + clOrdId + " not sent: " + result);
                    }
                    ledger.filled();
                }
            } else {
                session.rejectUnsupportedMessageType(message);
            }
        }
    }
}
