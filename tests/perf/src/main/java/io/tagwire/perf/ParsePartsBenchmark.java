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

/** Where the NewOrderSingle parse time goes: framing, indexing, reading fields (Tagwire only). */
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

    @Setup
    public void setUp() {
        wire = Samples.wire(Samples.NEW_ORDER_SINGLE);
        framer = new FixFramer(8192);
        message = new FixMessage();
        order = new NewOrderSingleParseBenchmark.TagwireOrder();
        message.parse(wire, 0, wire.length);
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
    public void read(Blackhole blackhole) {
        order.read(message);
        blackhole.consume(order);
    }
}
