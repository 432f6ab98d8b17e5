package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session timers as the event loop drives them, with HeartBtInt(108)=1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineTimersTest {
    private static final String FIX44 = "FIX.4.4";

    @Test
    void heartbeatsKeepAnIdleSessionUp() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        EngineTestApplication client = new EngineTestApplication();
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).build(), exchange);
             Engine initiatorEngine = engine(initiator(FIX44, port).heartBtInt(1).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            exchange.await("three Heartbeats", app -> app.admin("0").size() >= 3);
            client.await("three Heartbeats", app -> app.admin("0").size() >= 3);
            assertThat(initiatorEngine.isLoggedOn(initiatorId(FIX44))).isTrue();
            assertThat(acceptorEngine.isLoggedOn(acceptorId(FIX44))).isTrue();
            assertThat(exchange.count("logout") + client.count("logout")).isZero();
        }
    }

    @Test
    void sendsATestRequestToASilentCounterpartyThenDisconnectsIt() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine engine = engine(acceptor(FIX44, port).build(), exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.send("35=A|34=1|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|98=0|108=1|");
                assertThat(client.receive()).contains("|35=A|", "|108=1|");
                assertThat(client.receive("1")).contains("|112=");
                assertThat(client.receive("never")).isNull();
            }
            exchange.await("the disconnect", app -> app.count("logout") == 1);
        }
    }
}
