package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import io.tagwire.match.Instrument;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.LogonSigners;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Orders and cancels through the Binance emulation, one at a time, from a Tagwire client
 * over loopback: the exchange's event-loop thread allocates nothing per message in steady
 * state, and the round-trip times are printed (not asserted: machines vary).
 */
@Timeout(120)
class ExchangeRoundTripTest {
    private static final int HISTORY = 1_024;
    /** More orders than the exchange keeps: its order objects and index are all in use, as in a long run. */
    private static final int WARM_UP = 4 * HISTORY;
    private static final int MEASURED = 5_000;

    /** Counts ExecutionReports. */
    private static final class Client implements Application {
        private final Credentials credentials;
        private volatile int reports;

        Client(Credentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public void toAdmin(OutboundMessage message, Session session) {
            if (message.message().msgTypeKey() == 'A') {
                LogonSigners.binance().sign(message, credentials);
                message.encoder().putInt(25035, 1);
            }
        }

        @Override
        public void fromApp(FixMessage message, Session session) {
            if (message.msgTypeKey() == '8') {
                reports++;
            }
        }
    }

    @Test
    void ordersAndCancelsWithoutAllocatingOnTheExchangeLoop() throws Exception {
        KeyPair keys = KeyFiles.generateEd25519();
        Client client = new Client(Credentials.builder().apiKey("k").privateKey(keys.getPrivate()).build());
        try (ExchangeSimulator exchange = ExchangeSimulator.builder().venue(Venue.BINANCE_SPOT)
            .keys(new KeyRegistry().addPublicKey("k", keys.getPublic()))
            .instrument(new Instrument("BTCUSDT", 2, 1, 5, 1)).noMarketMaker().orderHistory(HISTORY)
            // Binance's 10,000 messages per 10 s would log this burst out
            .messageLimit(1_000_000, Duration.ofSeconds(1)).build()) {
            exchange.start();
            SessionSettings settings = SessionSettings.builder()
                .connectionType(SessionSettings.ConnectionType.INITIATOR).beginString("FIX.4.4")
                .senderCompId("RT").targetCompId("SPOT").socketConnectHost("127.0.0.1")
                .socketConnectPort(exchange.port()).heartBtInt(30).resetOnLogon(true).useDataDictionary(false)
                .persistMessages(false).nonStopSession(true).build();
            SessionID id = settings.sessionId();
            try (Engine engine = Engine.create(List.of(settings), EngineSettings.DEFAULTS, client)) {
                engine.start();
                assertThat(engine.awaitLoggedOn(id, FixClient.WAIT)).isTrue();
                run(engine, id, client, 0, WARM_UP, null);
                com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long loop = exchange.engineThreadId();
                long before = threads.getThreadAllocatedBytes(loop);
                long[] nanos = new long[MEASURED * 2];
                long start = System.nanoTime();
                run(engine, id, client, WARM_UP, MEASURED, nanos);
                long elapsed = System.nanoTime() - start;
                long allocated = threads.getThreadAllocatedBytes(loop) - before;
                Arrays.sort(nanos);
                System.out.printf("ExchangeRoundTripTest: %d orders and %d cancels, %.0f round trips per second; "
                        + "round trip p50 %.1f us, p99 %.1f us, p99.9 %.1f us; "
                        + "%d bytes allocated on the exchange loop%n",
                    MEASURED, MEASURED, nanos.length * 1e9 / elapsed, nanos[nanos.length / 2] / 1e3,
                    nanos[nanos.length * 99 / 100] / 1e3, nanos[nanos.length * 999 / 1000] / 1e3, allocated);
                // slack for the JVM's own bookkeeping, far below one byte per message
                assertThat(allocated).isLessThan(MEASURED / 2);
            }
        }
    }

    private static void run(Engine engine, SessionID id, Client client, int first, int count, long[] nanos) {
        for (int i = first; i < first + count; i++) {
            String clOrdId = "o" + i;
            roundTrip(engine, id, client, "D", "11=" + clOrdId + "|38=1|40=2|44=100.00|54=1|55=BTCUSDT|",
                nanos, (i - first) * 2);
            roundTrip(engine, id, client, "F", "11=c" + i + "|41=" + clOrdId + "|55=BTCUSDT|", nanos,
                (i - first) * 2 + 1);
        }
    }

    private static void roundTrip(Engine engine, SessionID id, Client client, String msgType, String body,
                                  long[] nanos, int index) {
        byte[] bytes = body.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        int expected = client.reports + 1;
        long sent = System.nanoTime();
        assertThat(engine.send(id, msgType, bytes, 0, bytes.length)).isTrue();
        long deadline = sent + FixClient.WAIT.toNanos();
        while (client.reports < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ExecutionReport for " + body + " within " + FixClient.WAIT);
            }
            Thread.onSpinWait();
        }
        if (nanos != null) {
            nanos[index] = System.nanoTime() - sent;
        }
    }
}
