package io.tagwire.perf;

import io.tagwire.codec.FixMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each probe of {@link IndexFloorBenchmark} finds every field of the NewOrderSingle, as the parser does. */
class IndexFloorBenchmarkTest {
    @Test
    void everyProbeFindsTheSeventeenFields() {
        IndexFloorBenchmark probes = new IndexFloorBenchmark();
        probes.setUp();
        byte[] wire = Samples.wire(Samples.NEW_ORDER_SINGLE);
        FixMessage message = new FixMessage();
        message.parse(wire, 0, wire.length);
        assertThat(message.fieldCount()).isEqualTo(17);

        assertThat(probes.sohChain()).isEqualTo(17);
        assertThat(probes.sohChainInTwoHalves()).isEqualTo(17);
        assertThat(probes.sohMap()).isEqualTo(17);
        assertThat(probes.fieldsInTwoHalves()).isEqualTo(17);
        assertThat(probes.fieldsFromSohMap()).isEqualTo(17);
        assertThat(probes.fields()).isEqualTo(17);
        // the last probe's entries are the parser's
        int[] out = probes.out();
        for (int i = 0; i < 17; i++) {
            assertThat(out[i * 3]).isEqualTo(message.tagAt(i));
            assertThat(out[i * 3 + 1]).isEqualTo(message.valueOffset(i));
            assertThat(out[i * 3 + 2]).isEqualTo(message.valueLength(i));
        }
    }
}
