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
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

/**
 * Receiving a 25-field ExecutionReport(8): frame, parse and read what order state tracking
 * needs, the same way as {@link NewOrderSingleParseBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExecutionReportParseBenchmark {
    private byte[] wire;
    private String text;
    private FixFramer framer;
    private FixMessage message;
    private TagwireFill tagwireFill;
    private QuickFixJReceiver quickFixJ;
    private QuickFixJFill quickFixJFill;

    @Setup
    public void setUp() throws ConfigError {
        wire = Samples.wire(Samples.EXECUTION_REPORT);
        text = Samples.soh(Samples.EXECUTION_REPORT);
        framer = new FixFramer(8192);
        message = new FixMessage();
        tagwireFill = new TagwireFill();
        quickFixJ = new QuickFixJReceiver(wire);
        quickFixJFill = new QuickFixJFill();
    }

    @Benchmark
    public void tagwire(Blackhole blackhole) {
        byte[] bytes = wire;
        if (framer.scan(bytes, 0, bytes.length) != FixFramer.FRAME || !framer.checksumValid()) {
            throw new IllegalStateException("not a valid frame");
        }
        message.parse(bytes, framer.frameOffset(), framer.frameLength());
        tagwireFill.read(message);
        blackhole.consume(tagwireFill);
    }

    @Benchmark
    public void quickfixj(Blackhole blackhole) throws InvalidMessage, FieldNotFound, ProtocolCodecException {
        quickFixJFill.read(quickFixJ.receive());
        blackhole.consume(quickFixJFill);
    }

    /** QuickFIX/J measured as before session 5: see {@link QuickFixJReceiver#fromString}. */
    @Benchmark
    public void quickfixjFromString(Blackhole blackhole) throws InvalidMessage, FieldNotFound {
        quickFixJFill.read(quickFixJ.fromString(text));
        blackhole.consume(quickFixJFill);
    }

    TagwireFill tagwireFill() {
        return tagwireFill;
    }

    QuickFixJFill quickFixJFill() {
        return quickFixJFill;
    }

    /** What order state tracking keeps of an ExecutionReport, read through the flyweight. */
    static final class TagwireFill {
        final AsciiSequence orderId = new AsciiSequence();
        final AsciiSequence clOrdId = new AsciiSequence();
        final AsciiSequence execId = new AsciiSequence();
        final AsciiSequence symbol = new AsciiSequence();
        final Decimal lastQty = new Decimal();
        final Decimal lastPx = new Decimal();
        final Decimal leavesQty = new Decimal();
        final Decimal cumQty = new Decimal();
        final Decimal avgPx = new Decimal();
        long transactTimeNanos;
        int msgSeqNum;
        char execType;
        char ordStatus;
        char side;

        void read(FixMessage report) {
            msgSeqNum = report.getInt(Tags.MsgSeqNum, 0);
            report.getString(Tags.OrderID, orderId);
            report.getString(Tags.ClOrdID, clOrdId);
            report.getString(Tags.ExecID, execId);
            execType = report.getChar(Tags.ExecType, '\0');
            ordStatus = report.getChar(Tags.OrdStatus, '\0');
            report.getString(Tags.Symbol, symbol);
            side = report.getChar(Tags.Side, '\0');
            report.getDecimal(Tags.LastQty, lastQty);
            report.getDecimal(Tags.LastPx, lastPx);
            report.getDecimal(Tags.LeavesQty, leavesQty);
            report.getDecimal(Tags.CumQty, cumQty);
            report.getDecimal(Tags.AvgPx, avgPx);
            transactTimeNanos = report.getUtcTimestamp(Tags.TransactTime, 0);
        }
    }

    /** The same, read the QuickFIX/J way. */
    static final class QuickFixJFill {
        String orderId;
        String clOrdId;
        String execId;
        String symbol;
        BigDecimal lastQty;
        BigDecimal lastPx;
        BigDecimal leavesQty;
        BigDecimal cumQty;
        BigDecimal avgPx;
        LocalDateTime transactTime;
        int msgSeqNum;
        char execType;
        char ordStatus;
        char side;

        void read(Message report) throws FieldNotFound {
            msgSeqNum = report.getHeader().getInt(Tags.MsgSeqNum);
            orderId = report.getString(Tags.OrderID);
            clOrdId = report.getString(Tags.ClOrdID);
            execId = report.getString(Tags.ExecID);
            execType = report.getChar(Tags.ExecType);
            ordStatus = report.getChar(Tags.OrdStatus);
            symbol = report.getString(Tags.Symbol);
            side = report.getChar(Tags.Side);
            lastQty = report.getDecimal(Tags.LastQty);
            lastPx = report.getDecimal(Tags.LastPx);
            leavesQty = report.getDecimal(Tags.LeavesQty);
            cumQty = report.getDecimal(Tags.CumQty);
            avgPx = report.getDecimal(Tags.AvgPx);
            transactTime = report.getUtcTimeStamp(Tags.TransactTime);
        }
    }
}
