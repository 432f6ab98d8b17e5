package io.tagwire.perf;

import io.tagwire.codec.Dictionary;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.ValidationResult;
import io.tagwire.codec.ValidationSettings;
import io.tagwire.codec.Validator;
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

import java.util.concurrent.TimeUnit;

/**
 * {@link NewOrderSingleValidateBenchmark}'s validation when the validator cannot use a
 * layout it remembers: two NewOrderSingles with the same fields in different orders
 * (Side and Symbol swapped) take turns, so each finds the other's layout in its slot and
 * goes through the whole fast path (every field placed, counted and checked) and then
 * records its own layout. The cost of a message of a layout not seen before, and more:
 * the recording is paid every time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ValidateLayoutChangeBenchmark {
    private final FixMessage[] messages = {new FixMessage(), new FixMessage()};
    private Validator validator;
    private ValidationResult result;
    private int next;

    @Setup
    public void setUp() {
        String[] bodies = {
            Samples.NEW_ORDER_SINGLE_BODY,
            Samples.NEW_ORDER_SINGLE_BODY.replace("54=1|55=BTCUSDT|", "55=BTCUSDT|54=1|"),
        };
        for (int i = 0; i < 2; i++) {
            byte[] wire = Samples.wire(Samples.framed(bodies[i]));
            messages[i].parse(wire, 0, wire.length);
        }
        Dictionary fix44 = Dictionary.standard("FIX.4.4");
        validator = new Validator(fix44, fix44, new ValidationSettings());
        result = new ValidationResult();
    }

    @Benchmark
    public boolean tagwire() {
        FixMessage message = messages[next];
        next ^= 1;
        return validator.validate(message, result);
    }

    ValidationResult result() {
        return result;
    }
}
