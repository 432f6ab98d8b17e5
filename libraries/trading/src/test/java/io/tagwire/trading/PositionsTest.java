package io.tagwire.trading;

import static io.tagwire.trading.TrackerScenario.fp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionsTest {
    private final Positions positions = new Positions();

    @Test
    void averagesCostWhileAddingAndRealizesWhileReducing() {
        positions.onFill("BTC", Side.BUY, fp("2"), fp("100"));
        positions.onFill("BTC", Side.BUY, fp("2"), fp("110"));
        Position position = positions.position("BTC");
        assertThat(position.avgCostDecimal()).isEqualByComparingTo("105");

        positions.onFill("BTC", Side.SELL, fp("3"), fp("120"));
        assertThat(position.netQtyDecimal()).isEqualByComparingTo("1");
        assertThat(position.avgCostDecimal()).isEqualByComparingTo("105");
        assertThat(position.realizedPnlDecimal()).isEqualByComparingTo("45");

        // closes the long 1 at a loss of 5 and opens a short 1 at 100
        positions.onFill("BTC", Side.SELL, fp("2"), fp("100"));
        assertThat(position.netQtyDecimal()).isEqualByComparingTo("-1");
        assertThat(position.avgCostDecimal()).isEqualByComparingTo("100");
        assertThat(position.realizedPnlDecimal()).isEqualByComparingTo("40");

        positions.onFill("BTC", Side.BUY, fp("1"), fp("90"));
        assertThat(position.netQty()).isZero();
        assertThat(position.avgCost()).isZero();
        assertThat(position.realizedPnlDecimal()).isEqualByComparingTo("50");
    }

    @Test
    void keepsSymbolsApart() {
        positions.onFill("BTC", Side.BUY, fp("1"), fp("100"));
        positions.onFill("ETH", Side.SELL, fp("4"), fp("10"));
        assertThat(positions.all()).hasSize(2);
        assertThat(positions.position("ETH").netQtyDecimal()).isEqualByComparingTo("-4");
        assertThat(positions.position("XRP")).isNull();
    }

    @Test
    void largeNotionalsDoNotOverflow() {
        // 1,000 BTC at 100,000: quantity times price mantissas need 128 bits before the division
        positions.onFill("BTC", Side.BUY, fp("1000"), fp("100000"));
        positions.onFill("BTC", Side.SELL, fp("1000"), fp("100001.5"));
        assertThat(positions.position("BTC").realizedPnlDecimal()).isEqualByComparingTo("1500");
    }

    @Test
    void fixedPointRefusesWhatItCannotHold() {
        assertThat(FixedPoint.of(new BigDecimal("0.00000001"))).isEqualTo(1);
        assertThat(FixedPoint.toString(fp("1.50"))).isEqualTo("1.5");
        assertThat(FixedPoint.toString(fp("100"))).isEqualTo("100");
        assertThatThrownBy(() -> FixedPoint.of("0.000000001")).hasMessageContaining("at most 8 decimals");
        assertThatThrownBy(() -> FixedPoint.of("abc")).hasMessageContaining("not a decimal number: 'abc'");
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE / 2, 4, 8)).isEqualTo(Long.MAX_VALUE / 2 / 2);
    }
}
