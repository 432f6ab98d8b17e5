package io.tagwire.match;

import static io.tagwire.match.BookState.resting;
import static io.tagwire.match.OrderType.LIMIT;
import static io.tagwire.match.Side.BUY;
import static io.tagwire.match.Side.SELL;
import static io.tagwire.match.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderBookViewTest {
    private final RecordingListener events = new RecordingListener();
    private final OrderBook book = new OrderBook(OrderBookMatchingTest.BTC, events);

    @Test
    void levelsAreRankedBestFirstWithTotalsAndCounts() {
        book.submit(1, BUY, LIMIT, GTC, false, 9990, 10);
        book.submit(2, BUY, LIMIT, GTC, false, 10000, 20);
        book.submit(3, BUY, LIMIT, GTC, false, 9990, 30);
        book.submit(4, SELL, LIMIT, GTC, false, 10020, 40);
        book.submit(5, SELL, LIMIT, GTC, false, 10010, 50);

        assertThat(book.levelCount(BUY)).isEqualTo(2);
        assertThat(book.levelPrice(BUY, 0)).isEqualTo(10000);
        assertThat(book.levelQuantity(BUY, 0)).isEqualTo(20);
        assertThat(book.levelOrderCount(BUY, 0)).isEqualTo(1);
        assertThat(book.levelPrice(BUY, 1)).isEqualTo(9990);
        assertThat(book.levelQuantity(BUY, 1)).isEqualTo(40);
        assertThat(book.levelOrderCount(BUY, 1)).isEqualTo(2);
        assertThat(book.levelCount(SELL)).isEqualTo(2);
        assertThat(book.levelPrice(SELL, 0)).isEqualTo(10010);
        assertThat(book.levelPrice(SELL, 1)).isEqualTo(10020);
        assertThat(book.orderCount()).isEqualTo(5);
    }

    @Test
    void quantityAtAPriceIsTheLevelTotalOrZero() {
        book.submit(1, BUY, LIMIT, GTC, false, 9990, 10);
        book.submit(2, BUY, LIMIT, GTC, false, 9990, 30);
        book.submit(3, SELL, LIMIT, GTC, false, 10010, 50);

        assertThat(book.quantityAt(BUY, 9990)).isEqualTo(40);
        assertThat(book.quantityAt(SELL, 10010)).isEqualTo(50);
        assertThat(book.quantityAt(BUY, 10010)).isZero();
        assertThat(book.quantityAt(SELL, 9995)).isZero();
    }

    @Test
    void visitorThatChangesTheBookIsRefusedAndTheBookStaysUsable() {
        book.submit(1, BUY, LIMIT, GTC, false, 9990, 10);
        book.submit(2, BUY, LIMIT, GTC, false, 9985, 10);

        assertThatThrownBy(() -> book.forEachOrder(BUY, (orderId, side, price, quantity) -> book.cancel(orderId)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("listener or visitor");
        assertThat(book.orderCount()).isEqualTo(2);
        book.cancel(1);
        assertThat(book.contains(1)).isFalse();
    }

    @Test
    void listenerMayReadTheBook() {
        OrderBook[] self = new OrderBook[1];
        StringBuilder seen = new StringBuilder();
        RecordingListener recorder = new RecordingListener() {
            @Override
            public void onAdd(long orderId, Side side, long price, long quantity) {
                self[0].forEachOrder(side, (id, s, p, q) -> seen.append(id).append('@').append(p).append(' '));
                seen.append("best ").append(self[0].bestBid());
            }
        };
        self[0] = new OrderBook(OrderBookMatchingTest.BTC, recorder);
        self[0].submit(1, BUY, LIMIT, GTC, false, 9990, 10);

        assertThat(seen).hasToString("1@9990 best 9990");
        self[0].submit(2, BUY, LIMIT, GTC, false, 9995, 10);
        assertThat(self[0].bestBid()).isEqualTo(9995);
    }

    @Test
    void listenerSeesAnAmendInPlaceUnlessItCrossesThenTheOrderIsOffTheBookWhileItTrades() {
        OrderBook[] self = new OrderBook[1];
        StringBuilder seen = new StringBuilder();
        RecordingListener recorder = new RecordingListener() {
            @Override
            public void onAmend(long orderId, long newPrice, long newQuantity, boolean keptPriority) {
                seen.append("amend ").append(self[0].contains(orderId)).append(' ').append(self[0].price(orderId))
                        .append(' ').append(self[0].bestBid()).append("; ");
            }

            @Override
            public void onMatch(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                                long takerRemaining, long makerRemaining) {
                seen.append("match ").append(self[0].contains(takerOrderId)).append("; ");
            }
        };
        self[0] = new OrderBook(OrderBookMatchingTest.BTC, recorder);
        self[0].submit(1, BUY, LIMIT, GTC, false, 9990, 20);
        self[0].submit(2, SELL, LIMIT, GTC, false, 10010, 10);

        self[0].amend(1, 9995, 20);
        self[0].amend(1, 10010, 20);

        assertThat(seen).hasToString("amend true 9995 9995; amend false 0 -9223372036854775808; match false; ");
        assertThat(BookState.of(self[0]).bids()).containsExactly(resting(1, 10010, 10));
    }

    @Test
    void levelPastTheEndIsMisuse() {
        book.submit(1, BUY, LIMIT, GTC, false, 9990, 10);

        assertThatThrownBy(() -> book.levelPrice(BUY, 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("level 1 of 1 BUY");
        assertThatThrownBy(() -> book.levelQuantity(SELL, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> book.levelOrderCount(BUY, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void forEachOrderVisitsBestPriceFirstThenOldestFirst() {
        book.submit(1, SELL, LIMIT, GTC, false, 10020, 10);
        book.submit(2, SELL, LIMIT, GTC, false, 10010, 20);
        book.submit(3, SELL, LIMIT, GTC, false, 10020, 30);
        book.submit(4, SELL, LIMIT, GTC, false, 10010, 40);
        book.submit(5, BUY, LIMIT, GTC, false, 9000, 50);

        assertThat(BookState.of(book).asks()).containsExactly(
                resting(2, 10010, 20), resting(4, 10010, 40), resting(1, 10020, 10), resting(3, 10020, 30));
        assertThat(BookState.of(book).bids()).containsExactly(resting(5, 9000, 50));
    }

    @Test
    void manyOrdersAndLevelsGrowPoolsAndStayConsistent() {
        OrderBook small = new OrderBook(OrderBookMatchingTest.BTC, events, 0);
        for (int i = 0; i < 500; i++) {
            small.submit(i, BUY, LIMIT, GTC, false, 5 * (1 + i % 100), 10);
        }
        assertThat(small.orderCount()).isEqualTo(500);
        assertThat(small.levelCount(BUY)).isEqualTo(100);
        assertThat(small.bestBid()).isEqualTo(500);
        for (int i = 0; i < 500; i += 2) {
            small.cancel(i);
        }
        for (int i = 1; i < 500; i += 2) {
            assertThat(small.openQuantity(i)).as("order %d", i).isEqualTo(10);
        }
        assertThat(small.orderCount()).isEqualTo(250);
        assertThat(small.levelCount(BUY)).isEqualTo(50);
        assertThat(small.bestBid()).isEqualTo(500);
    }

    @Test
    void callingTheBookFromItsListenerIsRefused() {
        RecordingListener recorder = new RecordingListener();
        OrderBook[] self = new OrderBook[1];
        OrderBookListener reentrant = new OrderBookListener() {
            @Override
            public void onAdd(long orderId, Side side, long price, long quantity) {
                recorder.onAdd(orderId, side, price, quantity);
                self[0].cancel(orderId);
            }

            @Override
            public void onMatch(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                                long takerRemaining, long makerRemaining) {
            }

            @Override
            public void onCancel(long orderId, long canceledQuantity) {
                recorder.onCancel(orderId, canceledQuantity);
            }

            @Override
            public void onExpire(long orderId, long remainingQuantity) {
            }

            @Override
            public void onReject(long orderId, RejectReason reason) {
            }

            @Override
            public void onAmend(long orderId, long newPrice, long newQuantity, boolean keptPriority) {
            }
        };
        self[0] = new OrderBook(OrderBookMatchingTest.BTC, reentrant);

        assertThatThrownBy(() -> self[0].submit(1, BUY, LIMIT, GTC, false, 10000, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("from its own listener or visitor");
        // the refused call changed nothing and the book takes calls again afterwards
        assertThat(self[0].contains(1)).isTrue();
        assertThat(recorder.take()).containsExactly(BookEvent.add(1, BUY, 10000, 10));
    }
}
