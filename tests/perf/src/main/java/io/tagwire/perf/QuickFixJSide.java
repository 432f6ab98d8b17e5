package io.tagwire.perf;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.Connector;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RuntimeError;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;
import quickfix.UnsupportedMessageType;

/**
 * QuickFIX/J 3.0.0 on both ends, the way its users run it: SocketInitiator and
 * SocketAcceptor with the MemoryStore, its default threading (one thread handles every
 * session's messages), the bundled FIX 4.4 dictionary with default validation, no message
 * log ({@link QuickFixJNoLog}; Tagwire's SLF4J log has no binding here either). Messages are built per order, as
 * QuickFIX/J applications do.
 */
final class QuickFixJSide {
    static final SessionID INITIATOR = new SessionID(TagwireSide.BEGIN_STRING, "BANZAI", "EXEC");
    static final SessionID ACCEPTOR = new SessionID(TagwireSide.BEGIN_STRING, "EXEC", "BANZAI");
    private static final BigDecimal QUANTITY = new BigDecimal("2000.00");
    private static final BigDecimal PRICE = new BigDecimal("62000.50");
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private QuickFixJSide() {
    }

    private static SessionSettings settings(SessionID id, boolean initiator, int port) {
        SessionSettings settings = new SessionSettings();
        settings.setString(id, "BeginString", id.getBeginString());
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "HeartBtInt", "30");
        settings.setString(id, "SocketTcpNoDelay", "Y");
        settings.setString(id, "ResetOnLogon", "Y");
        if (initiator) {
            settings.setString(id, "ConnectionType", "initiator");
            settings.setString(id, "SocketConnectHost", "127.0.0.1");
            settings.setString(id, "SocketConnectPort", Integer.toString(port));
            settings.setString(id, "ReconnectInterval", "1");
        } else {
            settings.setString(id, "ConnectionType", "acceptor");
            settings.setString(id, "SocketAcceptAddress", "127.0.0.1");
            settings.setString(id, "SocketAcceptPort", Integer.toString(port));
        }
        return settings;
    }

    static Message newOrderSingle(long clOrdId) {
        Message order = new quickfix.fix44.NewOrderSingle();
        order.setString(11, Long.toString(clOrdId));
        order.setString(55, TagwireSide.SYMBOL);
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setDecimal(38, QUANTITY);
        order.setChar(40, '2');
        order.setDecimal(44, PRICE);
        return order;
    }

    private static String msgType(Message message) throws FieldNotFound {
        return message.getHeader().getString(35);
    }

    /** The counterparty: as {@link TagwireSide.Exchange}, in QuickFIX/J. */
    static final class Exchange implements Application, Counterparty.Side {
        private final boolean echo;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong answered = new AtomicLong();
        private Connector connector;
        private int port;
        private volatile Session session;
        private long execId;

        Exchange(boolean echo) throws ConfigError, IOException {
            this.echo = echo;
            RuntimeError failure = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int candidate = TagwireSide.freePort();
                SocketAcceptor acceptor = new SocketAcceptor(this, new MemoryStoreFactory(),
                    settings(ACCEPTOR, false, candidate), QuickFixJNoLog.INSTANCE, new DefaultMessageFactory());
                try {
                    acceptor.start();
                    connector = acceptor;
                    port = candidate;
                    return;
                } catch (RuntimeError e) {
                    // the port was taken between finding it free and listening on it
                    acceptor.stop(true);
                    failure = e;
                }
            }
            throw new IOException("the QuickFIX/J acceptor could not listen on a free port", failure);
        }

        @Override
        public void fromApp(Message message, SessionID sessionId) throws FieldNotFound, UnsupportedMessageType {
            String type = msgType(message);
            boolean order = type.equals("D");
            if (order) {
                received.lazySet(received.get() + 1);
                if (!echo) {
                    return;
                }
            } else if (!type.equals("H")) {
                throw new UnsupportedMessageType();
            }
            long id = ++execId;
            Message report = new quickfix.fix44.ExecutionReport();
            report.setString(37, Long.toString(id));
            report.setString(11, message.getString(11));
            report.setString(17, Long.toString(id));
            report.setChar(150, order ? '0' : 'I');
            report.setChar(39, '0');
            report.setString(55, TagwireSide.SYMBOL);
            report.setChar(54, '1');
            report.setDecimal(38, QUANTITY);
            report.setDecimal(151, QUANTITY);
            report.setDecimal(14, ZERO);
            report.setDecimal(6, ZERO);
            report.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
            if (order) {
                // counted before it leaves: the harness may ask as soon as the answer arrives
                answered.lazySet(answered.get() + 1);
            }
            if (!session.send(report) && order) {
                answered.lazySet(answered.get() - 1);
            }
        }

        @Override
        public void onCreate(SessionID sessionId) {
            // the session is looked up at logon, once QuickFIX/J has registered it
        }

        @Override
        public void onLogon(SessionID sessionId) {
            session = Session.lookupSession(sessionId);
        }

        @Override
        public void onLogout(SessionID sessionId) {
            // nothing to do
        }

        @Override
        public void toAdmin(Message message, SessionID sessionId) {
            // nothing to add
        }

        @Override
        public void fromAdmin(Message message, SessionID sessionId) {
            // nothing to check
        }

        @Override
        public void toApp(Message message, SessionID sessionId) {
            // nothing to add
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public long received() {
            return received.get();
        }

        @Override
        public long answered() {
            return answered.get();
        }

        @Override
        public void close() {
            connector.stop(false);
        }
    }

    /** The harness's initiator: round trips answered from {@code fromApp}, as {@link TagwireClient} does. */
    static final class Client implements Application, FixClient {
        private final SocketInitiator initiator;
        private final OrderRun run = new OrderRun(this::sendOrder);
        private volatile Session session;

        Client(int port) throws Exception {
            initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings(INITIATOR, true, port),
                QuickFixJNoLog.INSTANCE, new DefaultMessageFactory());
            initiator.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (session == null || !session.isLoggedOn()) {
                if (System.nanoTime() - deadline > 0) {
                    initiator.stop(true);
                    throw new TimeoutException("the QuickFIX/J initiator did not log on to port " + port + " within 30 s");
                }
                LockSupport.parkNanos(1_000_000L);
            }
        }

        @Override
        public Run roundTrips(int warmUp, int measured, Histogram histogram) throws Exception {
            synchronized (this) {
                run.beginRoundTrips(warmUp, measured, histogram);
                run.sendOrder();
            }
            await();
            synchronized (this) {
                return run.result(measured);
            }
        }

        private void sendOrder(long clOrdId) {
            if (!session.send(newOrderSingle(clOrdId))) {
                throw new IllegalStateException("QuickFIX/J did not send order " + clOrdId);
            }
        }

        @Override
        public synchronized void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
            long now = System.nanoTime();
            long clOrdId = Long.parseLong(message.getString(11));
            if (run.awaitingStatus()) {
                run.onStatusAnswer(clOrdId, message.getChar(150), now);
            } else {
                run.onAnswer(clOrdId, now);
            }
        }

        @Override
        public Run pipelined(int count, int window) throws Exception {
            synchronized (this) {
                run.beginPipelined(count);
                for (int i = 0; i < Math.min(window, count); i++) {
                    run.sendOrder();
                }
            }
            await();
            synchronized (this) {
                return run.result(count);
            }
        }

        @Override
        public Run stream(int count) throws Exception {
            synchronized (this) {
                run.beginStream(count);
            }
            for (int i = 0; i < count; i++) {
                session.send(newOrderSingle(i));
            }
            Message status = new quickfix.fix44.OrderStatusRequest();
            status.setString(11, Integer.toString(count));
            status.setChar(54, '1');
            status.setString(55, TagwireSide.SYMBOL);
            session.send(status);
            await();
            synchronized (this) {
                return run.streamResult(count);
            }
        }

        private void await() throws TimeoutException {
            run.await("QuickFIX/J", () -> session.isLoggedOn());
        }

        @Override
        public void onCreate(SessionID sessionId) {
            // the session is looked up at logon, once QuickFIX/J has registered it
        }

        @Override
        public void onLogon(SessionID sessionId) {
            session = Session.lookupSession(sessionId);
        }

        @Override
        public void onLogout(SessionID sessionId) {
            // a run in progress notices through await
        }

        @Override
        public void toAdmin(Message message, SessionID sessionId) {
            // nothing to add
        }

        @Override
        public void fromAdmin(Message message, SessionID sessionId) {
            // nothing to check
        }

        @Override
        public void toApp(Message message, SessionID sessionId) {
            // nothing to add
        }

        @Override
        public void close() {
            initiator.stop(false);
        }
    }
}
