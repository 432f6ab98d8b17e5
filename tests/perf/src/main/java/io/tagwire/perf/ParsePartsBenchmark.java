package io.tagwire.perf;

import io.tagwire.codec.FixFramer;
import io.tagwire.codec.FixMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the NewOrderSingle parse time goes: framing, indexing, reading fields (Tagwire only).
 * {@link #index} parses the same order each time, as an order flow sends the same fields in
 * the same order, so {@code FixMessage} checks it against the layout it remembers;
 * {@link #indexNewLayoutEachTime} parses two orders whose fields come in different orders in
 * turn, so it never can, and shows the general path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParsePartsBenchmark {
    private byte[] wire;
    private FixFramer framer;
    private FixMessage message;
    private NewOrderSingleParseBenchmark.TagwireOrder order;
    private byte[] reordered;
    private boolean flip;

    @Setup
    public void setUp() {
        wire = Samples.wire(Samples.NEW_ORDER_SINGLE);
        framer = new FixFramer(8192);
        message = new FixMessage();
        order = new NewOrderSingleParseBenchmark.TagwireOrder();
        message.parse(wire, 0, wire.length);
        // the same order with Symbol(55) moved ahead of ClOrdID(11): a different layout from there on
        reordered = Samples.wire(Samples.framed(Samples.NEW_ORDER_SINGLE_BODY
            .replace("11=order-123456|", "55=BTCUSDT|11=order-123456|").replace("54=1|55=BTCUSDT|", "54=1|")));
    }

    @Benchmark
    public int frame() {
        return framer.scan(wire, 0, wire.length);
    }

    @Benchmark
    public int index() {
        return message.parse(wire, 0, wire.length);
    }

    @Benchmark
    public int indexNewLayoutEachTime() {
        flip = !flip;
        byte[] bytes = flip ? reordered : wire;
        return message.parse(bytes, 0, bytes.length);
    }

    @Benchmark
    public void read(Blackhole blackhole) {
        order.read(message);
        blackhole.consume(order);
    }

    FixMessage message() {
        return message;
    }
}
