package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The initiator side: reconnecting after a dropped connection, failing over, waiting for an acceptor. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InitiatorTest {
    private static final String FIX42 = "FIX.4.2";

    @Test
    void reconnectsAfterTheAcceptorDropsTheConnection() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        EngineTestApplication client = new EngineTestApplication();
        try (Engine acceptorEngine = engine(acceptor(FIX42, port).build(), exchange);
             Engine initiatorEngine = engine(initiator(FIX42, port).reconnectInterval(1).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX42), WAIT)).isTrue();

            acceptorEngine.disconnect(acceptorId(FIX42)).get();

            client.await("a second Logon after ReconnectInterval", app -> app.count("logon") == 2);
            assertThat(client.events()).containsSubsequence("logon", "logout", "logon");
            assertThat(initiatorEngine.logonCount(initiatorId(FIX42))).isEqualTo(2);
            // sequence numbers carried on: the second Logon is MsgSeqNum 2 on both sides
            assertThat(exchange.admin("A")).hasSize(2);
            assertThat(exchange.admin("A").get(1)).contains("|34=2|");
        }
    }

    @Test
    void failsOverToTheNextAddressWhenTheFirstRefuses() throws Exception {
        int refusing = freePort();
        int port = freePort();
        EngineTestApplication client = new EngineTestApplication();
        // a long ReconnectInterval: only an immediate failover logs on within the test's time
        SessionSettings settings = initiator(FIX42, refusing).socketConnectFailover("127.0.0.1", port)
            .reconnectInterval(60).build();
        try (Engine acceptorEngine = engine(acceptor(FIX42, port).build(), new EngineTestApplication());
             Engine initiatorEngine = engine(settings, client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX42), WAIT)).isTrue();
        }
    }

    @Test
    void keepsTryingUntilTheAcceptorListens() throws Exception {
        int port = freePort();
        EngineTestApplication client = new EngineTestApplication();
        try (Engine initiatorEngine = engine(initiator(FIX42, port).reconnectInterval(1).build(), client)) {
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX42), Duration.ofMillis(300))).isFalse();
            try (Engine acceptorEngine = engine(acceptor(FIX42, port).build(), new EngineTestApplication())) {
                acceptorEngine.start();
                assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX42), WAIT)).isTrue();
            }
            client.await("the Logout when the acceptor stops", app -> app.count("logout") == 1);
        }
    }
}
