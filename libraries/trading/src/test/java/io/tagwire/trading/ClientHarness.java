package io.tagwire.trading;

import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/** A {@link TestExchange} behind a Tagwire acceptor and a {@link TradingClient} logged on to it over loopback. */
final class ClientHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestExchange exchange = new TestExchange();
    final List<String> updates = new CopyOnWriteArrayList<>();
    final Engine exchangeEngine;
    final TradingClient client;

    /** TRADER to EXCH in this version, with the builder options given. */
    ClientHarness(String beginString, UnaryOperator<TradingClientBuilder> options) throws Exception {
        this(port -> SessionSettings.builder()
                .connectionType(SessionSettings.ConnectionType.INITIATOR)
                .beginString(beginString).senderCompId("TRADER").targetCompId("EXCH")
                .socketConnectHost("127.0.0.1").socketConnectPort(port)
                .heartBtInt(30).reconnectInterval(1).nonStopSession(true).resetOnLogon(true).build(),
            options, true);
    }

    /**
     * The client's session settings made for the exchange's port; the exchange mirrors them.
     * With {@code validate} false the exchange takes venue messages its dictionary does not know (XCN).
     */
    ClientHarness(IntFunction<SessionSettings> clientSettings, UnaryOperator<TradingClientBuilder> options,
                  boolean validate) throws Exception {
        int port = freePort();
        SessionSettings initiator = clientSettings.apply(port);
        SessionID id = initiator.sessionId();
        SessionSettings acceptor = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.ACCEPTOR)
            .beginString(id.beginString()).senderCompId(id.targetCompId()).targetCompId(id.senderCompId())
            .socketAcceptAddress("127.0.0.1").socketAcceptPort(port).nonStopSession(true)
            .resetOnLogon(true).useDataDictionary(validate).build();
        exchangeEngine = Engine.create(List.of(acceptor), EngineSettings.DEFAULTS, exchange);
        exchange.engine(exchangeEngine);
        client = options.apply(TradingClient.builder().session(initiator)
            .listener(order -> updates.add(order.clOrdId() + " " + order.state()))).build();
        exchangeEngine.start();
        client.start();
        if (!client.awaitLoggedOn(WAIT)) {
            close();
            throw new IllegalStateException("the client did not log on");
        }
    }

    /** Messages of this MsgType the exchange received. */
    long received(String msgType) {
        String field = "|35=" + msgType + "|";
        return exchange.received.stream().filter(text -> text.contains(field)).count();
    }

    @Override
    public void close() {
        client.close();
        exchangeEngine.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
