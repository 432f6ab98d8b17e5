package io.tagwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedConstantsTest {

    @Test
    void fix44TagsCarryTheDictionaryNumbers() {
        assertThat(io.tagwire.codec.fix44.Tags.ClOrdID).isEqualTo(11);
        assertThat(io.tagwire.codec.fix44.Tags.NoPartyIDs).isEqualTo(453);
    }

    @Test
    void fix44MsgTypesCarryTheTextAndItsKey() {
        assertThat(io.tagwire.codec.fix44.MsgTypes.ExecutionReport).isEqualTo("8");
        assertThat(io.tagwire.codec.fix44.MsgTypes.ExecutionReport_KEY).isEqualTo(MsgTypeKey.of("8"));
        assertThat(io.tagwire.codec.fix44.MsgTypes.AllocationReportAck).isEqualTo("AT");
        assertThat(io.tagwire.codec.fix44.MsgTypes.AllocationReportAck_KEY)
                .isEqualTo(MsgTypeKey.of("AT"))
                .isEqualTo(('A' << 8) | 'T');
    }

    @Test
    void fix44ValuesAreTypedByTheFieldType() {
        char buy = io.tagwire.codec.fix44.Values.Side.BUY;
        char filled = io.tagwire.codec.fix44.Values.OrdStatus.FILLED;
        int noEncryption = io.tagwire.codec.fix44.Values.EncryptMethod.NONE_OTHER;
        int accepted = io.tagwire.codec.fix44.Values.QuoteStatus.ACCEPTED;
        String perTransaction = io.tagwire.codec.fix44.Values.MiscFeeType.PER_TRANSACTION;

        assertThat(buy).isEqualTo('1');
        assertThat(filled).isEqualTo('2');
        assertThat(noEncryption).isZero();
        assertThat(accepted).isZero();
        assertThat(perTransaction).isEqualTo("10");
    }

    @Test
    void fix42HasItsOwnConstants() {
        assertThat(io.tagwire.codec.fix42.Tags.ExecTransType).isEqualTo(20);
        assertThat(io.tagwire.codec.fix42.Values.ExecTransType.NEW).isEqualTo('0');
        assertThat(io.tagwire.codec.fix42.MsgTypes.NewOrderSingle_KEY).isEqualTo('D');
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX40", "FIX41", "FIX42", "FIX43", "FIX44", "FIX50", "FIX50SP1", "FIX50SP2", "FIXT11"})
    void bundlesTheQuickFixDictionary(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/tagwire/codec/dictionaries/" + name + ".xml")) {
            assertThat(in).as(name + ".xml on the classpath").isNotNull();
            assertThat(new String(in.readNBytes(256), StandardCharsets.US_ASCII)).contains("<fix ");
        }
    }
}
