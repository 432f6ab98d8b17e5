package io.tagwire.match;

import static io.tagwire.match.BookEvent.add;
import static io.tagwire.match.BookEvent.reject;
import static io.tagwire.match.OrderType.LIMIT;
import static io.tagwire.match.OrderType.MARKET;
import static io.tagwire.match.RejectReason.DUPLICATE_ORDER_ID;
import static io.tagwire.match.RejectReason.POST_ONLY_NOT_GTC;
import static io.tagwire.match.RejectReason.POST_ONLY_NOT_LIMIT;
import static io.tagwire.match.RejectReason.POST_ONLY_WOULD_CROSS;
import static io.tagwire.match.RejectReason.PRICE_NOT_ON_TICK;
import static io.tagwire.match.RejectReason.PRICE_NOT_POSITIVE;
import static io.tagwire.match.RejectReason.QUANTITY_NOT_ON_LOT;
import static io.tagwire.match.RejectReason.QUANTITY_NOT_POSITIVE;
import static io.tagwire.match.RejectReason.QUANTITY_TOO_LARGE;
import static io.tagwire.match.Side.BUY;
import static io.tagwire.match.Side.SELL;
import static io.tagwire.match.TimeInForce.FOK;
import static io.tagwire.match.TimeInForce.GTC;
import static io.tagwire.match.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBookRejectTest {
    private final RecordingListener events = new RecordingListener();
    private final OrderBook book = new OrderBook(OrderBookMatchingTest.BTC, events);
    private BookState before;

    @BeforeEach
    void restOneOrderEachSide() {
        book.submit(1, BUY, LIMIT, GTC, false, 10000, 20);
        book.submit(2, SELL, LIMIT, GTC, false, 10010, 20);
        events.take();
        before = BookState.of(book);
    }

    @Test
    void rejectsPriceOffTheTick() {
        book.submit(3, SELL, LIMIT, GTC, false, 10003, 20);

        assertThat(events.take()).containsExactly(reject(3, PRICE_NOT_ON_TICK));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void rejectsQuantityOffTheLot() {
        book.submit(3, SELL, LIMIT, GTC, false, 10000, 25);

        assertThat(events.take()).containsExactly(reject(3, QUANTITY_NOT_ON_LOT));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void rejectsQuantityZeroOrNegative() {
        book.submit(3, SELL, LIMIT, GTC, false, 10000, 0);
        book.submit(4, SELL, MARKET, IOC, false, 0, -10);

        assertThat(events.take()).containsExactly(reject(3, QUANTITY_NOT_POSITIVE), reject(4, QUANTITY_NOT_POSITIVE));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void rejectsQuantityAboveTheMaximum() {
        book.submit(3, SELL, LIMIT, GTC, false, 10000, (OrderBook.MAX_QUANTITY / 10 + 1) * 10);
        book.submit(4, SELL, LIMIT, GTC, false, 20000, OrderBook.MAX_QUANTITY - OrderBook.MAX_QUANTITY % 10);

        assertThat(events.take()).containsExactly(reject(3, QUANTITY_TOO_LARGE),
                add(4, SELL, 20000, OrderBook.MAX_QUANTITY - OrderBook.MAX_QUANTITY % 10));
    }

    @Test
    void rejectsLimitPriceZeroOrNegative() {
        book.submit(3, SELL, LIMIT, GTC, false, 0, 10);
        book.submit(4, SELL, LIMIT, IOC, false, -5, 10);

        assertThat(events.take()).containsExactly(reject(3, PRICE_NOT_POSITIVE), reject(4, PRICE_NOT_POSITIVE));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void rejectsIdOfAnOrderOnTheBookAndLeavesThatOrderAlone() {
        book.submit(1, SELL, LIMIT, GTC, false, 9000, 10);

        assertThat(events.take()).containsExactly(reject(1, DUPLICATE_ORDER_ID));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void rejectsPostOnlyOrderThatWouldCross() {
        book.submit(3, BUY, LIMIT, GTC, true, 10010, 10);
        book.submit(4, SELL, LIMIT, GTC, true, 9995, 10);

        assertThat(events.take()).containsExactly(reject(3, POST_ONLY_WOULD_CROSS), reject(4, POST_ONLY_WOULD_CROSS));
        assertThat(BookState.of(book)).isEqualTo(before);
    }

    @Test
    void rejectsPostOnlyMarketOrder() {
        book.submit(3, BUY, MARKET, IOC, true, 0, 10);

        assertThat(events.take()).containsExactly(reject(3, POST_ONLY_NOT_LIMIT));
    }

    @Test
    void rejectsPostOnlyIocOrFok() {
        book.submit(3, BUY, LIMIT, IOC, true, 9000, 10);
        book.submit(4, BUY, LIMIT, FOK, true, 9000, 10);

        assertThat(events.take()).containsExactly(reject(3, POST_ONLY_NOT_GTC), reject(4, POST_ONLY_NOT_GTC));
    }

    @Test
    void checksIdThenQuantityThenPriceThenPostOnly() {
        book.submit(1, BUY, MARKET, FOK, true, -1, -1);
        book.submit(3, BUY, LIMIT, FOK, true, -1, -1);
        book.submit(4, BUY, LIMIT, FOK, true, -1, 10);
        book.submit(5, BUY, LIMIT, FOK, true, 10000, 10);

        assertThat(events.take()).containsExactly(reject(1, DUPLICATE_ORDER_ID), reject(3, QUANTITY_NOT_POSITIVE),
                reject(4, PRICE_NOT_POSITIVE), reject(5, POST_ONLY_NOT_GTC));
    }

    @Test
    void everyReasonHasItsOwnText() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::text))
                .doesNotContainNull()
                .allMatch(text -> !text.isBlank())
                .doesNotHaveDuplicates();
    }

    @Test
    void nullSideTypeOrTimeInForceIsMisuse() {
        assertThatThrownBy(() -> book.submit(3, null, LIMIT, GTC, false, 10000, 10))
                .isInstanceOf(NullPointerException.class).hasMessage("side");
        assertThatThrownBy(() -> book.submit(3, BUY, null, GTC, false, 10000, 10))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> book.submit(3, BUY, LIMIT, null, false, 10000, 10))
                .isInstanceOf(NullPointerException.class).hasMessage("tif");
        assertThat(BookState.of(book)).isEqualTo(before);
    }
}
