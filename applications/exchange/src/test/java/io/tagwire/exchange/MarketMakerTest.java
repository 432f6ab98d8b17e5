package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import io.tagwire.match.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketMakerTest {
    private static final Instrument BTC = new Instrument("BTCUSDT", 2, 5, 4, 10);

    private static List<Long> walk(long seed, int refreshes) {
        Market market = new Market(BTC, new SilentListener());
        MarketMaker maker = new MarketMaker(market, new OrderStore(16), 3_000_000, 4, 3, 2, 3, seed);
        List<Long> quotes = new ArrayList<>();
        for (int i = 0; i < refreshes; i++) {
            maker.refresh();
            long bid = market.book.bestBid();
            long ask = market.book.bestAsk();
            assertThat(bid).as("refresh %d never crosses itself", i).isLessThan(ask);
            assertThat(ask - bid).isEqualTo(2 * BTC.tickSize());
            assertThat(market.book.levelCount(Side.BUY)).isEqualTo(4);
            assertThat(market.book.levelCount(Side.SELL)).isEqualTo(4);
            assertThat(market.book.levelQuantity(Side.SELL, 0)).isEqualTo(30);
            assertThat(market.book.orderCount()).as("old quotes withdrawn").isEqualTo(8);
            assertThat(bid % BTC.tickSize()).isZero();
            quotes.add(bid);
        }
        return quotes;
    }

    @Test
    void quotesLevelsAroundARandomWalkThatTheSeedRepeats() {
        List<Long> first = walk(7, 200);
        assertThat(walk(7, 200)).isEqualTo(first);
        assertThat(walk(8, 200)).isNotEqualTo(first);
        assertThat(first.stream().distinct().count()).as("the mid moves").isGreaterThan(10);
    }
}
