package io.tagwire.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstrumentTest {
    @Test
    void keepsWhatItWasGiven() {
        Instrument instrument = new Instrument("ETHUSDT", 2, 1, 4, 1);

        assertThat(instrument.symbol()).isEqualTo("ETHUSDT");
        assertThat(instrument.priceScale()).isEqualTo(2);
        assertThat(instrument.tickSize()).isEqualTo(1);
        assertThat(instrument.quantityScale()).isEqualTo(4);
        assertThat(instrument.lotSize()).isEqualTo(1);
        assertThat(instrument).isEqualTo(new Instrument("ETHUSDT", 2, 1, 4, 1))
                .hasSameHashCodeAs(new Instrument("ETHUSDT", 2, 1, 4, 1))
                .isNotEqualTo(new Instrument("ETHUSDT", 2, 1, 4, 10));
        assertThat(instrument.toString()).contains("ETHUSDT", "tickSize=1");
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> new Instrument(null, 2, 1, 4, 1)).hasMessage("symbol");
        assertThatThrownBy(() -> new Instrument(" ", 2, 1, 4, 1)).hasMessageContaining("symbol");
        assertThatThrownBy(() -> new Instrument("X", -1, 1, 4, 1)).hasMessageContaining("priceScale");
        assertThatThrownBy(() -> new Instrument("X", 19, 1, 4, 1)).hasMessageContaining("priceScale");
        assertThatThrownBy(() -> new Instrument("X", 2, 0, 4, 1)).hasMessageContaining("tickSize");
        assertThatThrownBy(() -> new Instrument("X", 2, 1, 19, 1)).hasMessageContaining("quantityScale");
        assertThatThrownBy(() -> new Instrument("X", 2, 1, 4, -1)).hasMessageContaining("lotSize");
    }
}
