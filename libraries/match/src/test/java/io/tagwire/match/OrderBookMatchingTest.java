package io.tagwire.match;

import static io.tagwire.match.BookEvent.add;
import static io.tagwire.match.BookEvent.expire;
import static io.tagwire.match.BookEvent.match;
import static io.tagwire.match.BookState.resting;
import static io.tagwire.match.OrderType.LIMIT;
import static io.tagwire.match.OrderType.MARKET;
import static io.tagwire.match.Side.BUY;
import static io.tagwire.match.Side.SELL;
import static io.tagwire.match.TimeInForce.FOK;
import static io.tagwire.match.TimeInForce.GTC;
import static io.tagwire.match.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderBookMatchingTest {
    // BTCUSDT-like: prices in cents on a 0.05 tick, quantities in thousandths on a 0.010 lot
    static final Instrument BTC = new Instrument("BTCUSDT", 2, 5, 3, 10);

    private final RecordingListener events = new RecordingListener();
    private final OrderBook book = new OrderBook(BTC, events);

    @Test
    void emptyBookHasNoBidAndNoAsk() {
        assertThat(book.bestBid()).isEqualTo(Long.MIN_VALUE).isEqualTo(OrderBook.NO_BID);
        assertThat(book.bestAsk()).isEqualTo(Long.MAX_VALUE).isEqualTo(OrderBook.NO_ASK);
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void gtcLimitThatDoesNotCrossRests() {
        book.submit(1, BUY, LIMIT, GTC, false, 10000, 30);
        book.submit(2, SELL, LIMIT, GTC, false, 10005, 20);

        assertThat(events.take()).containsExactly(add(1, BUY, 10000, 30), add(2, SELL, 10005, 20));
        assertThat(book.bestBid()).isEqualTo(10000);
        assertThat(book.bestAsk()).isEqualTo(10005);
        assertThat(book.contains(1)).isTrue();
        assertThat(book.openQuantity(1)).isEqualTo(30);
        assertThat(book.price(2)).isEqualTo(10005);
        assertThat(book.side(2)).isEqualTo(SELL);
    }

    @Test
    void incomingOrderTradesBestPriceFirstAtMakerPriceThenRestsRemainder() {
        book.submit(1, SELL, LIMIT, GTC, false, 10010, 20);
        book.submit(2, SELL, LIMIT, GTC, false, 10005, 10);
        book.submit(3, SELL, LIMIT, GTC, false, 10020, 10);
        events.take();

        book.submit(4, BUY, LIMIT, GTC, false, 10015, 50);

        assertThat(events.take()).containsExactly(
                match(4, 2, BUY, 10005, 10, 40, 0),
                match(4, 1, BUY, 10010, 20, 20, 0),
                add(4, BUY, 10015, 20));
        assertThat(BookState.of(book).asks()).containsExactly(resting(3, 10020, 10));
        assertThat(BookState.of(book).bids()).containsExactly(resting(4, 10015, 20));
    }

    @Test
    void oldestOrderAtAPriceTradesFirst() {
        book.submit(1, BUY, LIMIT, GTC, false, 10000, 10);
        book.submit(2, BUY, LIMIT, GTC, false, 10000, 20);
        book.submit(3, BUY, LIMIT, GTC, false, 10000, 30);
        events.take();

        book.submit(4, SELL, LIMIT, GTC, false, 9995, 40);

        assertThat(events.take()).containsExactly(
                match(4, 1, SELL, 10000, 10, 30, 0),
                match(4, 2, SELL, 10000, 20, 10, 0),
                match(4, 3, SELL, 10000, 10, 0, 20));
        assertThat(BookState.of(book).bids()).containsExactly(resting(3, 10000, 20));
        assertThat(book.contains(4)).isFalse();
    }

    @Test
    void fullyFilledIncomingOrderEndsWithItsLastMatch() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 50);
        events.take();

        book.submit(2, BUY, LIMIT, GTC, false, 10000, 20);

        assertThat(events.take()).containsExactly(match(2, 1, BUY, 10000, 20, 0, 30));
        assertThat(book.openQuantity(1)).isEqualTo(30);
        assertThat(book.contains(2)).isFalse();
    }

    @Test
    void iocTradesWhatItCanAndExpiresTheRest() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 20);
        book.submit(2, SELL, LIMIT, GTC, false, 10010, 20);
        events.take();

        book.submit(3, BUY, LIMIT, IOC, false, 10005, 50);

        assertThat(events.take()).containsExactly(match(3, 1, BUY, 10000, 20, 30, 0), expire(3, 30));
        assertThat(book.contains(3)).isFalse();
        assertThat(book.bestBid()).isEqualTo(OrderBook.NO_BID);
    }

    @Test
    void iocWithNothingToTradeExpiresWholeQuantity() {
        book.submit(1, SELL, LIMIT, IOC, false, 10000, 20);

        assertThat(events.take()).containsExactly(expire(1, 20));
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void fokWithEnoughQuantityWithinItsPriceTradesAcrossLevels() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 20);
        book.submit(2, SELL, LIMIT, GTC, false, 10005, 20);
        events.take();

        book.submit(3, BUY, LIMIT, FOK, false, 10005, 30);

        assertThat(events.take()).containsExactly(
                match(3, 1, BUY, 10000, 20, 10, 0),
                match(3, 2, BUY, 10005, 10, 0, 10));
    }

    @Test
    void fokWithoutEnoughQuantityExpiresWithNothingTraded() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 20);
        book.submit(2, SELL, LIMIT, GTC, false, 10010, 20);
        events.take();
        BookState before = BookState.of(book);

        // 40 rest on the ask side but only 20 within the limit of 10005
        book.submit(3, BUY, LIMIT, FOK, false, 10005, 30);

        assertThat(events.take()).containsExactly(expire(3, 30));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void marketOrderSweepsAnyPriceAndExpiresTheRest() {
        book.submit(1, BUY, LIMIT, GTC, false, 10000, 20);
        book.submit(2, BUY, LIMIT, GTC, false, 5000, 20);
        events.take();

        book.submit(3, SELL, MARKET, IOC, false, 0, 50);

        assertThat(events.take()).containsExactly(
                match(3, 1, SELL, 10000, 20, 30, 0),
                match(3, 2, SELL, 5000, 20, 10, 0),
                expire(3, 10));
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void marketGtcOrderNeverRests() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 20);
        events.take();

        book.submit(2, BUY, MARKET, GTC, false, 0, 30);

        assertThat(events.take()).containsExactly(match(2, 1, BUY, 10000, 20, 10, 0), expire(2, 10));
        assertThat(book.contains(2)).isFalse();
    }

    @Test
    void marketOrderIgnoresItsPrice() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 20);
        events.take();

        // off the tick and below the ask: ignored, as the price of a MARKET order is
        book.submit(2, BUY, MARKET, IOC, false, 3, 10);

        assertThat(events.take()).containsExactly(match(2, 1, BUY, 10000, 10, 0, 10));
    }

    @Test
    void marketOrderOnEmptyBookExpires() {
        book.submit(1, BUY, MARKET, IOC, false, 0, 20);

        assertThat(events.take()).containsExactly(expire(1, 20));
    }

    @Test
    void marketFokWithoutEnoughQuantityExpiresWithNothingTraded() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 20);
        events.take();

        book.submit(2, BUY, MARKET, FOK, false, 0, 30);

        assertThat(events.take()).containsExactly(expire(2, 30));
        assertThat(book.openQuantity(1)).isEqualTo(20);
    }

    @Test
    void postOnlyOrderThatDoesNotCrossRests() {
        book.submit(1, SELL, LIMIT, GTC, false, 10005, 20);
        events.take();

        book.submit(2, BUY, LIMIT, GTC, true, 10000, 20);

        assertThat(events.take()).containsExactly(add(2, BUY, 10000, 20));
    }

    @Test
    void orderIdCanBeUsedAgainOnceTheOrderLeftTheBook() {
        book.submit(1, SELL, LIMIT, GTC, false, 10000, 20);
        book.submit(2, BUY, LIMIT, GTC, false, 10000, 20);
        events.take();

        book.submit(1, BUY, LIMIT, GTC, false, 9000, 10);

        assertThat(events.take()).containsExactly(add(1, BUY, 9000, 10));
    }
}
