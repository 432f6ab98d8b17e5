package io.tagwire.conformance;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RuntimeError;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.UnsupportedMessageType;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * QuickFIX/J 3.0.0's {@link SocketAcceptor} set up as FORMAT.md §8 describes QuickFIX/J's
 * own acceptance-test server: one ISLD/TW session per version, memory store,
 * ResetOnDisconnect=Y, ValidateUserDefinedFields=Y, DefaultApplVerID=7 for FIXT.1.1, the
 * bundled dictionaries, the variant's setting on top, and {@link EchoApplication} behind it.
 */
final class QuickFixJAcceptor implements AcceptorUnderTest {

    private SocketAcceptor acceptor;

    @Override
    public int start(SuiteSettings suite) throws ConfigError, IOException {
        RuntimeError bindFailure = null;
        // a port found free can be taken before QuickFIX/J binds it: try a few
        for (int attempt = 0; attempt < FreePorts.ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            SessionSettings settings = settings(suite, port);
            // session events go to SLF4J, which src/test/resources/simplelogger.properties keeps at WARN
            SocketAcceptor candidate = new SocketAcceptor(new EchoApplication(), new MemoryStoreFactory(), settings,
                    new SLF4JLogFactory(settings), new DefaultMessageFactory());
            try {
                candidate.start();
                acceptor = candidate;
                return port;
            } catch (RuntimeError e) {
                candidate.stop(true);
                bindFailure = e;
            }
        }
        throw new IOException("QuickFIX/J acceptor could not bind a port", bindFailure);
    }

    private static SessionSettings settings(SuiteSettings suite, int port) {
        SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setLong("SocketAcceptPort", port);
        settings.setString("SocketAcceptProtocol", "SOCKET");
        settings.setBool("SocketTcpNoDelay", true);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setBool("NonStopSession", true);
        settings.setString("SenderCompID", "ISLD");
        settings.setString("TargetCompID", "TW");
        settings.setBool("ResetOnDisconnect", true);
        settings.setBool("ValidateUserDefinedFields", true);
        for (Map.Entry<String, String> setting : suite.settings().entrySet()) {
            settings.setString(setting.getKey(), setting.getValue());
        }
        for (FixVersion version : suite.versions()) {
            SessionID session = new SessionID(version.beginString(), "ISLD", "TW");
            settings.setString(session, "BeginString", version.beginString());
            if (version.isFixt()) {
                settings.setString(session, "DefaultApplVerID", "7");
            }
        }
        return settings;
    }

    @Override
    public void stop() {
        if (acceptor != null) {
            acceptor.stop(true);
        }
    }

    /**
     * QuickFIX/J disconnects on its own threads: under load the previous script's session
     * can still hold its connection when the next script logs on, which QuickFIX/J then
     * refuses as a second logon for a session in use. Wait until every session is free.
     */
    @Override
    public void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (SessionID id : acceptor.getSessions()) {
            Session session = Session.lookupSession(id);
            while (session != null && (session.hasResponder() || session.isLoggedOn())) {
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException("QuickFIX/J session " + id + " still connected after " + timeout);
                }
                Thread.sleep(1);
            }
        }
    }

    @Override
    public void setNextSenderMsgSeqNum(String sessionId, int next) throws IOException {
        session(sessionId).setNextSenderMsgSeqNum(next);
    }

    @Override
    public void setNextTargetMsgSeqNum(String sessionId, int next) throws IOException {
        session(sessionId).setNextTargetMsgSeqNum(next);
    }

    /** {@code FIX.4.4:ISLD->TW}. */
    private static Session session(String sessionId) {
        int colon = sessionId.indexOf(':');
        int arrow = sessionId.indexOf("->");
        if (colon < 0 || arrow < colon) {
            throw new IllegalArgumentException("session id must read BeginString:Sender->Target, was " + sessionId);
        }
        SessionID id = new SessionID(sessionId.substring(0, colon), sessionId.substring(colon + 1, arrow),
                sessionId.substring(arrow + 2));
        Session session = Session.lookupSession(id);
        if (session == null) {
            throw new IllegalArgumentException("no session " + id);
        }
        return session;
    }

    /**
     * The application the scripts expect (FORMAT.md §8): NewOrderSingle(D) and, from 4.2,
     * SecurityDefinition(d) are sent back as new messages, anything else is unsupported
     * (QuickFIX/J turns that into BusinessMessageReject(j) from 4.2, a Reject before).
     */
    static final class EchoApplication implements Application {
        private static final int CL_ORD_ID = 11;
        private static final int MSG_TYPE = 35;
        private static final int POSS_DUP_FLAG = 43;
        private static final int POSS_RESEND = 97;
        private static final int ORIG_SENDING_TIME = 122;

        /** ClOrdIDs seen per session since its logon, for PossResend(97) orders. */
        private final Map<SessionID, Set<String>> clOrdIds = new ConcurrentHashMap<>();

        @Override
        public void onCreate(SessionID sessionId) {
            clOrdIds.put(sessionId, ConcurrentHashMap.newKeySet());
        }

        @Override
        public void onLogon(SessionID sessionId) {
            // accepted as is
        }

        @Override
        public void onLogout(SessionID sessionId) {
            clOrdIds.get(sessionId).clear();
        }

        @Override
        public void toAdmin(Message message, SessionID sessionId) {
            // admin messages go out as the session makes them
        }

        @Override
        public void fromAdmin(Message message, SessionID sessionId) {
            // every Logon for an existing session is accepted
        }

        @Override
        public void toApp(Message message, SessionID sessionId) {
            // sent as is
        }

        @Override
        public void fromApp(Message message, SessionID sessionId) throws FieldNotFound, UnsupportedMessageType {
            String msgType = message.getHeader().getString(MSG_TYPE);
            if (msgType.equals("D")) {
                // PossResend(97) is a header field
                boolean possResend = message.getHeader().isSetField(POSS_RESEND)
                        && message.getHeader().getBoolean(POSS_RESEND);
                boolean firstTime = clOrdIds.get(sessionId).add(message.getString(CL_ORD_ID));
                if (possResend && !firstTime) {
                    return;
                }
                echo(message, sessionId);
            } else if (msgType.equals("d") && !sessionId.getBeginString().equals("FIX.4.0")
                    && !sessionId.getBeginString().equals("FIX.4.1")) {
                echo(message, sessionId);
            } else {
                throw new UnsupportedMessageType();
            }
        }

        private static void echo(Message message, SessionID sessionId) {
            Message echo = (Message) message.clone();
            echo.getHeader().removeField(POSS_DUP_FLAG);
            echo.getHeader().removeField(ORIG_SENDING_TIME);
            try {
                Session.sendToTarget(echo, sessionId);
            } catch (SessionNotFound e) {
                throw new IllegalStateException("the session that just received a message is gone: " + sessionId, e);
            }
        }
    }
}
