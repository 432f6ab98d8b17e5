package io.tagwire.perf;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.TimestampPrecision;
import io.tagwire.codec.fix44.Tags;
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
import quickfix.Message;
import quickfix.UtcTimestampPrecision;
import quickfix.fix44.ExecutionReport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Sending a 25-field ExecutionReport(8) for a partial fill, as an exchange does; see
 * {@link NewOrderSingleEncodeBenchmark} for what each side is given.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExecutionReportEncodeBenchmark {
    private static final byte[] MSG_TYPE = {'8'};

    private byte[] beginString;
    private byte[] senderCompId;
    private byte[] targetCompId;
    private String senderCompIdText;
    private String targetCompIdText;
    private int msgSeqNum;
    private long sendingTimeNanos;
    private LocalDateTime sendingTime;
    private String orderId;
    private String clOrdId;
    private String execId;
    private char execType;
    private char ordStatus;
    private String symbol;
    private char side;
    private char ordType;
    private char timeInForce;
    /** OrderQty, Price, LastQty, LastPx, LeavesQty, CumQty, AvgPx as mantissas, scales and BigDecimals. */
    private long[] mantissas;
    private int[] scales;
    private BigDecimal[] decimals;
    private long transactTimeNanos;
    private LocalDateTime transactTime;
    private FixEncoder encoder;

    @Setup
    public void setUp() {
        beginString = Samples.BEGIN_STRING.getBytes(StandardCharsets.US_ASCII);
        senderCompIdText = Samples.VENUE;
        targetCompIdText = Samples.CLIENT;
        senderCompId = senderCompIdText.getBytes(StandardCharsets.US_ASCII);
        targetCompId = targetCompIdText.getBytes(StandardCharsets.US_ASCII);
        msgSeqNum = 3;
        sendingTime = Samples.SENDING_TIME;
        sendingTimeNanos = Samples.epochNanos(sendingTime);
        orderId = Samples.ORDER_ID;
        clOrdId = Samples.CL_ORD_ID;
        execId = Samples.EXEC_ID;
        execType = 'F';
        ordStatus = '1';
        symbol = Samples.SYMBOL;
        side = '1';
        ordType = '2';
        timeInForce = '1';
        mantissas = new long[] {200000, 620005, 50000, 620005, 150000, 50000, 620005};
        scales = new int[] {2, 1, 2, 1, 2, 2, 1};
        decimals = new BigDecimal[mantissas.length];
        for (int i = 0; i < mantissas.length; i++) {
            decimals[i] = BigDecimal.valueOf(mantissas[i], scales[i]);
        }
        transactTime = Samples.TRANSACT_TIME;
        transactTimeNanos = Samples.epochNanos(transactTime);
        encoder = new FixEncoder(1024);
    }

    @Benchmark
    public void tagwire(Blackhole blackhole) {
        long[] m = mantissas;
        int[] s = scales;
        FixEncoder e = encoder;
        e.start(beginString, MSG_TYPE)
            .putHeader(senderCompId, targetCompId, msgSeqNum, sendingTimeNanos, TimestampPrecision.MILLIS)
            .putString(Tags.OrderID, orderId)
            .putString(Tags.ClOrdID, clOrdId)
            .putString(Tags.ExecID, execId)
            .putChar(Tags.ExecType, execType)
            .putChar(Tags.OrdStatus, ordStatus)
            .putString(Tags.Symbol, symbol)
            .putChar(Tags.Side, side)
            .putDecimal(Tags.OrderQty, m[0], s[0])
            .putChar(Tags.OrdType, ordType)
            .putDecimal(Tags.Price, m[1], s[1])
            .putChar(Tags.TimeInForce, timeInForce)
            .putDecimal(Tags.LastQty, m[2], s[2])
            .putDecimal(Tags.LastPx, m[3], s[3])
            .putDecimal(Tags.LeavesQty, m[4], s[4])
            .putDecimal(Tags.CumQty, m[5], s[5])
            .putDecimal(Tags.AvgPx, m[6], s[6])
            .putUtcTimestamp(Tags.TransactTime, transactTimeNanos, TimestampPrecision.MILLIS);
        blackhole.consume(e.finish());
        blackhole.consume(e.buffer());
    }

    @Benchmark
    public String quickfixj() {
        BigDecimal[] d = decimals;
        ExecutionReport report = new ExecutionReport();
        Message.Header header = report.getHeader();
        header.setString(Tags.SenderCompID, senderCompIdText);
        header.setString(Tags.TargetCompID, targetCompIdText);
        header.setInt(Tags.MsgSeqNum, msgSeqNum);
        header.setUtcTimeStamp(Tags.SendingTime, sendingTime, UtcTimestampPrecision.MILLIS);
        report.setString(Tags.OrderID, orderId);
        report.setString(Tags.ClOrdID, clOrdId);
        report.setString(Tags.ExecID, execId);
        report.setChar(Tags.ExecType, execType);
        report.setChar(Tags.OrdStatus, ordStatus);
        report.setString(Tags.Symbol, symbol);
        report.setChar(Tags.Side, side);
        report.setDecimal(Tags.OrderQty, d[0]);
        report.setChar(Tags.OrdType, ordType);
        report.setDecimal(Tags.Price, d[1]);
        report.setChar(Tags.TimeInForce, timeInForce);
        report.setDecimal(Tags.LastQty, d[2]);
        report.setDecimal(Tags.LastPx, d[3]);
        report.setDecimal(Tags.LeavesQty, d[4]);
        report.setDecimal(Tags.CumQty, d[5]);
        report.setDecimal(Tags.AvgPx, d[6]);
        report.setUtcTimeStamp(Tags.TransactTime, transactTime, UtcTimestampPrecision.MILLIS);
        return report.toString();
    }

    /** The message the last {@link #tagwire} call wrote. */
    byte[] tagwireMessage() {
        return Arrays.copyOfRange(encoder.buffer(), encoder.messageOffset(),
            encoder.messageOffset() + encoder.messageLength());
    }
}
