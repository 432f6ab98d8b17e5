package io.tagwire.match;

import static io.tagwire.match.BookEvent.amend;
import static io.tagwire.match.BookEvent.cancel;
import static io.tagwire.match.BookEvent.match;
import static io.tagwire.match.BookEvent.reject;
import static io.tagwire.match.BookState.resting;
import static io.tagwire.match.OrderType.LIMIT;
import static io.tagwire.match.RejectReason.POST_ONLY_WOULD_CROSS;
import static io.tagwire.match.RejectReason.PRICE_NOT_ON_TICK;
import static io.tagwire.match.RejectReason.PRICE_NOT_POSITIVE;
import static io.tagwire.match.RejectReason.QUANTITY_NOT_ON_LOT;
import static io.tagwire.match.RejectReason.QUANTITY_NOT_POSITIVE;
import static io.tagwire.match.RejectReason.UNKNOWN_ORDER;
import static io.tagwire.match.Side.BUY;
import static io.tagwire.match.Side.SELL;
import static io.tagwire.match.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBookAmendCancelTest {
    private final RecordingListener events = new RecordingListener();
    private final OrderBook book = new OrderBook(OrderBookMatchingTest.BTC, events);

    @BeforeEach
    void restThreeBidsAtOnePriceAndAnAsk() {
        book.submit(1, BUY, LIMIT, GTC, false, 10000, 30);
        book.submit(2, BUY, LIMIT, GTC, false, 10000, 30);
        book.submit(3, BUY, LIMIT, GTC, false, 10000, 30);
        book.submit(9, SELL, LIMIT, GTC, false, 10050, 40);
        events.take();
    }

    @Test
    void cancelRemovesTheOrderWithItsOpenQuantity() {
        book.cancel(2);

        assertThat(events.take()).containsExactly(cancel(2, 30));
        assertThat(book.contains(2)).isFalse();
        assertThat(book.openQuantity(2)).isZero();
        assertThat(book.price(2)).isZero();
        assertThat(book.side(2)).isNull();
        assertThat(BookState.of(book).bids()).containsExactly(resting(1, 10000, 30), resting(3, 10000, 30));
    }

    @Test
    void cancelOfUnknownOrderIsRejected() {
        book.cancel(77);

        assertThat(events.take()).containsExactly(reject(77, UNKNOWN_ORDER));
    }

    @Test
    void cancelAfterCancelOrFillIsRejected() {
        book.cancel(1);
        book.cancel(1);
        book.submit(4, SELL, LIMIT, GTC, false, 10000, 30);
        book.cancel(2);

        assertThat(events.take()).containsExactly(cancel(1, 30), reject(1, UNKNOWN_ORDER),
                match(4, 2, SELL, 10000, 30, 0, 0), reject(2, UNKNOWN_ORDER));
    }

    @Test
    void cancelOfLastOrderAtAPriceRemovesThePrice() {
        book.cancel(9);

        assertThat(events.take()).containsExactly(cancel(9, 40));
        assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_ASK);
        assertThat(book.levelCount(SELL)).isZero();
    }

    @Test
    void quantityDownAtSamePriceKeepsPriority() {
        book.amend(1, 10000, 10);
        book.submit(4, SELL, LIMIT, GTC, false, 10000, 20);

        assertThat(events.take()).containsExactly(amend(1, 10000, 10, true),
                match(4, 1, SELL, 10000, 10, 10, 0), match(4, 2, SELL, 10000, 10, 0, 20));
    }

    @Test
    void sameQuantityAtSamePriceKeepsPriority() {
        book.amend(1, 10000, 30);

        assertThat(events.take()).containsExactly(amend(1, 10000, 30, true));
        assertThat(BookState.of(book).bids()).first().isEqualTo(resting(1, 10000, 30));
    }

    @Test
    void quantityUpLosesPriority() {
        book.amend(1, 10000, 40);

        assertThat(events.take()).containsExactly(amend(1, 10000, 40, false));
        assertThat(BookState.of(book).bids())
                .containsExactly(resting(2, 10000, 30), resting(3, 10000, 30), resting(1, 10000, 40));
        assertThat(BookState.of(book).bidLevels()).containsExactly(new BookState.Level(10000, 100, 3));
    }

    @Test
    void priceChangeLosesPriorityEvenWhenMovingBack() {
        book.amend(1, 10005, 30);
        book.amend(1, 10000, 30);

        assertThat(events.take()).containsExactly(amend(1, 10005, 30, false), amend(1, 10000, 30, false));
        assertThat(BookState.of(book).bids())
                .containsExactly(resting(2, 10000, 30), resting(3, 10000, 30), resting(1, 10000, 30));
    }

    @Test
    void priceChangeMovesTheOrderToItsNewLevel() {
        book.amend(2, 9990, 20);

        assertThat(events.take()).containsExactly(amend(2, 9990, 20, false));
        assertThat(BookState.of(book).bidLevels()).containsExactly(
                new BookState.Level(10000, 60, 2), new BookState.Level(9990, 20, 1));
        assertThat(book.price(2)).isEqualTo(9990);
        assertThat(book.openQuantity(2)).isEqualTo(20);
    }

    @Test
    void priceChangeThatCrossesTradesAsAnIncomingOrderAndRestsTheRemainder() {
        book.amend(3, 10050, 50);

        assertThat(events.take()).containsExactly(amend(3, 10050, 50, false), match(3, 9, BUY, 10050, 40, 10, 0));
        assertThat(BookState.of(book).bids())
                .containsExactly(resting(3, 10050, 10), resting(1, 10000, 30), resting(2, 10000, 30));
        assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_ASK);
    }

    @Test
    void priceChangeThatCrossesAndFillsRemovesTheOrder() {
        book.amend(3, 10100, 20);

        assertThat(events.take()).containsExactly(amend(3, 10100, 20, false), match(3, 9, BUY, 10050, 20, 0, 20));
        assertThat(book.contains(3)).isFalse();
        assertThat(BookState.of(book).bidLevels()).containsExactly(new BookState.Level(10000, 60, 2));
    }

    @Test
    void amendToZeroOrNegativeQuantityIsRejectedAndKeepsTheOrder() {
        book.amend(1, 10000, 0);
        book.amend(1, 10000, -30);

        assertThat(events.take()).containsExactly(reject(1, QUANTITY_NOT_POSITIVE), reject(1, QUANTITY_NOT_POSITIVE));
        assertThat(BookState.of(book).bids()).first().isEqualTo(resting(1, 10000, 30));
    }

    @Test
    void amendOffTheGridIsRejectedAndKeepsTheOrder() {
        BookState before = BookState.of(book);

        book.amend(1, 10001, 30);
        book.amend(1, 10000, 15);
        book.amend(1, 0, 30);

        assertThat(events.take()).containsExactly(reject(1, PRICE_NOT_ON_TICK), reject(1, QUANTITY_NOT_ON_LOT),
                reject(1, PRICE_NOT_POSITIVE));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void amendOfUnknownOrderIsRejected() {
        book.amend(77, 10000, 10);

        assertThat(events.take()).containsExactly(reject(77, UNKNOWN_ORDER));
    }

    @Test
    void postOnlyOrderAmendedToCrossIsRejectedAndKeepsTheOrder() {
        book.submit(5, SELL, LIMIT, GTC, true, 10100, 10);
        events.take();

        book.amend(5, 10000, 10);
        book.amend(5, 10005, 10);

        assertThat(events.take()).containsExactly(reject(5, POST_ONLY_WOULD_CROSS), amend(5, 10005, 10, false));
    }
}
