package io.tagwire.exchange;

import static io.tagwire.exchange.TradingVenue.await;
import static io.tagwire.exchange.TradingVenue.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.trading.Order;
import io.tagwire.trading.OrderRejectedLocally;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.RequestThrottle;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Binance has no OrderStatusRequest(H): a client without a drop copy whose connection is cut
 * must not send H for its open orders after logging on again (Binance refuses each, and they
 * count toward the message limit), but mark them as needing reconciliation.
 */
@Timeout(60)
class BinanceReconnectWithoutDropCopyTest {
    private static final int OPEN_ORDERS = 5;
    private TradingVenue venue;

    @AfterEach
    void close() throws Exception {
        if (venue != null) {
            venue.close();
        }
    }

    @Test
    void reconnectSendsNoStatusRequestsAndMarksTheOpenOrders() throws Exception {
        // Logon, 5 D, Logon again, D and F fit in 10; 5 H more would break the limit and log the client out
        venue = TradingVenue.start("binance-spot", b -> b.messageLimit(10, Duration.ofMinutes(1)));
        SeverableProxy proxy = venue.proxy();
        TradingClient maker = venue.connect(venue.client("MAKER", proxy.port()).throttle(RequestThrottle.UNLIMITED));
        List<Order> open = new ArrayList<>();
        for (int i = 0; i < OPEN_ORDERS; i++) {
            Order order = maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("90.00"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            assertThat(order.acknowledged().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
            open.add(order);
        }
        int logons = maker.engine().logonCount(maker.sessionId());

        proxy.sever();
        await("the maker logged on again", () -> maker.engine().logonCount(maker.sessionId()) > logons
            && maker.isLoggedOn());
        await("the open orders are marked", () -> maker.ordersNeedingReconciliation().size() == OPEN_ORDERS);

        assertThat(maker.ordersNeedingReconciliation()).containsExactlyElementsOf(open);
        assertThatThrownBy(() -> maker.status(open.get(0)).get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(OrderRejectedLocally.class).hasMessageContaining("OrderStatusRequest(H)");
        Order after = maker.placeLimit(venue.symbol, Side.SELL, dec("0.01"), dec("106.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(after.acknowledged().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
        assertThat(after.needsReconciliation()).isFalse();
        Order canceled = maker.cancel(open.get(0)).get(10, TimeUnit.SECONDS);
        assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
        assertThat(canceled.needsReconciliation()).as("a report about the order clears the mark").isFalse();
        assertThat(maker.lastLogoutText()).isNull();
        assertThat(maker.isLoggedOn()).isTrue();
        venue.assertAgrees(maker);
    }
}
