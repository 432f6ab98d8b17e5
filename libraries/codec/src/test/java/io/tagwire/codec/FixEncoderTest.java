package io.tagwire.codec;

import static io.tagwire.codec.WireText.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FixEncoderTest {
    private static final byte[] FIX44 = "FIX.4.4".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENDER = "EXAMPLE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TARGET = "SPOT".getBytes(StandardCharsets.US_ASCII);

    private final FixEncoder encoder = new FixEncoder(64);

    @Test
    void reproducesTheBinanceLogonExampleByteForByte() {
        long sendingTime = nanos("2024-06-27T11:17:25.223Z");
        byte[] signature = "4MHXelVVcpkdwuLbl6n73HQUXUf1dse2PCgT1DYqW9w8AVZ1RACFGM+5UdlGPrQHrgtS3CvsRURC1oj73j8gCA=="
            .getBytes(StandardCharsets.US_ASCII);

        encoder.start(FIX44, "A")
            .putInt(34, 1).putBytes(49, SENDER, 0, SENDER.length)
            .putUtcTimestamp(52, sendingTime, TimestampPrecision.MILLIS)
            .putBytes(56, TARGET, 0, TARGET.length)
            .putData(95, 96, signature, 0, signature.length)
            .putInt(98, 0).putInt(108, 30).putBoolean(141, true)
            .putString(553, "sBRXrJx2DsOraMXOaUovEhgVRcjOvCtQwnWj8VxkOh1xqboS02SPGfKi2h8spZJb")
            .putInt(25035, 2);
        int length = encoder.finish();

        assertThat(Ascii.toPiped(encoder.buffer(), encoder.messageOffset(), length))
            .isEqualTo(FixMessageTest.BINANCE_LOGON);
    }

    @Test
    void writesTheStandardHeaderInOrder() {
        encoder.start(FIX44, "0").putHeader(SENDER, TARGET, 2, nanos("2026-11-26T07:00:00.123456789Z"),
            TimestampPrecision.MICROS);
        int length = encoder.finish();

        assertThat(piped(length)).isEqualTo(
            WireText.piped(frame("8=FIX.4.4|35=0|49=EXAMPLE|56=SPOT|34=2|52=20261126-07:00:00.123456|"), 0, length));
    }

    @Test
    void writesTimestampsAtEachPrecision() {
        long time = nanos("2026-11-26T07:08:09.123456789Z");
        encoder.start(FIX44, "8")
            .putUtcTimestamp(52, time, TimestampPrecision.SECONDS)
            .putUtcTimestamp(60, time, TimestampPrecision.MILLIS)
            .putUtcTimestamp(122, time, TimestampPrecision.MICROS)
            .putUtcTimestamp(42, time, TimestampPrecision.NANOS)
            .putUtcTimeOnly(273, (7 * 3600 + 8 * 60 + 9) * 1_000_000_000L + 5_000_000, TimestampPrecision.MILLIS);
        encoder.finish();

        assertThat(piped(encoder.messageLength())).contains("|52=20261126-07:08:09|", "|60=20261126-07:08:09.123|",
            "|122=20261126-07:08:09.123456|", "|42=20261126-07:08:09.123456789|", "|273=07:08:09.005|");
    }

    @Test
    void writesTimestampsBeforeTheEpochAndFarAhead() {
        encoder.start(FIX44, "8")
            .putUtcTimestamp(60, nanos("1969-12-31T23:59:59.999Z"), TimestampPrecision.MILLIS)
            .putUtcTimestamp(52, nanos("2199-01-01T00:00:00Z"), TimestampPrecision.MILLIS);
        encoder.finish();

        assertThat(piped(encoder.messageLength())).contains("|60=19691231-23:59:59.999|", "|52=21990101-00:00:00.000|");
    }

    @Test
    void timestampsInTheSameSecondTheNextAndAnEarlierOneAreEachWrittenAfresh() {
        java.util.Random random = new java.util.Random(21);
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
            .ofPattern("uuuuMMdd-HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);
        long time = nanos("2026-11-26T23:59:58.500Z");
        for (int i = 0; i < 2000; i++) {
            // mostly within the same second, sometimes across a second, a day, or backwards
            time += switch (random.nextInt(4)) {
                case 0 -> random.nextInt(1_000_000);
                case 1 -> 1_000_000_000L;
                case 2 -> -random.nextInt(3) * 1_000_000_000L;
                default -> random.nextInt(2) * 86_400_000_000_000L + random.nextInt(1_000_000_000);
            };
            encoder.start(FIX44, "0").putUtcTimestamp(52, time, TimestampPrecision.MILLIS);
            int length = encoder.finish();

            String expected = format.format(Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000_000L),
                Math.floorMod(time, 1_000_000_000L)));
            assertThat(piped(length)).contains("|52=" + expected + "|");
        }
    }

    @Test
    void writesEveryDecimalAsBigDecimalWritesIt() {
        java.util.Random random = new java.util.Random(22);
        for (int i = 0; i < 5000; i++) {
            int scale = random.nextInt(18);
            long mantissa = random.nextLong() % 1_000_000_000_000_000_000L >> random.nextInt(60);
            encoder.start(FIX44, "D").putDecimal(44, mantissa, scale);
            int length = encoder.finish();

            String expected = java.math.BigDecimal.valueOf(mantissa, scale).toPlainString();
            assertThat(piped(length)).as("%de-%d", mantissa, scale).contains("|44=" + expected + "|");
        }
    }

    @Test
    void writesTheLowByteOfEachCharOfAStringAndOfAnyOtherCharSequenceAlike() {
        String text = "caf\u00e9 \u20ac|x";
        encoder.start(FIX44, "B").putString(58, text).putString(148, new StringBuilder(text));
        int length = encoder.finish();

        byte[] expected = new byte[text.length()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) text.charAt(i);
        }
        String lowBytes = new String(expected, StandardCharsets.ISO_8859_1);
        String wire = new String(encoder.buffer(), encoder.messageOffset(), length, StandardCharsets.ISO_8859_1);
        assertThat(wire).contains("\u000158=" + lowBytes + "\u0001148=" + lowBytes + "\u0001");
    }

    @Test
    void writesDecimalsWithTheirScale() {
        encoder.start(FIX44, "D")
            .putDecimal(44, 620005, 1).putDecimal(38, 200000, 2).putDecimal(99, -1, 4).putDecimal(31, -15, 1)
            .putDecimal(32, 7, 0).putDecimal(6, 0, 3);
        encoder.finish();

        assertThat(piped(encoder.messageLength()))
            .contains("|44=62000.5|", "|38=2000.00|", "|99=-0.0001|", "|31=-1.5|", "|32=7|", "|6=0.000|");
    }

    @Test
    void writesIntegersCharsDatesAndMonthYears() {
        encoder.start(FIX44, "d")
            .putInt(34, 0).putLong(9999, -1234567890123L).putInt(38, Integer.MAX_VALUE).putChar(54, '2')
            .putDate(75, (int) LocalDate.of(2024, 2, 29).toEpochDay()).putMonthYear(200, 202612_000)
            .putMonthYear(201, 202612_018).putMonthYear(202, 202612_104);
        encoder.finish();

        assertThat(piped(encoder.messageLength())).contains("|34=0|", "|9999=-1234567890123|", "|38=2147483647|",
            "|54=2|", "|75=20240229|", "|200=202612|", "|201=20261218|", "|202=202612w4|");
    }

    @Test
    void growsForALargeMessageAndTheFramerAcceptsIt() {
        encoder.start(FIX44, "B");
        for (int i = 0; i < 500; i++) {
            encoder.putString(58, "line of news number " + i);
        }
        int length = encoder.finish();
        FixFramer framer = new FixFramer(65536);

        assertThat(framer.scan(encoder.buffer(), encoder.messageOffset(), encoder.messageOffset() + length))
            .isEqualTo(FixFramer.FRAME);
        assertThat(framer.checksumValid()).isTrue();
        assertThat(framer.frameLength()).isEqualTo(length);
    }

    @Test
    void reusesTheBufferForTheNextMessage() {
        encoder.start(FIX44, "0").putInt(34, 1);
        encoder.finish();
        encoder.start(FIX44, "0").putInt(34, 2);
        int length = encoder.finish();

        assertThat(piped(length)).isEqualTo(WireText.piped(frame("8=FIX.4.4|35=0|34=2|"), 0, length));
    }

    private String piped(int length) {
        return Ascii.toPiped(encoder.buffer(), encoder.messageOffset(), length);
    }

    private static long nanos(String instant) {
        Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * 1_000_000_000L + parsed.getNano();
    }
}
