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
import quickfix.fix44.NewOrderSingle;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Sending a NewOrderSingle(D): the standard header with MsgSeqNum(34) and SendingTime(52),
 * the order's fields, BodyLength(9) and CheckSum(10).
 *
 * <p>Tagwire writes into its encoder's reusable buffer. QuickFIX/J builds a
 * {@code quickfix.fix44.NewOrderSingle} and calls {@code toString()}, its encode; it is
 * given its timestamps as ready {@code LocalDateTime}s and its prices as ready
 * {@code BigDecimal}s, and the String-to-bytes step of its transport is not counted.
 * Decimals go through {@code setDecimal} so both sides write the same bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NewOrderSingleEncodeBenchmark {
    private static final byte[] MSG_TYPE = {'D'};

    private byte[] beginString;
    private byte[] senderCompId;
    private byte[] targetCompId;
    private String senderCompIdText;
    private String targetCompIdText;
    private int msgSeqNum;
    private long sendingTimeNanos;
    private LocalDateTime sendingTime;
    private String clOrdId;
    private char handlInst;
    private long orderQtyMantissa;
    private int orderQtyScale;
    private BigDecimal orderQty;
    private char ordType;
    private long priceMantissa;
    private int priceScale;
    private BigDecimal price;
    private char side;
    private String symbol;
    private char timeInForce;
    private long transactTimeNanos;
    private LocalDateTime transactTime;
    private FixEncoder encoder;

    @Setup
    public void setUp() {
        beginString = Samples.BEGIN_STRING.getBytes(StandardCharsets.US_ASCII);
        senderCompIdText = Samples.CLIENT;
        targetCompIdText = Samples.VENUE;
        senderCompId = senderCompIdText.getBytes(StandardCharsets.US_ASCII);
        targetCompId = targetCompIdText.getBytes(StandardCharsets.US_ASCII);
        msgSeqNum = 2;
        sendingTime = Samples.SENDING_TIME;
        sendingTimeNanos = Samples.epochNanos(sendingTime);
        clOrdId = Samples.CL_ORD_ID;
        handlInst = '1';
        orderQtyMantissa = 200000;
        orderQtyScale = 2;
        orderQty = BigDecimal.valueOf(orderQtyMantissa, orderQtyScale);
        ordType = '2';
        priceMantissa = 620005;
        priceScale = 1;
        price = BigDecimal.valueOf(priceMantissa, priceScale);
        side = '1';
        symbol = Samples.SYMBOL;
        timeInForce = '1';
        transactTime = Samples.TRANSACT_TIME;
        transactTimeNanos = Samples.epochNanos(transactTime);
        encoder = new FixEncoder(1024);
    }

    @Benchmark
    public void tagwire(Blackhole blackhole) {
        FixEncoder e = encoder;
        e.start(beginString, MSG_TYPE)
            .putHeader(senderCompId, targetCompId, msgSeqNum, sendingTimeNanos, TimestampPrecision.MILLIS)
            .putString(Tags.ClOrdID, clOrdId)
            .putChar(Tags.HandlInst, handlInst)
            .putDecimal(Tags.OrderQty, orderQtyMantissa, orderQtyScale)
            .putChar(Tags.OrdType, ordType)
            .putDecimal(Tags.Price, priceMantissa, priceScale)
            .putChar(Tags.Side, side)
            .putString(Tags.Symbol, symbol)
            .putChar(Tags.TimeInForce, timeInForce)
            .putUtcTimestamp(Tags.TransactTime, transactTimeNanos, TimestampPrecision.MILLIS);
        blackhole.consume(e.finish());
        blackhole.consume(e.buffer());
    }

    @Benchmark
    public String quickfixj() {
        NewOrderSingle order = new NewOrderSingle();
        Message.Header header = order.getHeader();
        header.setString(Tags.SenderCompID, senderCompIdText);
        header.setString(Tags.TargetCompID, targetCompIdText);
        header.setInt(Tags.MsgSeqNum, msgSeqNum);
        header.setUtcTimeStamp(Tags.SendingTime, sendingTime, UtcTimestampPrecision.MILLIS);
        order.setString(Tags.ClOrdID, clOrdId);
        order.setChar(Tags.HandlInst, handlInst);
        order.setDecimal(Tags.OrderQty, orderQty);
        order.setChar(Tags.OrdType, ordType);
        order.setDecimal(Tags.Price, price);
        order.setChar(Tags.Side, side);
        order.setString(Tags.Symbol, symbol);
        order.setChar(Tags.TimeInForce, timeInForce);
        order.setUtcTimeStamp(Tags.TransactTime, transactTime, UtcTimestampPrecision.MILLIS);
        return order.toString();
    }

    /** The message the last {@link #tagwire} call wrote. */
    byte[] tagwireMessage() {
        return Arrays.copyOfRange(encoder.buffer(), encoder.messageOffset(),
            encoder.messageOffset() + encoder.messageLength());
    }
}
