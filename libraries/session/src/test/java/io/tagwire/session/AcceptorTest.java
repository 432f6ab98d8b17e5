package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The acceptor side: which connections it takes, which it closes without a word, and that
 * nothing a counterparty sends stops the engine.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AcceptorTest {
    private static final String FIX44 = "FIX.4.4";

    @Test
    void closesLogonsForUnknownSessionsWithoutReply() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine engine = engine(acceptor(FIX44, port).build(), exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("WHO", "EXEC", 1).receive()).isNull();
            }
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("BANZAI", "NOTUS", 1).receive()).isNull();
            }
            try (EngineTestClient client = new EngineTestClient(port, "FIX.4.2")) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).isNull();
            }
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|", "|49=EXEC|");
            }
            exchange.await("the end of the one good connection", app -> app.count("logout") == 1);
            assertThat(exchange.count("logon")).isEqualTo(1);
        }
    }

    @Test
    void closesConnectionsThatDoNotStartWithALogon() throws Exception {
        int port = freePort();
        try (Engine engine = engine(acceptor(FIX44, port).logonTimeout(1).build(), new EngineTestApplication())) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.send("35=0|34=1|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|");
                assertThat(client.receive()).isNull();
            }
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.sendRaw("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(client.receive()).isNull();
            }
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.sendWithBadChecksum("35=A|34=1|49=BANZAI|52=" + EngineTestClient.sendingTime()
                    + "|56=EXEC|98=0|108=30|");
                assertThat(client.receive()).isNull();
            }
            try (EngineTestClient silent = new EngineTestClient(port, FIX44)) {
                // nothing sent: closed after LogonTimeout
                assertThat(silent.receive()).isNull();
            }
            // the engine is still there for a proper counterparty
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");
            }
        }
    }

    @Test
    void keepsTheFirstConnectionWhenASecondLogonArrives() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).build(), exchange);
             Engine initiatorEngine = engine(initiator(FIX44, port).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();

            try (EngineTestClient intruder = new EngineTestClient(port, FIX44)) {
                assertThat(intruder.logon("BANZAI", "EXEC", 2).receive()).isNull();
            }

            byte[] order = wire(newOrderSingle(FIX44, "AFTER"));
            assertThat(initiatorEngine.send(initiatorId(FIX44), "D", order, 0, order.length)).isTrue();
            client.await("the ExecutionReport", app -> app.app("8").size() == 1);
            assertThat(acceptorEngine.logonCount(acceptorId(FIX44))).isEqualTo(1);
            assertThat(exchange.count("logout")).isZero();
            assertThat(client.count("logout")).isZero();
        }
    }

    @Test
    void ignoresGarbageAndBadCheckSumsOnALoggedOnSession() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine engine = engine(acceptor(FIX44, port).build(), exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                garbageIsIgnored(engine, client, exchange);
            }
        }
    }

    private static void garbageIsIgnored(Engine engine, EngineTestClient client, EngineTestApplication exchange)
        throws Exception {
        {
            assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");

            client.sendRaw("garbage\u0001 more garbage 8=FIX.4.4|9=5|35=0|10=000|");
            client.sendWithBadChecksum("35=0|34=2|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|");
            // garbled messages use up no MsgSeqNum (FIX session spec): 2 is still expected
            client.send("35=1|34=2|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|112=PING|");

            assertThat(client.receive("0")).contains("|112=PING|");
            assertThat(engine.isLoggedOn(acceptorId(FIX44))).isTrue();
            assertThat(exchange.count("logout")).isZero();
        }
    }

    @Test
    void servesManySessionsOnOnePort() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        List<SessionSettings> acceptors = List.of(acceptor(FIX44, port).build(), acceptor("FIX.4.2", port).build(),
            acceptor(FIX44, port).targetCompId("OTHER").build());
        List<SessionSettings> initiators = List.of(initiator(FIX44, port).build(), initiator("FIX.4.2", port).build(),
            initiator(FIX44, port).senderCompId("OTHER").build());
        try (Engine acceptorEngine = Engine.create(acceptors, EngineSettings.DEFAULTS, exchange);
             Engine initiatorEngine = Engine.create(initiators, EngineSettings.DEFAULTS, client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(acceptorEngine.acceptorPorts()).containsExactly(port);
            for (SessionSettings settings : initiators) {
                assertThat(initiatorEngine.awaitLoggedOn(settings.sessionId(), WAIT)).isTrue();
                String beginString = settings.sessionId().beginString();
                byte[] order = wire(newOrderSingle(beginString, settings.sessionId().senderCompId()));
                assertThat(initiatorEngine.send(settings.sessionId(), "D", order, 0, order.length)).isTrue();
            }
            client.await("three ExecutionReports", app -> app.app("8").size() == 3);
            assertThat(client.app("8")).anySatisfy(m -> assertThat(m).contains("8=FIX.4.2|", "|11=BANZAI|"))
                .anySatisfy(m -> assertThat(m).contains("8=FIX.4.4|", "|56=BANZAI|", "|11=BANZAI|"))
                .anySatisfy(m -> assertThat(m).contains("8=FIX.4.4|", "|56=OTHER|", "|11=OTHER|"));
        }
    }

    @Test
    void createsSessionsFromAnAcceptorTemplate() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        SessionSettings template = acceptor(FIX44, port).targetCompId("*").set("AcceptorTemplate", "Y")
            .heartBtInt(20).build();
        SessionID dynamic = new SessionID(FIX44, "EXEC", "DESK7");
        try (Engine acceptorEngine = engine(template, exchange);
             Engine initiatorEngine = engine(initiator(FIX44, port).senderCompId("DESK7").build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(new SessionID(FIX44, "DESK7", "EXEC"), WAIT)).isTrue();
            assertThat(acceptorEngine.isLoggedOn(dynamic)).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "DYN1"));
            assertThat(initiatorEngine.send(new SessionID(FIX44, "DESK7", "EXEC"), "D", order, 0, order.length))
                .isTrue();
            client.await("the ExecutionReport", app -> app.app("8").size() == 1);
            assertThat(acceptorEngine.sessions()).extracting(Session::sessionId).containsExactly(dynamic);
        }
    }
}
