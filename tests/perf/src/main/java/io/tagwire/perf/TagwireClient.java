package io.tagwire.perf;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * Tagwire's initiator in the harness JVM. Round trips run on the engine's event-loop thread:
 * each ExecutionReport's {@code fromApp} records the time and sends the next order with
 * {@link Session#newMessage}, as an application answering in its callback would, so no
 * other thread is involved. Streaming uses {@link Engine#send} from the calling thread, the
 * path for orders that come from elsewhere, and its bounded ring for back-pressure.
 */
final class TagwireClient implements FixClient, Application {
    private static final byte[] STREAM_TAIL = ("\u000155=" + TagwireSide.SYMBOL + "\u000154=1\u0001"
        + "60=20261126-10:00:00.000\u000138=2000.00\u000140=2\u000144=62000.50\u0001").getBytes(StandardCharsets.US_ASCII);

    private final Engine engine;
    private final Session session;
    private final OrderRun run = new OrderRun(this::sendOrder);

    TagwireClient(int port, boolean busySpin, TagwireSide.Store store, Path storeDirectory) throws Exception {
        engine = Engine.create(List.of(TagwireSide.initiator(port, store, storeDirectory)),
            TagwireSide.engineSettings(busySpin), this);
        session = engine.session(TagwireSide.INITIATOR);
        engine.start();
        if (!engine.awaitLoggedOn(TagwireSide.INITIATOR, Duration.ofSeconds(30))) {
            engine.close();
            throw new TimeoutException("the Tagwire initiator did not log on to port " + port + " within 30 s");
        }
    }

    @Override
    public Run roundTrips(int warmUp, int measured, Histogram histogram) throws Exception {
        run.beginRoundTrips(warmUp, measured, histogram);
        engine.execute(run::sendOrder).get();
        await();
        return run.result(measured);
    }

    /** On the loop: order number {@code clOrdId}. */
    private void sendOrder(long clOrdId) {
        TagwireSide.newOrderSingle(session.newMessage("D"), clOrdId, session.eventTimeNanos());
        if (session.send() < 0) {
            throw new IllegalStateException("the session refused order " + clOrdId + ": not logged on or back-pressured");
        }
    }

    @Override
    public void fromApp(FixMessage message, Session from) {
        long now = System.nanoTime();
        long clOrdId = message.getLong(11, -1);
        if (run.awaitingStatus()) {
            // streaming: only the answer to the OrderStatusRequest comes back
            run.onStatusAnswer(clOrdId, message.getChar(150, ' '), now);
        } else {
            run.onAnswer(clOrdId, now);
        }
    }

    @Override
    public Run pipelined(int count, int window) throws Exception {
        run.beginPipelined(count);
        engine.execute(() -> {
            for (int i = 0; i < Math.min(window, count); i++) {
                run.sendOrder();
            }
        }).get();
        await();
        return run.result(count);
    }

    @Override
    public Run stream(int count) throws Exception {
        run.beginStream(count);
        byte[] body = new byte[64 + STREAM_TAIL.length];
        for (int i = 0; i < count; i++) {
            int length = body(body, i, STREAM_TAIL);
            while (!engine.send(TagwireSide.INITIATOR, "D", body, 0, length)) {
                // the ring is full: let the event loop, which may share this CPU, empty it
                Thread.yield();
            }
        }
        byte[] tail = ("\u000154=1\u000155=" + TagwireSide.SYMBOL + "\u0001").getBytes(StandardCharsets.US_ASCII);
        int length = body(body, count, tail);
        while (!engine.send(TagwireSide.INITIATOR, "H", body, 0, length)) {
            Thread.yield();
        }
        await();
        return run.streamResult(count);
    }

    /** {@code 11=<clOrdId>} and then {@code tail}; the length. */
    private static int body(byte[] body, long clOrdId, byte[] tail) {
        body[0] = '1';
        body[1] = '1';
        body[2] = '=';
        int digits = 1;
        for (long v = clOrdId; v >= 10; v /= 10) {
            digits++;
        }
        long v = clOrdId;
        for (int i = 3 + digits - 1; i >= 3; i--) {
            body[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        System.arraycopy(tail, 0, body, 3 + digits, tail.length);
        return 3 + digits + tail.length;
    }

    private void await() throws TimeoutException {
        run.await("Tagwire", () -> engine.isLoggedOn(TagwireSide.INITIATOR));
    }

    @Override
    public void close() {
        engine.close();
    }
}
