package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.codec.FixMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Engine#send} from other threads: back-pressure as a return value, nothing lost or reordered. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineSendTest {
    private static final String FIX44 = "FIX.4.4";
    private static final SessionID CLIENT = initiatorId(FIX44);

    @Test
    void returnsFalseWhenTheSendRingIsFull() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).build(), exchange);
             Engine initiatorEngine = engine(initiator(FIX44, port).sendQueueCapacity(2).build(),
                 new EngineTestApplication())) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(CLIENT, WAIT)).isTrue();

            // hold the event loop so nothing drains the ring
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            initiatorEngine.execute(() -> {
                held.countDown();
                awaitQuietly(release);
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(send(initiatorEngine, "Q1")).isTrue();
            assertThat(send(initiatorEngine, "Q2")).isTrue();
            assertThat(send(initiatorEngine, "Q3")).isFalse();
            release.countDown();

            exchange.await("the two queued orders", app -> app.app("D").size() == 2);
            assertThat(exchange.app("D").get(0)).contains("|11=Q1|");
            assertThat(exchange.app("D").get(1)).contains("|11=Q2|");
            initiatorEngine.execute(() -> { }).get();
            assertThat(send(initiatorEngine, "Q4")).isTrue();
            exchange.await("the order after the back-pressure", app -> app.app("D").size() == 3);
        }
    }

    @Test
    void deliversEveryMessageFromManyThreadsInEachThreadsOrder() throws Exception {
        int port = freePort();
        int threads = 4;
        int perThread = 500;
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).build(), exchange);
             Engine initiatorEngine = engine(initiator(FIX44, port).sendQueueCapacity(16).build(),
                 new EngineTestApplication())) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(CLIENT, WAIT)).isTrue();

            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "T" + t + "-";
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        byte[] body = wire(newOrderSingle(FIX44, prefix + i));
                        while (!initiatorEngine.send(CLIENT, "D", body, 0, body.length)) {
                            Thread.yield();
                        }
                    }
                });
                senders.add(sender);
                sender.start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            exchange.await("every order", app -> app.app("D").size() == threads * perThread);
            List<String> orders = exchange.app("D");
            for (int t = 0; t < threads; t++) {
                String prefix = "|11=T" + t + "-";
                List<String> mine = orders.stream().filter(o -> o.contains(prefix)).toList();
                assertThat(mine).hasSize(perThread);
                for (int i = 0; i < perThread; i++) {
                    assertThat(mine.get(i)).contains(prefix + i + "|");
                }
            }
            assertThat(exchange.events()).noneMatch(event -> event.contains("|35=3|"));
        }
    }

    /** Holds its event loop in the first order's fromApp until released, so it stops reading; counts orders. */
    private static final class StalledExchange implements Application {
        final CountDownLatch release = new CountDownLatch(1);
        volatile int orders;

        @Override
        public void fromApp(FixMessage message, Session session) {
            if (orders++ == 0) {
                awaitQuietly(release);
            }
        }
    }

    @Test
    void backPressuresTheSenderInsteadOfDisconnectingWhenTheCounterpartyStopsReading() throws Exception {
        int port = freePort();
        StalledExchange exchange = new StalledExchange();
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).persistMessages(false).build(), exchange);
             Engine initiatorEngine = engine(initiator(FIX44, port).persistMessages(false).build(),
                 new EngineTestApplication())) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(CLIENT, WAIT)).isTrue();
            byte[] body = wire(newOrderSingle(FIX44, "BIG") + "58=" + "x".repeat(1000) + "|");

            try {
                // far more than the socket buffers and the 4 MiB outbound bound hold, unless back-pressure stops us
                int accepted = 0;
                long refusedSince = 0;
                while (accepted < 100_000) {
                    if (initiatorEngine.send(CLIENT, "D", body, 0, body.length)) {
                        accepted++;
                        refusedSince = 0;
                    } else if (refusedSince == 0) {
                        refusedSince = System.nanoTime();
                    } else if (System.nanoTime() - refusedSince > TimeUnit.MILLISECONDS.toNanos(500)) {
                        break;
                    }
                }
                assertThat(accepted).as("Engine.send refused orders once the counterparty fell behind")
                    .isLessThan(100_000);
                assertThat(initiatorEngine.isLoggedOn(CLIENT)).as("still logged on while back-pressured").isTrue();

                exchange.release.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (exchange.orders < accepted && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(exchange.orders).as("every accepted order arrived").isEqualTo(accepted);
                assertThat(initiatorEngine.isLoggedOn(CLIENT)).isTrue();
            } finally {
                // a failed assertion must not leave the acceptor's loop held, or closing it would hang
                exchange.release.countDown();
            }
        }
    }

    @Test
    void refusesMisuseWithAMessage() throws Exception {
        try (Engine engine = engine(initiator(FIX44, freePort()).maxMessageSize(1024).build(),
            new EngineTestApplication())) {
            byte[] body = new byte[2048];
            assertThatThrownBy(() -> engine.send(new SessionID(FIX44, "NOBODY", "EXEC"), "D", body, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no session");
            assertThatThrownBy(() -> engine.send(CLIENT, "D", body, 0, body.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MaxMessageSize");
            assertThatThrownBy(() -> engine.send(CLIENT, "", body, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MsgType");
        }
    }

    private static boolean send(Engine engine, String clOrdId) {
        byte[] body = wire(newOrderSingle(FIX44, clOrdId));
        return engine.send(CLIENT, "D", body, 0, body.length);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
