package io.tagwire.perf;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * The bookkeeping of a harness run, the same for every engine: orders sent (ClOrdID = their
 * number), when, which answers matched, the round-trip histogram, and the end of the run that
 * the harness thread waits for. The engine's client sends the orders and passes each answer
 * in; it calls everything but {@link #await} from one thread at a time (its event loop, or
 * under its lock).
 */
final class OrderRun {
    /** Sends order number {@code clOrdId}. */
    @FunctionalInterface
    interface OrderSender {
        void send(long clOrdId);
    }

    private static final long TIMEOUT_NANOS = Duration.ofMinutes(10).toNanos();
    private static final long CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    private final OrderSender sender;
    private Histogram histogram;
    private int warmUp;
    private long total;
    private long sent;
    private long sentAtNanos;
    private long matched;
    private long answered;
    private long startNanos;
    private boolean pipelining;
    private volatile long statusClOrdId = -1;
    private volatile long endNanos;
    private volatile boolean done;
    private volatile Thread waiter;

    OrderRun(OrderSender sender) {
        this.sender = sender;
    }

    /** One order in flight: {@code warmUp} unmeasured, then {@code measured} timed into {@code histogram}. */
    void beginRoundTrips(int warmUp, int measured, Histogram histogram) {
        reset();
        this.histogram = histogram;
        this.warmUp = warmUp;
        this.total = (long) warmUp + measured;
    }

    /** {@code count} orders, up to a window of them in flight, each answer sending the next. */
    void beginPipelined(int count) {
        reset();
        total = count;
        pipelining = true;
    }

    /**
     * Orders streamed by the caller, then an OrderStatusRequest(H) with ClOrdID
     * {@code statusClOrdId}, whose answer ends the run.
     */
    void beginStream(long statusClOrdId) {
        reset();
        this.statusClOrdId = statusClOrdId;
        startNanos = System.nanoTime();
    }

    private void reset() {
        histogram = null;
        warmUp = 0;
        total = 0;
        sent = 0;
        matched = 0;
        answered = 0;
        pipelining = false;
        statusClOrdId = -1;
        done = false;
        waiter = Thread.currentThread();
    }

    /** Sends the next order, timed from here. */
    void sendOrder() {
        long now = System.nanoTime();
        if (sent == warmUp) {
            startNanos = now;
        }
        sentAtNanos = now;
        sender.send(sent);
        sent++;
    }

    /** Whether only the answer to the stream's OrderStatusRequest(H) is awaited. */
    boolean awaitingStatus() {
        return statusClOrdId >= 0;
    }

    /** The answer to the stream's status request, ExecType(150) 'I', ends the run. */
    void onStatusAnswer(long clOrdId, char execType, long nowNanos) {
        if (clOrdId == statusClOrdId && execType == 'I') {
            matched++;
            finish(nowNanos);
        }
    }

    /** An ExecutionReport for order {@code clOrdId}: matched, timed, and the next order sent. */
    void onAnswer(long clOrdId, long nowNanos) {
        if (pipelining) {
            if (clOrdId >= answered && clOrdId < sent) {
                matched++;
            }
            answered++;
            if (sent < total) {
                sendOrder();
            } else if (answered == total) {
                finish(nowNanos);
            }
            return;
        }
        if (clOrdId == sent - 1) {
            matched++;
        }
        if (sent > warmUp) {
            histogram.recordValue(nowNanos - sentAtNanos);
        }
        if (sent < total) {
            sendOrder();
        } else {
            finish(nowNanos);
        }
    }

    private void finish(long nowNanos) {
        endNanos = nowNanos;
        done = true;
        LockSupport.unpark(waiter);
    }

    /** Waits for the end of the run; fails when it takes too long or the session went down. */
    void await(String engine, BooleanSupplier loggedOn) throws TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!done) {
            if (System.nanoTime() - deadline > 0 || !loggedOn.getAsBoolean()) {
                throw new TimeoutException(engine + " run stopped after " + sent + " orders, " + matched
                    + " answers matched (logged on: " + loggedOn.getAsBoolean() + ")");
            }
            // finish() unparks this thread; the timeout only checks the session. Waking more often
            // would take the CPU from a busy-spinning event loop pinned beside this thread
            LockSupport.parkNanos(CHECK_NANOS);
        }
    }

    /** The round trips or pipelined orders, {@code measured} of them timed. */
    Run result(long measured) {
        return new Run(sent, matched, measured, endNanos - startNanos);
    }

    /** A stream of {@code count} orders counts as all matched when its status request was answered. */
    Run streamResult(int count) {
        return new Run(count, matched == 1 ? count : 0, count, endNanos - startNanos);
    }
}
