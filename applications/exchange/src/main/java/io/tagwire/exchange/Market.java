package io.tagwire.exchange;

import io.tagwire.match.Instrument;
import io.tagwire.match.OrderBook;
import io.tagwire.match.OrderBookListener;
import java.nio.charset.StandardCharsets;

/** One instrument traded on the simulator: its order book, its Symbol(55) as bytes, its market maker. */
final class Market {
    final Instrument instrument;
    final byte[] symbol;
    final OrderBook book;
    final int priceScale;
    final int quantityScale;
    MarketMaker maker;

    Market(Instrument instrument, OrderBookListener listener) {
        this.instrument = instrument;
        this.symbol = instrument.symbol().getBytes(StandardCharsets.US_ASCII);
        this.book = new OrderBook(instrument, listener);
        this.priceScale = instrument.priceScale();
        this.quantityScale = instrument.quantityScale();
    }
}
