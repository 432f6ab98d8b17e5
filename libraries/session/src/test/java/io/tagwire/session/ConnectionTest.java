package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The outbound path: what the socket does not take waits for OP_WRITE, up to a bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionTest {
    private static final String FIX44 = "FIX.4.4";
    private static final SessionID EXCHANGE = acceptorId(FIX44);

    @Test
    void deliversEverythingToACounterpartyThatReadsLate() throws Exception {
        int port = freePort();
        int messages = 400;
        byte[] news = news(8_000);
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine engine = engine(acceptor(FIX44, port).build(), exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");
                // about 3 MB while the counterparty reads nothing: most of it waits in the engine for OP_WRITE
                long[] results = new long[messages];
                engine.execute(() -> {
                    Session session = engine.session(EXCHANGE);
                    for (int i = 0; i < messages; i++) {
                        session.newMessage("B", engine.nowNanos()).putRawFields(news, 0, news.length);
                        results[i] = session.send(engine.nowNanos());
                    }
                }).get();
                assertThat(java.util.Arrays.stream(results).min().getAsLong()).isPositive();
                for (int i = 0; i < messages; i++) {
                    String message = client.receive("B");
                    assertThat(message).contains("|34=" + (i + 2) + "|").endsWith("|");
                }
                assertThat(engine.isLoggedOn(EXCHANGE)).isTrue();
            }
        }
    }

    @Test
    void disconnectsACounterpartyThatNeverReads() throws Exception {
        int port = freePort();
        byte[] news = news(60_000);
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine engine = engine(acceptor(FIX44, port).build(), exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");
                long[] last = new long[1];
                int[] sent = new int[1];
                engine.execute(() -> {
                    Session session = engine.session(EXCHANGE);
                    // at most 4 MiB in the engine plus what the kernel holds: well under 60 MB
                    while (sent[0] < 1_000 && last[0] >= 0) {
                        session.newMessage("B", engine.nowNanos()).putRawFields(news, 0, news.length);
                        last[0] = session.send(engine.nowNanos());
                        sent[0]++;
                    }
                }).get();
                assertThat(last[0]).isEqualTo(Session.BACK_PRESSURED);
                assertThat(engine.isLoggedOn(EXCHANGE)).isFalse();
                exchange.await("the logout", app -> app.count("logout") == 1);
            }
        }
    }

    /** A News(B) body with a Text(58) of {@code size} bytes. */
    private static byte[] news(int size) {
        return EngineTestSupport.wire("148=headline|33=1|58=" + "n".repeat(size) + "|");
    }
}
