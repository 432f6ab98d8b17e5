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

import io.tagwire.codec.FixMessage;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Orders and execution reports between two engines over TLS 1.3 on loopback, one at a
 * time, against the same over plain TCP: what the event-loop threads allocate per message
 * over TLS (Tagwire's own path allocates nothing; the JDK's SSLEngine allocates a little per
 * record, which this bounds) and the round-trip overhead of TLS (printed, not asserted).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsRoundTripTest {
    private static final String FIX44 = "FIX.4.4";
    private static final int WARM_UP = 10_000;
    private static final int MEASURED = 10_000;
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

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

    /** What one run measured. */
    private static final class Result {
        long[] nanos = new long[MEASURED];
        long allocated;
    }

    @Test
    void roundTripsOverTlsAllocatingNoMoreThanTheJdkEngineItself() throws Exception {
        TlsTestCertificates certificates = TlsTestCertificates.get();
        int tcpPort = freePort();
        Result tcp = run(acceptor(FIX44, tcpPort), initiator(FIX44, tcpPort));
        int tlsPort = freePort();
        Result tls = run(certificates.acceptor(acceptor(FIX44, tlsPort), certificates.server())
                .set("EnabledProtocols", "TLSv1.3"),
            certificates.initiator(initiator(FIX44, tlsPort)).socketConnectHost("localhost"));

        // the same engines' wrap and unwrap of records of the same size, with no socket and no Tagwire around them
        SessionSettings server = certificates.acceptor(acceptor(FIX44, tlsPort), certificates.server())
            .set("EnabledProtocols", "TLSv1.3").build();
        SessionSettings client = certificates.initiator(initiator(FIX44, tlsPort)).build();
        double jdkPerRecord = jdkBytesPerRecord(TlsContext.of(client).clientEngine("localhost", tlsPort),
            TlsContext.of(server).serverEngine(), wire(newOrderSingle(FIX44, "RT")).length + 100);

        System.out.printf("TlsRoundTripTest: %d round trips each; TCP p50 %.1f us p99 %.1f us; TLS 1.3 p50 %.1f us "
                + "p99 %.1f us; event loops allocated %d bytes over TCP, %d over TLS (%.0f per round trip); the "
                + "JDK's SSLEngine alone allocates %.0f bytes per record wrapped and unwrapped%n",
            MEASURED, p(tcp, 50), p(tcp, 99), p(tls, 50), p(tls, 99), tcp.allocated, tls.allocated,
            tls.allocated / (double) MEASURED, jdkPerRecord);
        assertThat(tcp.allocated).isLessThan(MEASURED / 4);
        // a round trip is two records (order and report), each wrapped once and unwrapped once; slack for the JVM
        assertThat((double) tls.allocated).isLessThan(1.25 * 2 * jdkPerRecord * MEASURED + 100_000);
    }

    /** Bytes the JDK's engines allocate to wrap and unwrap one record of {@code size} plaintext bytes. */
    private static double jdkBytesPerRecord(SSLEngine client, SSLEngine server, int size) throws Exception {
        int packet = client.getSession().getPacketBufferSize();
        ByteBuffer toServer = ByteBuffer.allocate(packet);
        ByteBuffer toClient = ByteBuffer.allocate(packet);
        ByteBuffer plain = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 1_000 && !(idle(client) && idle(server) && toServer.position() == 0
            && toClient.position() == 0); i++) {
            step(client, toServer, toClient, plain);
            step(server, toClient, toServer, plain);
        }
        assertThat(idle(client) && idle(server)).as("in-memory handshake done").isTrue();
        ByteBuffer message = ByteBuffer.allocate(size);
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = 0;
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            if (i == WARM_UP) {
                before = threads.getCurrentThreadAllocatedBytes();
            }
            message.clear();
            client.wrap(message, toServer);
            toServer.flip();
            plain.clear();
            server.unwrap(toServer, plain);
            toServer.clear();
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / (double) MEASURED;
    }

    private static boolean idle(SSLEngine engine) {
        return engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
    }

    /** One handshake step of {@code engine}: tasks, a message out, or a message in. */
    private static void step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer plain) throws Exception {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            engine.wrap(NONE, out);
        } else if (in.position() > 0) {
            in.flip();
            plain.clear();
            engine.unwrap(in, plain);
            in.compact();
        }
    }

    private static double p(Result result, int percentile) {
        return result.nanos[MEASURED * percentile / 100] / 1e3;
    }

    private static Result run(SettingsBuilder acceptorSettings, SettingsBuilder initiatorSettings) throws Exception {
        Client client = new Client();
        Result result = new Result();
        // PersistMessages=N: the in-memory store grows with every message kept, which is its job, not the engine's
        try (Engine acceptorEngine = engine(acceptorSettings.persistMessages(false).build(), new Exchange());
             Engine initiatorEngine = engine(initiatorSettings.persistMessages(false).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "RT"));
            roundTrips(initiatorEngine, client, order, WARM_UP, null);
            com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            String[] names = {threadName(acceptorEngine), threadName(initiatorEngine)};
            long[] loopThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> Arrays.asList(names).contains(t.getName())).mapToLong(Thread::getId).toArray();
            assertThat(loopThreads).hasSize(2);
            long before = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum();
            roundTrips(initiatorEngine, client, order, MEASURED, result.nanos);
            result.allocated = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum() - before;
        }
        Arrays.sort(result.nanos);
        return result;
    }

    /** The name of the engine's loop thread, asked on that thread. */
    private static String threadName(Engine engine) throws Exception {
        String[] name = new String[1];
        engine.execute(() -> name[0] = Thread.currentThread().getName()).get();
        return name[0];
    }

    private static void roundTrips(Engine engine, Client client, byte[] order, int count, long[] nanos) {
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
