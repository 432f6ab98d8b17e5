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
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.FieldNotFound;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.InvalidMessage;
import quickfix.Message;

import java.util.concurrent.TimeUnit;

/**
 * Validating a parsed NewOrderSingle(D) against the FIX 4.4 dictionary with the default
 * settings: structure and field order, required fields, value formats, enum values, fields
 * defined for the message. Tagwire's {@code Validator.validate} against QuickFIX/J's
 * {@code DataDictionary.validate(message, settings)}; parsing is not measured here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NewOrderSingleValidateBenchmark {
    private FixMessage message;
    private Validator validator;
    private ValidationResult result;
    private Message quickFixJMessage;
    private DataDictionary dictionary;
    private quickfix.ValidationSettings quickFixJSettings;

    @Setup
    public void setUp() throws ConfigError, InvalidMessage {
        byte[] wire = Samples.wire(Samples.NEW_ORDER_SINGLE);
        message = new FixMessage();
        message.parse(wire, 0, wire.length);
        Dictionary fix44 = Dictionary.standard("FIX.4.4");
        validator = new Validator(fix44, fix44, new ValidationSettings());
        result = new ValidationResult();

        dictionary = QuickFixJ.fix44Dictionary();
        quickFixJSettings = new quickfix.ValidationSettings();
        quickFixJMessage = new Message();
        quickFixJMessage.fromString(Samples.soh(Samples.NEW_ORDER_SINGLE), dictionary, quickFixJSettings, false);
    }

    @Benchmark
    public boolean tagwire() {
        return validator.validate(message, result);
    }

    /** Returns normally when valid; throws what QuickFIX/J turns into a Reject otherwise. */
    @Benchmark
    public Message quickfixj() throws IncorrectTagValue, FieldNotFound, IncorrectDataFormat {
        dictionary.validate(quickFixJMessage, quickFixJSettings);
        return quickFixJMessage;
    }

    Validator validator() {
        return validator;
    }

    ValidationResult result() {
        return result;
    }

    DataDictionary dictionary() {
        return dictionary;
    }

    quickfix.ValidationSettings quickFixJSettings() {
        return quickFixJSettings;
    }
}
