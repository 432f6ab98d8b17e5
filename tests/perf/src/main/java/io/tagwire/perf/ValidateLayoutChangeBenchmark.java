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
 * {@link NewOrderSingleValidateBenchmark}'s validation when the validator mostly cannot use
 * a layout it remembers: three NewOrderSingles with the same fields in different orders take
 * turns, and a validator keeps two layouts per MsgType and field count, so a message often
 * finds neither of the two there and goes through the whole fast path (every field placed,
 * counted and checked); every fourth such miss records its layout in place of the one used
 * less recently.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ValidateLayoutChangeBenchmark {
    private final FixMessage[] messages = {new FixMessage(), new FixMessage(), new FixMessage()};
    private Validator validator;
    private ValidationResult result;
    private int next;

    @Setup
    public void setUp() {
        String[] bodies = {
            Samples.NEW_ORDER_SINGLE_BODY,
            Samples.NEW_ORDER_SINGLE_BODY.replace("54=1|55=BTCUSDT|", "55=BTCUSDT|54=1|"),
            Samples.NEW_ORDER_SINGLE_BODY.replace("40=2|44=62000.5|", "44=62000.5|40=2|"),
        };
        for (int i = 0; i < bodies.length; i++) {
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
        next = next == 2 ? 0 : next + 1;
        return validator.validate(message, result);
    }

    ValidationResult result() {
        return result;
    }
}
