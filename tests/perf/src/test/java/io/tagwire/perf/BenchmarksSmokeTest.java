package io.tagwire.perf;

import io.tagwire.codec.FixFramer;
import io.tagwire.codec.FixMessage;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import quickfix.InvalidMessage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls every benchmark method once, untimed, and checks that the Tagwire and QuickFIX/J
 * variants produced the same values, so that no benchmark can quietly measure nothing.
 */
class BenchmarksSmokeTest {
    private final Blackhole blackhole = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void bothParsersReadTheSameNewOrderSingle() throws Exception {
        NewOrderSingleParseBenchmark benchmark = new NewOrderSingleParseBenchmark();
        benchmark.setUp();
        benchmark.tagwire(blackhole);
        benchmark.quickfixj(blackhole);

        NewOrderSingleParseBenchmark.TagwireOrder tagwire = benchmark.tagwireOrder();
        NewOrderSingleParseBenchmark.QuickFixJOrder quickFixJ = benchmark.quickFixJOrder();
        assertThat(tagwire.msgSeqNum).isEqualTo(2).isEqualTo(quickFixJ.msgSeqNum);
        assertThat(tagwire.clOrdId.toString()).isEqualTo("order-123456").isEqualTo(quickFixJ.clOrdId);
        assertThat(tagwire.side).isEqualTo('1').isEqualTo(quickFixJ.side);
        assertThat(tagwire.ordType).isEqualTo('2').isEqualTo(quickFixJ.ordType);
        assertThat(tagwire.orderQty.toBigDecimal()).isEqualTo(quickFixJ.orderQty).hasToString("2000.00");
        assertThat(tagwire.price.toBigDecimal()).isEqualTo(quickFixJ.price).hasToString("62000.5");
        assertThat(tagwire.symbol.toString()).isEqualTo("BTCUSDT").isEqualTo(quickFixJ.symbol);
    }

    @Test
    void theLayoutBenchmarkIndexesBothOrdersInTurn() {
        ParsePartsBenchmark benchmark = new ParsePartsBenchmark();
        benchmark.setUp();
        FixMessage message = benchmark.message();
        int[] symbolIndexes = new int[2];
        for (int i = 0; i < 2; i++) {
            assertThat(benchmark.indexNewLayoutEachTime()).isEqualTo(FixMessage.PARSE_OK);
            assertThat(message.fieldCount()).isEqualTo(17);
            assertThat(message.getString(55)).isEqualTo("BTCUSDT");
            assertThat(message.getString(11)).isEqualTo("order-123456");
            symbolIndexes[i] = message.indexOf(55);
        }
        assertThat(symbolIndexes[0]).as("Symbol moved ahead in one of the two").isNotEqualTo(symbolIndexes[1]);
        assertThat(benchmark.index()).isEqualTo(FixMessage.PARSE_OK);
        assertThat(message.fieldCount()).isEqualTo(17);
    }

    @Test
    void quickFixJReceivesTheSameOrderAgainAndFromAString() throws Exception {
        NewOrderSingleParseBenchmark benchmark = new NewOrderSingleParseBenchmark();
        benchmark.setUp();
        NewOrderSingleParseBenchmark.QuickFixJOrder order = benchmark.quickFixJOrder();
        // the decoder sees the same bytes on every call, as if each were a new message
        for (int i = 0; i < 3; i++) {
            order.clOrdId = null;
            benchmark.quickfixj(blackhole);
            assertThat(order.clOrdId).isEqualTo("order-123456");
        }
        order.clOrdId = null;
        benchmark.quickfixjFromString(blackhole);
        assertThat(order.clOrdId).isEqualTo("order-123456");
        assertThat(order.price).hasToString("62000.5");
    }

    @Test
    void quickFixJsReceiveChecksTheChecksum() throws Exception {
        byte[] wire = Samples.wire(Samples.NEW_ORDER_SINGLE);
        int checksumDigit = wire.length - 2;
        wire[checksumDigit] = (byte) (wire[checksumDigit] == '9' ? '0' : wire[checksumDigit] + 1);
        QuickFixJReceiver receiver = new QuickFixJReceiver(wire);
        assertThatThrownBy(receiver::receive).isInstanceOf(InvalidMessage.class).hasMessageContaining("Expected CheckSum=");
    }

    @Test
    void bothParsersReadTheSameExecutionReport() throws Exception {
        ExecutionReportParseBenchmark benchmark = new ExecutionReportParseBenchmark();
        benchmark.setUp();
        benchmark.tagwire(blackhole);
        benchmark.quickfixjFromString(blackhole);
        ExecutionReportParseBenchmark.QuickFixJFill fromString = benchmark.quickFixJFill();
        assertThat(fromString.execId).isEqualTo("exec-000042");
        fromString.execId = null;
        benchmark.quickfixj(blackhole);

        ExecutionReportParseBenchmark.TagwireFill tagwire = benchmark.tagwireFill();
        ExecutionReportParseBenchmark.QuickFixJFill quickFixJ = benchmark.quickFixJFill();
        assertThat(tagwire.msgSeqNum).isEqualTo(3).isEqualTo(quickFixJ.msgSeqNum);
        assertThat(tagwire.orderId.toString()).isEqualTo("V-7781").isEqualTo(quickFixJ.orderId);
        assertThat(tagwire.clOrdId.toString()).isEqualTo("order-123456").isEqualTo(quickFixJ.clOrdId);
        assertThat(tagwire.execId.toString()).isEqualTo("exec-000042").isEqualTo(quickFixJ.execId);
        assertThat(tagwire.execType).isEqualTo('F').isEqualTo(quickFixJ.execType);
        assertThat(tagwire.ordStatus).isEqualTo('1').isEqualTo(quickFixJ.ordStatus);
        assertThat(tagwire.symbol.toString()).isEqualTo("BTCUSDT").isEqualTo(quickFixJ.symbol);
        assertThat(tagwire.side).isEqualTo('1').isEqualTo(quickFixJ.side);
        assertThat(tagwire.lastQty.toBigDecimal()).isEqualTo(quickFixJ.lastQty).hasToString("500.00");
        assertThat(tagwire.lastPx.toBigDecimal()).isEqualTo(quickFixJ.lastPx).hasToString("62000.5");
        assertThat(tagwire.leavesQty.toBigDecimal()).isEqualTo(quickFixJ.leavesQty).hasToString("1500.00");
        assertThat(tagwire.cumQty.toBigDecimal()).isEqualTo(quickFixJ.cumQty).hasToString("500.00");
        assertThat(tagwire.avgPx.toBigDecimal()).isEqualTo(quickFixJ.avgPx).hasToString("62000.5");
        assertThat(tagwire.transactTimeNanos)
            .isEqualTo(Samples.epochNanos(quickFixJ.transactTime))
            .isEqualTo(Samples.epochNanos(LocalDateTime.of(2026, 11, 26, 7, 0, 0, 455_000_000)));
    }

    @Test
    void bothEncodersWriteTheSameNewOrderSingle() {
        NewOrderSingleEncodeBenchmark benchmark = new NewOrderSingleEncodeBenchmark();
        benchmark.setUp();
        benchmark.tagwire(blackhole);
        byte[] tagwire = benchmark.tagwireMessage();
        String quickFixJ = benchmark.quickfixj();

        assertValidFrame(tagwire);
        assertThat(fields(tagwire)).hasSize(17)
            .contains("35=D", "34=2", "52=20261126-07:00:00.123", "38=2000.00", "44=62000.5", "60=20261126-07:00:00.122")
            .isEqualTo(fields(quickFixJ.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void bothEncodersWriteTheSameExecutionReport() {
        ExecutionReportEncodeBenchmark benchmark = new ExecutionReportEncodeBenchmark();
        benchmark.setUp();
        benchmark.tagwire(blackhole);
        byte[] tagwire = benchmark.tagwireMessage();
        String quickFixJ = benchmark.quickfixj();

        assertValidFrame(tagwire);
        assertThat(fields(tagwire)).hasSize(25)
            .contains("35=8", "34=3", "150=F", "32=500.00", "151=1500.00", "6=62000.5")
            .isEqualTo(fields(quickFixJ.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void assertValidFrame(byte[] message) {
        FixFramer framer = new FixFramer(8192);
        assertThat(framer.scan(message, 0, message.length)).isEqualTo(FixFramer.FRAME);
        assertThat(framer.checksumValid()).isTrue();
        assertThat(framer.frameLength()).isEqualTo(message.length);
    }

    /**
     * The fields of a message as sorted {@code tag=value} texts. Sorted because QuickFIX/J
     * orders header fields its own way; BodyLength(9) and CheckSum(10) do not depend on the
     * order, so they are compared too.
     */
    private static List<String> fields(byte[] message) {
        FixMessage parsed = new FixMessage();
        assertThat(parsed.parse(message, 0, message.length)).isEqualTo(FixMessage.PARSE_OK);
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < parsed.fieldCount(); i++) {
            fields.add(parsed.tagAt(i) + "=" + parsed.stringAt(i));
        }
        Collections.sort(fields);
        return fields;
    }
}
