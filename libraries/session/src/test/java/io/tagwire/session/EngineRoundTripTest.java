package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Orders and execution reports back and forth between two engines over loopback, one at a
 * time: every round trip arrives, the event-loop threads allocate nothing per message in
 * steady state, and the round-trip times are printed (not asserted: CI machines vary).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EngineRoundTripTest {
    private static final String FIX44 = "FIX.4.4";
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;

    /** Answers each order with a pre-encoded execution report. */
    private static final class Exchange implements Application {
        private final byte[] report = wire(EngineTestSupport.executionReport(FIX44, "RT", 1));

        @Override
        public void fromApp(FixMessage message, Session session) {
            session.newMessage("8").putRawFields(report, 0, report.length);
            session.send();
        }
    }

    /** Counts execution reports. */
    private static final class Client implements Application {
        private volatile int reports;

        @Override
        public void fromApp(FixMessage message, Session session) {
            reports++;
        }
    }

    @Test
    void roundTripsWithoutAllocatingOnTheEventLoops() throws Exception {
        int port = freePort();
        Client client = new Client();
        // PersistMessages=N: the in-memory store grows with every message kept, which is its job, not the engine's
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).persistMessages(false).build(), new Exchange());
             Engine initiatorEngine = engine(initiator(FIX44, port).persistMessages(false).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "RT"));

            run(initiatorEngine, client, order, WARM_UP, null);
            com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] loopThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tagwire-engine-")).mapToLong(Thread::getId).toArray();
            long before = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum();
            long[] nanos = new long[MEASURED];
            long start = System.nanoTime();
            run(initiatorEngine, client, order, MEASURED, nanos);
            long elapsed = System.nanoTime() - start;
            long allocated = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum() - before;

            Arrays.sort(nanos);
            System.out.printf("EngineRoundTripTest: %d round trips over loopback, %.0f per second; "
                    + "round trip p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us; "
                    + "%d bytes allocated on %d event-loop threads%n",
                MEASURED, MEASURED * 1e9 / elapsed, nanos[MEASURED / 2] / 1e3, nanos[MEASURED * 99 / 100] / 1e3,
                nanos[MEASURED * 999 / 1000] / 1e3, nanos[MEASURED - 1] / 1e3, allocated, loopThreads.length);
            assertThat(loopThreads).hasSize(2);
            // a few hundred bytes of slack for the JVM's own bookkeeping, far below one byte per message
            assertThat(allocated).isLessThan(MEASURED / 4);
        }
    }

    @Test
    void streamsOrdersAsFastAsTheRingAllows() throws Exception {
        int port = freePort();
        int count = 100_000;
        Client client = new Client();
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).persistMessages(false).build(), new Exchange());
             Engine initiatorEngine = engine(initiator(FIX44, port).persistMessages(false).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "RT"));
            long start = System.nanoTime();
            int full = 0;
            for (int i = 0; i < count; i++) {
                while (!initiatorEngine.send(initiatorId(FIX44), "D", order, 0, order.length)) {
                    full++;
                    Thread.yield();
                }
            }
            while (client.reports < count) {
                Thread.yield();
            }
            long elapsed = System.nanoTime() - start;
            System.out.printf("EngineRoundTripTest: %d orders streamed and answered in %.2f s: %.0f round trips per "
                + "second (%d send attempts found the ring full)%n", count, elapsed / 1e9, count * 1e9 / elapsed, full);
        }
    }

    @Test
    void busySpinEnginesTradeAndReconnectAfterALogout() throws Exception {
        int port = freePort();
        Client client = new Client();
        EngineSettings spin = EngineSettings.builder().busySpin(true).build();
        try (Engine acceptorEngine = Engine.create(List.of(acceptor(FIX44, port).build()), spin, new Exchange());
             Engine initiatorEngine = Engine.create(List.of(initiator(FIX44, port).reconnectInterval(1).build()), spin,
                 client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "SPIN"));
            run(initiatorEngine, client, order, 2_000, null);
            assertThat(client.reports).isEqualTo(2_000);

            // the acceptor logs out: the initiator's polled socket sees the Logout and then the close
            acceptorEngine.logout(acceptorId(FIX44), "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (initiatorEngine.logonCount(initiatorId(FIX44)) < 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000L);
            }
            assertThat(initiatorEngine.logonCount(initiatorId(FIX44))).isEqualTo(2);
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            assertThat(initiatorEngine.session(initiatorId(FIX44)).nextTargetMsgSeqNum()).isGreaterThan(2_000);
            run(initiatorEngine, client, order, 100, null);
            assertThat(client.reports).isEqualTo(2_100);
        }
    }

    private static void run(Engine engine, Client client, byte[] order, int count, long[] nanos) {
        SessionID id = initiatorId(FIX44);
        for (int i = 0; i < count; i++) {
            int expected = client.reports + 1;
            long sent = System.nanoTime();
            assertThat(engine.send(id, "D", order, 0, order.length)).isTrue();
            while (client.reports < expected) {
                Thread.onSpinWait();
            }
            if (nanos != null) {
                nanos[i] = System.nanoTime() - sent;
            }
        }
    }
}
