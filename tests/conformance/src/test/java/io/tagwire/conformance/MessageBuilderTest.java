package io.tagwire.conformance;

import io.tagwire.codec.FixFramer;
import io.tagwire.codec.TimestampPrecision;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tagwire.conformance.Wire.piped;
import static io.tagwire.conformance.Wire.soh;
import static org.assertj.core.api.Assertions.assertThat;

class MessageBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123456789Z");
    private final MessageBuilder builder = MessageBuilder.byBeginString(0);

    @Test
    void insertsBodyLengthAfterBeginStringAndAppendsTheChecksum() {
        byte[] wire = builder.build(soh("8=FIX.4.4|35=0|34=2|49=TW|56=ISLD|"), NOW);

        assertThat(piped(wire)).isEqualTo("8=FIX.4.4|9=24|35=0|34=2|49=TW|56=ISLD|10=" + checksum(wire) + "|");
        assertWellFramed(wire);
    }

    @Test
    void replacesEveryTimePlaceholderAtMillisecondsFromFix42() {
        byte[] wire = builder.build(soh("8=FIX.4.4|35=D|52=<TIME>|122=<TIME-10>|60=<TIME+10>|112=<TIME>|"), NOW);

        assertThat(piped(wire)).startsWith("8=FIX.4.4|9=107|35=D|52=20261126-10:15:30.123|"
                + "122=20261126-10:15:19.123|60=20261126-10:15:41.123|112=20261126-10:15:30.123|10=");
        assertWellFramed(wire);
    }

    @Test
    void scalesTimeOffsetsByOnePointOneSeconds() {
        // <TIME-121> is 133.1 s in the past: beyond the 120 s latency limit, as 2o needs
        String wire = piped(builder.build(soh("8=FIX.4.2|35=0|52=<TIME-121>|122=<TIME+121>|"), NOW));

        assertThat(wire).contains("|52=20261126-10:13:17.023|", "|122=20261126-10:17:43.223|");
    }

    @Test
    void sendsWholeSecondsBeforeFix42AndTheSuitePrecisionInVariants() {
        assertThat(piped(builder.build(soh("8=FIX.4.0|35=0|52=<TIME>|"), NOW))).contains("|52=20261126-10:15:30|");
        assertThat(piped(builder.build(soh("8=FIX.4.1|35=0|52=<TIME>|"), NOW))).contains("|52=20261126-10:15:30|");
        assertThat(piped(builder.build(soh("8=FIXT.1.1|35=0|52=<TIME>|"), NOW))).contains("|52=20261126-10:15:30.123|");

        MessageBuilder nanos = MessageBuilder.withPrecision(TimestampPrecision.NANOS, 0);
        assertThat(piped(nanos.build(soh("8=FIX.4.4|35=0|52=<TIME>|"), NOW)))
                .contains("|52=20261126-10:15:30.123456789|");
        MessageBuilder millis = MessageBuilder.withPrecision(TimestampPrecision.MILLIS, 0);
        assertThat(piped(millis.build(soh("8=FIX.4.0|35=0|52=<TIME>|"), NOW))).contains("|52=20261126-10:15:30.123|");
    }

    @Test
    void keepsAGivenBodyLengthAndWidensTheDummyChecksum() {
        // 2d_GarbledMessage: a wrong BodyLength and 10=0, both on purpose
        byte[] wire = builder.build(soh("8=FIX.4.4|9=52|35=0|34=2|4garbled9=TW|52=<TIME>|56=ISLD|10=0|"), NOW);

        assertThat(piped(wire))
                .isEqualTo("8=FIX.4.4|9=52|35=0|34=2|4garbled9=TW|52=20261126-10:15:30.123|56=ISLD|10=000|");
    }

    @Test
    void keepsAGivenWrongChecksumButStillInsertsBodyLength() {
        // 3b_InvalidChecksum
        byte[] wire = builder.build(soh("8=FIX.4.4|35=0|34=2|49=TW|56=ISLD|10=256|"), NOW);

        assertThat(piped(wire)).isEqualTo("8=FIX.4.4|9=24|35=0|34=2|49=TW|56=ISLD|10=256|");
    }

    @Test
    void aBodyLengthGivenAnywhereButSecondDoesNotCount() {
        byte[] wire = builder.build(soh("8=FIX.4.4|35=0|9=5|"), NOW);

        assertThat(piped(wire)).startsWith("8=FIX.4.4|9=9|35=0|9=5|10=");
    }

    @Test
    void sendsALineThatDoesNotStartWithBeginStringRaw() {
        // 2t_FirstThreeFieldsOutOfOrder: no substitution, the given checksum kept
        String raw = "35=0|8=FIX.4.4|9=29|34=2|49=TW|52=<TIME>|56=ISLD|10=121|";

        assertThat(piped(builder.build(soh(raw), NOW))).isEqualTo(raw);
    }

    @Test
    void appendsAChecksumToARawLineWithoutOne() {
        byte[] wire = builder.build(soh("35=0|8=FIX.4.4|"), NOW);

        assertThat(piped(wire)).isEqualTo("35=0|8=FIX.4.4|10=" + checksum(wire) + "|");
    }

    @Test
    void doesNotTakeMinQtyForTheChecksum() {
        // MinQty(110) ends with "10="
        byte[] wire = builder.build(soh("8=FIX.4.4|35=D|38=100|110=9|"), NOW);

        assertThat(piped(wire)).isEqualTo("8=FIX.4.4|9=18|35=D|38=100|110=9|10=" + checksum(wire) + "|");
        assertWellFramed(wire);
    }

    @Test
    void overridesHeartBtIntInLogonsOnly() {
        MessageBuilder override = MessageBuilder.byBeginString(5);

        assertThat(piped(override.build(soh("8=FIX.4.4|35=A|34=1|98=0|108=30|"), NOW))).contains("|108=5|");
        assertThat(piped(override.build(soh("8=FIX.4.4|35=A|34=1|98=0|108=-10|"), NOW))).contains("|108=-10|");
        assertThat(piped(override.build(soh("8=FIX.4.4|35=0|34=1|108=30|"), NOW))).contains("|108=30|");
        assertThat(piped(builder.build(soh("8=FIX.4.4|35=A|34=1|98=0|108=30|"), NOW))).contains("|108=30|");
    }

    private static String checksum(byte[] wire) {
        int trailer = piped(wire).lastIndexOf("10=");
        int sum = 0;
        for (int i = 0; i < trailer; i++) {
            sum += wire[i] & 0xFF;
        }
        return String.format("%03d", sum % 256);
    }

    private static void assertWellFramed(byte[] wire) {
        FixFramer framer = new FixFramer(4096);
        assertThat(framer.scan(wire, 0, wire.length)).isEqualTo(FixFramer.FRAME);
        assertThat(framer.frameLength()).isEqualTo(wire.length);
        assertThat(framer.checksumValid()).isTrue();
    }
}
