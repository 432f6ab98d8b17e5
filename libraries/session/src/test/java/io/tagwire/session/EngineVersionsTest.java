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

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Tagwire initiator against a Tagwire acceptor over real sockets, for every FIX
 * version: Logon, orders one way and execution reports the other, a gap each way restored
 * by ResendRequest with resent messages and a gap fill, and Logout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineVersionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.0", "FIX.4.1", "FIX.4.2", "FIX.4.3", "FIX.4.4", "FIXT.1.1"})
    void logsOnTradesRecoversGapsAndLogsOut(String beginString) throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        SessionID clientId = initiatorId(beginString);
        SessionID exchangeId = acceptorId(beginString);
        try (Engine acceptorEngine = engine(acceptor(beginString, port).build(), exchange);
             Engine initiatorEngine = engine(initiator(beginString, port).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(clientId, WAIT)).isTrue();
            assertThat(acceptorEngine.awaitLoggedOn(exchangeId, WAIT)).isTrue();

            // an order out, its execution report back
            send(initiatorEngine, clientId, beginString, "ORD1");
            client.await("the ExecutionReport for ORD1", app -> app.app("8").size() == 1);
            assertThat(client.app("8").get(0)).contains("|11=ORD1|", "|39=0|");

            // the acceptor forgets it processed MsgSeqNum 2: the next order looks too high, it asks
            // for a resend and gets ORD1 again with PossDupFlag(43)=Y, then ORD2
            acceptorEngine.execute(() -> setNextTarget(acceptorEngine.session(exchangeId), 2)).get();
            send(initiatorEngine, clientId, beginString, "ORD2");
            exchange.await("ORD1 resent, then ORD2", app -> app.app("D").size() == 3);
            assertThat(exchange.app("D").get(1)).contains("|43=Y|", "|11=ORD1|", "|122=");
            assertThat(exchange.app("D").get(2)).contains("|11=ORD2|").doesNotContain("|43=Y|");
            assertThat(client.admin("2")).hasSize(1);
            assertThat(client.admin("2").get(0)).contains("|7=2|");

            // the initiator skips three MsgSeqNums: the acceptor asks for them and gets a gap fill
            int skippedFrom = initiatorEngine.session(clientId).nextSenderMsgSeqNum();
            initiatorEngine.execute(() -> setNextSender(initiatorEngine.session(clientId), skippedFrom + 3)).get();
            send(initiatorEngine, clientId, beginString, "ORD3");
            exchange.await("ORD3 after the gap fill", app -> app.app("D").size() == 4);
            assertThat(exchange.admin("4")).anySatisfy(reset -> assertThat(reset)
                .contains("|34=" + skippedFrom + "|", "|36=" + (skippedFrom + 3) + "|", "|123=Y|"));
            assertThat(exchange.app("D").get(3)).contains("|11=ORD3|");

            // the execution reports for all four orders got back, in step
            client.await("four ExecutionReports", app -> app.app("8").size() == 4);
            int[] sequences = new int[4];
            initiatorEngine.execute(() -> {
                sequences[0] = initiatorEngine.session(clientId).nextSenderMsgSeqNum();
                sequences[1] = initiatorEngine.session(clientId).nextTargetMsgSeqNum();
            }).get();
            acceptorEngine.execute(() -> {
                sequences[2] = acceptorEngine.session(exchangeId).nextTargetMsgSeqNum();
                sequences[3] = acceptorEngine.session(exchangeId).nextSenderMsgSeqNum();
            }).get();
            assertThat(sequences[0]).isEqualTo(sequences[2]);
            assertThat(sequences[1]).isEqualTo(sequences[3]);
            assertThat(exchange.events()).noneMatch(event -> event.contains("|35=3|"));
            assertThat(client.events()).noneMatch(event -> event.contains("|35=3|") || event.contains("|35=j|"));

            // Logout when the initiator stops
            initiatorEngine.stop();
            exchange.await("the Logout", app -> app.count("logout") == 1);
            assertThat(exchange.admin("5")).hasSize(1);
            assertThat(client.admin("5")).hasSize(1);
            assertThat(client.count("logout")).isEqualTo(1);
        }
    }

    private static void send(Engine engine, SessionID id, String beginString, String clOrdId) {
        byte[] body = wire(newOrderSingle(beginString, clOrdId));
        assertThat(engine.send(id, "D", body, 0, body.length)).isTrue();
    }

    private static void setNextTarget(Session session, int msgSeqNum) {
        try {
            session.nextTargetMsgSeqNum(msgSeqNum);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void setNextSender(Session session, int msgSeqNum) {
        try {
            session.nextSenderMsgSeqNum(msgSeqNum);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
