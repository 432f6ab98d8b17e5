package io.tagwire.perf;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.Decimal;
import io.tagwire.codec.FixFramer;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.Tags;
import org.apache.mina.filter.codec.ProtocolCodecException;
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
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.InvalidMessage;
import quickfix.Message;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * Receiving a NewOrderSingle(D): frame and parse the wire bytes, checking BodyLength(9)
 * and CheckSum(10), then read the fields an order handler needs into its order.
 *
 * <p>QuickFIX/J does the same work from the same bytes the way its session does
 * ({@link QuickFixJReceiver}): its transport's decoder frames them, then its
 * dictionary-aware parse checks the checksum. Dictionary validation is measured apart, by
 * {@link NewOrderSingleValidateBenchmark}. {@link #quickfixjFromString} keeps the narrower
 * measure used until session 5, in which QuickFIX/J was handed a ready {@code String} and
 * checked no checksum, so neither framing nor CheckSum(10) counted on its side while both
 * counted on Tagwire's.
 *
 * <p>Tagwire's {@code FixMessage} is reused, as a session reuses it, and each call parses the
 * same order, as an order flow sends the same fields in the same order: from the second
 * call on it checks each field against the layout it remembers rather than reading the
 * tag's digits. {@code ParsePartsBenchmark.indexNewLayoutEachTime} measures indexing when
 * the layout changes with every message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NewOrderSingleParseBenchmark {
    private byte[] wire;
    private String text;
    private FixFramer framer;
    private FixMessage message;
    private TagwireOrder tagwireOrder;
    private QuickFixJReceiver quickFixJ;
    private QuickFixJOrder quickFixJOrder;

    @Setup
    public void setUp() throws ConfigError {
        wire = Samples.wire(Samples.NEW_ORDER_SINGLE);
        text = Samples.soh(Samples.NEW_ORDER_SINGLE);
        framer = new FixFramer(8192);
        message = new FixMessage();
        tagwireOrder = new TagwireOrder();
        quickFixJ = new QuickFixJReceiver(wire);
        quickFixJOrder = new QuickFixJOrder();
    }

    @Benchmark
    public void tagwire(Blackhole blackhole) {
        byte[] bytes = wire;
        if (framer.scan(bytes, 0, bytes.length) != FixFramer.FRAME || !framer.checksumValid()) {
            throw new IllegalStateException("not a valid frame");
        }
        message.parse(bytes, framer.frameOffset(), framer.frameLength());
        tagwireOrder.read(message);
        blackhole.consume(tagwireOrder);
    }

    @Benchmark
    public void quickfixj(Blackhole blackhole) throws InvalidMessage, FieldNotFound, ProtocolCodecException {
        quickFixJOrder.read(quickFixJ.receive());
        blackhole.consume(quickFixJOrder);
    }

    /** QuickFIX/J measured as before session 5: see {@link QuickFixJReceiver#fromString}. */
    @Benchmark
    public void quickfixjFromString(Blackhole blackhole) throws InvalidMessage, FieldNotFound {
        quickFixJOrder.read(quickFixJ.fromString(text));
        blackhole.consume(quickFixJOrder);
    }

    TagwireOrder tagwireOrder() {
        return tagwireOrder;
    }

    QuickFixJOrder quickFixJOrder() {
        return quickFixJOrder;
    }

    /** What an order handler keeps of a NewOrderSingle, read through the flyweight: views and fixed-point values. */
    static final class TagwireOrder {
        final AsciiSequence clOrdId = new AsciiSequence();
        final AsciiSequence symbol = new AsciiSequence();
        final Decimal orderQty = new Decimal();
        final Decimal price = new Decimal();
        int msgSeqNum;
        char side;
        char ordType;

        void read(FixMessage order) {
            msgSeqNum = order.getInt(Tags.MsgSeqNum, 0);
            order.getString(Tags.ClOrdID, clOrdId);
            side = order.getChar(Tags.Side, '\0');
            ordType = order.getChar(Tags.OrdType, '\0');
            order.getDecimal(Tags.OrderQty, orderQty);
            order.getDecimal(Tags.Price, price);
            order.getString(Tags.Symbol, symbol);
        }
    }

    /** The same, read the QuickFIX/J way: Strings and BigDecimals. */
    static final class QuickFixJOrder {
        String clOrdId;
        String symbol;
        BigDecimal orderQty;
        BigDecimal price;
        int msgSeqNum;
        char side;
        char ordType;

        void read(Message order) throws FieldNotFound {
            msgSeqNum = order.getHeader().getInt(Tags.MsgSeqNum);
            clOrdId = order.getString(Tags.ClOrdID);
            side = order.getChar(Tags.Side);
            ordType = order.getChar(Tags.OrdType);
            orderQty = order.getDecimal(Tags.OrderQty);
            price = order.getDecimal(Tags.Price);
            symbol = order.getString(Tags.Symbol);
        }
    }
}
