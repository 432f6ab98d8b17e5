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
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Tagwire's initiator in the harness JVM. Round trips run on the engine's event-loop thread:
 * each ExecutionReport's {@code fromApp} records the time and sends the next order with
 * {@link Session#newMessage}, as an application answering in its callback would, so no
 * other thread is involved. Streaming uses {@link Engine#send} from the calling thread, the
 * path for orders that come from elsewhere, and its bounded ring for back-pressure.
 */
final class TagwireClient implements FixClient, Application {
    private static final long TIMEOUT_NANOS = Duration.ofMinutes(10).toNanos();
    private static final byte[] STREAM_TAIL = ("\u000155=" + TagwireSide.SYMBOL + "\u000154=1\u0001"
        + "60=20261126-10:00:00.000\u000138=2000.00\u000140=2\u000144=62000.50\u0001").getBytes(StandardCharsets.US_ASCII);

    private final Engine engine;
    private Session session;
    private Histogram histogram;
    private int warmUp;
    private long total;
    private long sent;
    private long sentAtNanos;
    private long matched;
    private long startNanos;
    private long statusClOrdId = -1;
    private boolean pipelining;
    private long answered;
    private volatile long endNanos;
    private volatile boolean done;
    private volatile Thread waiter;

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
        this.histogram = histogram;
        this.warmUp = warmUp;
        this.total = (long) warmUp + measured;
        sent = 0;
        matched = 0;
        statusClOrdId = -1;
        done = false;
        waiter = Thread.currentThread();
        engine.execute(this::sendOrder).get();
        await();
        return new Run(sent, matched, measured, endNanos - startNanos);
    }

    /** On the loop: the next order, timed from here. */
    private void sendOrder() {
        long now = System.nanoTime();
        if (sent == warmUp) {
            startNanos = now;
        }
        sentAtNanos = now;
        TagwireSide.newOrderSingle(session.newMessage("D"), sent, session.eventTimeNanos());
        if (session.send() < 0) {
            throw new IllegalStateException("the session refused order " + sent + ": not logged on or back-pressured");
        }
        sent++;
    }

    @Override
    public void fromApp(FixMessage message, Session from) {
        long now = System.nanoTime();
        long clOrdId = message.getLong(11, -1);
        if (pipelining) {
            if (clOrdId >= answered && clOrdId < sent) {
                matched++;
            }
            answered++;
            if (sent < total) {
                sendOrder();
            } else if (answered == total) {
                finish(now);
            }
            return;
        }
        if (statusClOrdId >= 0) {
            // streaming: only the answer to the OrderStatusRequest comes back
            if (clOrdId == statusClOrdId && message.getChar(150, ' ') == 'I') {
                matched++;
                finish(now);
            }
            return;
        }
        if (clOrdId == sent - 1) {
            matched++;
        }
        if (sent > warmUp) {
            histogram.recordValue(now - sentAtNanos);
        }
        if (sent < total) {
            sendOrder();
        } else {
            finish(now);
        }
    }

    private void finish(long now) {
        endNanos = now;
        done = true;
        LockSupport.unpark(waiter);
    }

    @Override
    public Run pipelined(int count, int window) throws Exception {
        warmUp = 0;
        total = count;
        sent = 0;
        matched = 0;
        answered = 0;
        statusClOrdId = -1;
        done = false;
        pipelining = true;
        waiter = Thread.currentThread();
        engine.execute(() -> {
            for (int i = 0; i < Math.min(window, count); i++) {
                sendOrder();
            }
        }).get();
        await();
        pipelining = false;
        return new Run(sent, matched, count, endNanos - startNanos);
    }

    @Override
    public Run stream(int count) throws Exception {
        done = false;
        matched = 0;
        statusClOrdId = count;
        waiter = Thread.currentThread();
        byte[] body = new byte[64 + STREAM_TAIL.length];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int length = body(body, i, STREAM_TAIL);
            while (!engine.send(TagwireSide.INITIATOR, "D", body, 0, length)) {
                Thread.onSpinWait();
            }
        }
        byte[] tail = ("\u000154=1\u000155=" + TagwireSide.SYMBOL + "\u0001").getBytes(StandardCharsets.US_ASCII);
        int length = body(body, count, tail);
        while (!engine.send(TagwireSide.INITIATOR, "H", body, 0, length)) {
            Thread.onSpinWait();
        }
        await();
        return new Run(count, matched == 1 ? count : 0, count, endNanos - start);
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
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!done) {
            if (System.nanoTime() - deadline > 0 || !engine.isLoggedOn(TagwireSide.INITIATOR)) {
                throw new TimeoutException("Tagwire run stopped after " + sent + " orders, " + matched
                    + " answers matched (logged on: " + engine.isLoggedOn(TagwireSide.INITIATOR) + ")");
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
