package io.tagwire.perf;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.TimestampPrecision;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.Session;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tagwire's settings for the runs (FIX 4.4, BANZAI to EXEC over loopback, QuickFIX
 * defaults otherwise: validation on, messages persisted) and the counterparty's
 * application, {@link Exchange}.
 */
final class TagwireSide {
    static final String BEGIN_STRING = "FIX.4.4";
    static final SessionID INITIATOR = new SessionID(BEGIN_STRING, "BANZAI", "EXEC");
    static final String SYMBOL = "BTCUSDT";

    /** Where both sides keep sent messages and sequence numbers. */
    enum Store {
        MEMORY("memory", null),
        FILE_NONE("file sync none", "none"),
        FILE_GROUP("file group commit", "group:" + RoundTripReport.GROUP_COMMIT_MICROS);

        final String label;
        final String fileStoreSync;

        Store(String label, String fileStoreSync) {
            this.label = label;
            this.fileStoreSync = fileStoreSync;
        }
    }

    private TagwireSide() {
    }

    static SessionSettings acceptor(int port, Store store, Path storeDirectory) {
        SettingsBuilder builder = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.ACCEPTOR)
            .beginString(BEGIN_STRING).senderCompId("EXEC").targetCompId("BANZAI")
            .socketAcceptAddress("127.0.0.1").socketAcceptPort(port).nonStopSession(true);
        return withStore(builder, store, storeDirectory).build();
    }

    static SessionSettings initiator(int port, Store store, Path storeDirectory) {
        SettingsBuilder builder = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR)
            .beginString(BEGIN_STRING).senderCompId("BANZAI").targetCompId("EXEC")
            .socketConnectHost("127.0.0.1").socketConnectPort(port)
            .heartBtInt(30).reconnectInterval(1).nonStopSession(true);
        return withStore(builder, store, storeDirectory).build();
    }

    private static SettingsBuilder withStore(SettingsBuilder builder, Store store, Path storeDirectory) {
        // the counterparties reset on logon so that a store left by an earlier run starts from 1
        builder.resetOnLogon(true);
        if (store != Store.MEMORY) {
            builder.set("FileStorePath", storeDirectory.toString()).set("FileStoreSync", store.fileStoreSync);
        }
        return builder;
    }

    static EngineSettings engineSettings(boolean busySpin) {
        return EngineSettings.builder().busySpin(busySpin).build();
    }

    /** A NewOrderSingle(D) body: ClOrdID(11) is the order's number, so the answer can be matched to it. */
    static void newOrderSingle(FixEncoder encoder, long clOrdId, long nowNanos) {
        encoder.putLong(11, clOrdId)
            .putString(55, SYMBOL)
            .putChar(54, '1')
            .putUtcTimestamp(60, nowNanos, TimestampPrecision.MILLIS)
            .putDecimal(38, 200_000, 2)
            .putChar(40, '2')
            .putDecimal(44, 6_200_050, 2);
    }

    /**
     * Answers {@code message} with an ExecutionReport(8) that echoes its ClOrdID(11): New for
     * an order, an order status otherwise. What {@link Session#send()} returned.
     */
    static long executionReport(Session session, FixMessage message, long id, boolean order) {
        int clOrdId = message.indexOf(11);
        long now = session.eventTimeNanos();
        FixEncoder report = session.newMessage("8");
        report.putLong(37, id);
        if (clOrdId >= 0) {
            report.putBytes(11, message.buffer(), message.valueOffset(clOrdId), message.valueLength(clOrdId));
        }
        report.putLong(17, id)
            .putChar(150, order ? '0' : 'I')
            .putChar(39, '0')
            .putString(55, SYMBOL)
            .putChar(54, '1')
            .putDecimal(38, 200_000, 2)
            .putDecimal(151, 200_000, 2)
            .putDecimal(14, 0, 0)
            .putDecimal(6, 0, 0)
            .putUtcTimestamp(60, now, TimestampPrecision.MILLIS);
        return session.send();
    }

    /**
     * The counterparty: answers each NewOrderSingle(D) with an ExecutionReport(8) that
     * echoes its ClOrdID ({@code echo}), or only counts it; an OrderStatusRequest(H) is always
     * answered, so the harness learns that every order before it has arrived.
     */
    static final class Exchange implements Application, Counterparty.Side {
        private final boolean echo;
        private Engine engine;
        private int port;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong answered = new AtomicLong();
        private long execId;

        Exchange(boolean echo, boolean busySpin, Store store, Path storeDirectory) throws IOException {
            this.echo = echo;
            IOException failure = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int candidate = freePort();
                Engine created = Engine.create(List.of(acceptor(candidate, store, storeDirectory)),
                    engineSettings(busySpin), this);
                try {
                    created.start();
                    this.engine = created;
                    this.port = candidate;
                    return;
                } catch (IOException e) {
                    // the port was taken between finding it free and listening on it
                    created.close();
                    failure = e;
                }
            }
            throw failure;
        }

        @Override
        public void fromApp(FixMessage message, Session session) {
            CharSequence msgType = message.msgType();
            char type = msgType != null && msgType.length() == 1 ? msgType.charAt(0) : 0;
            boolean order = type == 'D';
            if (order) {
                received.lazySet(received.get() + 1);
                if (!echo) {
                    return;
                }
            } else if (type != 'H') {
                session.rejectUnsupportedMessageType(message);
                return;
            }
            if (executionReport(session, message, ++execId, order) > 0 && order) {
                answered.lazySet(answered.get() + 1);
            }
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
            engine.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
