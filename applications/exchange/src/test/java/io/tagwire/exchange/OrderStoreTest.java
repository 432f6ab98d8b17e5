package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderStoreTest {
    private final Market market = new Market(new Instrument("BTCUSDT", 2, 1, 3, 1), new SilentListener());

    private Order add(OrderStore store, int account, String clOrdId, boolean live) {
        Order order = store.create();
        order.market = market;
        order.account = account;
        byte[] id = bytes(clOrdId);
        order.firstClOrdId(id, 0, id.length);
        order.live = live;
        store.indexClOrdId(order);
        return order;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Order find(OrderStore store, int account, String clOrdId) {
        byte[] id = bytes(clOrdId);
        return store.byClOrdId(account, id, 0, id.length);
    }

    @Test
    void findsOrdersByOrderIdAndByClOrdIdWithinTheirAccount() {
        OrderStore store = new OrderStore(16);
        Order a = add(store, 0, "X", true);
        Order b = add(store, 1, "X", true);
        assertThat(store.get(a.orderId)).isSameAs(a);
        assertThat(store.get(b.orderId)).isSameAs(b);
        assertThat(find(store, 0, "X")).isSameAs(a);
        assertThat(find(store, 1, "X")).isSameAs(b);
        assertThat(find(store, 2, "X")).isNull();
        assertThat(find(store, 0, "Y")).isNull();
        assertThat(store.get(999)).isNull();
    }

    @Test
    void aReplacedOrderIsFoundByItsNewAndItsFirstClOrdId() {
        OrderStore store = new OrderStore(16);
        Order order = add(store, 0, "first", true);
        byte[] next = bytes("second");
        order.clOrdId(next, 0, next.length);
        store.indexClOrdId(order);
        assertThat(find(store, 0, "second")).isSameAs(order);
        assertThat(find(store, 0, "first")).isSameAs(order);
    }

    @Test
    void closedOrdersAreForgottenWhenTheRingWrapsAndLiveOnesAreSkipped() {
        OrderStore store = new OrderStore(16);
        Order live = add(store, 0, "live", true);
        Order closed = add(store, 0, "closed", false);
        long closedId = closed.orderId;
        for (int i = 0; i < 100; i++) {
            add(store, 0, "o" + i, false);
        }
        assertThat(store.get(live.orderId)).as("live orders are never overwritten").isSameAs(live);
        assertThat(find(store, 0, "live")).isSameAs(live);
        assertThat(store.get(closedId)).as("closed orders go when the ring wraps").isNull();
        assertThat(find(store, 0, "closed")).isNull();
        assertThat(find(store, 0, "o99")).isNotNull();
        assertThat(store.capacity()).as("one live order does not make the ring grow").isEqualTo(16);
    }

    @Test
    void orderIdsAreUniqueAndIncreasingAcrossSkips() {
        OrderStore store = new OrderStore(16);
        long previous = 0;
        for (int i = 0; i < 200; i++) {
            Order order = add(store, 0, "k" + i, i % 5 == 0);
            assertThat(order.orderId).isGreaterThan(previous);
            previous = order.orderId;
        }
    }

    @Test
    void keepsEveryLiveOrderFindableAcrossGrowth() {
        OrderStore store = new OrderStore(16);
        for (int i = 0; i < 1_000; i++) {
            add(store, i % 3, "c" + i, true);
        }
        for (int i = 0; i < 1_000; i++) {
            Order order = find(store, i % 3, "c" + i);
            assertThat(order).as("c%d", i).isNotNull();
            assertThat(store.get(order.orderId)).isSameAs(order);
        }
    }
}
