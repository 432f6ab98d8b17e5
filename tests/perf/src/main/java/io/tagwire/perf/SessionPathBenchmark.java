package io.tagwire.perf;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.Application;
import io.tagwire.session.Session;
import io.tagwire.session.SessionFactory;
import io.tagwire.session.SessionOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The session layer's share of a round trip, without sockets: the initiator's Session
 * sends a NewOrderSingle(D) and the acceptor's Session receives it (parse, validation
 * against FIX 4.4, sequence and header checks), its application answers with the same
 * ExecutionReport(8) as the end-to-end counterparty, and the initiator receives that.
 * Bytes pass from one session's {@link SessionOutput} to the other's {@code onMessage}
 * in memory, with the memory store and the settings of {@link RoundTripReport}'s runs.
 *
 * <p>What the end-to-end round trip costs beyond the raw TCP floor is mostly this, plus
 * the event loop's selector and socket calls: a number to improve and to compare when
 * the machine is too busy for {@link RoundTripReport}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Thread)
public class SessionPathBenchmark {
    private Wire toAcceptor;
    private Wire toInitiator;
    private Session initiator;
    private Session acceptor;
    private long clOrdId;
    private long answered;
    private long execId;

    /** New sessions each iteration: the memory store keeps every message sent, as QuickFIX's does. */
    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        Path directory = Files.createTempDirectory("tagwire-session-path");
        SessionFactory factory = new SessionFactory(SessionFactory.MEMORY, directory);
        long now = now();
        acceptor = factory.create(TagwireSide.acceptor(1, TagwireSide.Store.MEMORY, directory), new Application() {
            @Override
            public void fromApp(FixMessage message, Session session) {
                TagwireSide.executionReport(session, message, ++execId, true);
            }
        }, now);
        initiator = factory.create(TagwireSide.initiator(1, TagwireSide.Store.MEMORY, directory), new Application() {
            @Override
            public void fromApp(FixMessage message, Session session) {
                answered = message.getLong(11, -1);
            }
        }, now);
        toAcceptor = new Wire();
        toInitiator = new Wire();
        acceptor.onConnect(toInitiator, now);
        initiator.onConnect(toAcceptor, now);
        toAcceptor.deliver(acceptor, now);
        toInitiator.deliver(initiator, now);
        if (!initiator.isLoggedOn() || !acceptor.isLoggedOn()) {
            throw new IllegalStateException("the sessions did not log on: " + initiator.status() + ", " + acceptor.status());
        }
    }

    /** One NewOrderSingle out, one ExecutionReport back; the ClOrdID the initiator read from the answer. */
    @Benchmark
    public long roundTrip() {
        long now = now();
        long id = ++clOrdId;
        TagwireSide.newOrderSingle(initiator.newMessage("D", now), id, now);
        if (initiator.send(now) < 0) {
            throw new IllegalStateException("order " + id + " refused");
        }
        toAcceptor.deliver(acceptor, now);
        toInitiator.deliver(initiator, now);
        if (answered != id) {
            throw new IllegalStateException("order " + id + " answered with " + answered);
        }
        return answered;
    }

    private static long now() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /** One direction: what a session wrote, handed to the other session as one frame per write. */
    static final class Wire implements SessionOutput {
        private final byte[] buffer = new byte[64 * 1024];
        private final int[] ends = new int[256];
        private int frames;
        private int length;

        @Override
        public boolean write(byte[] bytes, int offset, int count) {
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
            ends[frames++] = length;
            return true;
        }

        @Override
        public void disconnect(String reason) {
            throw new IllegalStateException("disconnected: " + reason);
        }

        void deliver(Session to, long now) {
            int start = 0;
            for (int i = 0; i < frames; i++) {
                to.onMessage(buffer, start, ends[i] - start, now);
                start = ends[i];
            }
            frames = 0;
            length = 0;
        }
    }
}
