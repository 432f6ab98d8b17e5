package io.tagwire.exchange;

import static io.tagwire.exchange.TradingVenue.await;
import static io.tagwire.exchange.TradingVenue.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.TradingClientBuilder;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A drop-copy session (DropCopyFlag(9406)=Y) of the maker's account, here a second
 * {@link TradingClient} that only listens, receives every ExecutionReport of the maker's
 * orders: it ends with the same orders in the same states, fills and quantities.
 */
@Timeout(60)
class ClientDropCopyTest {
    private TradingVenue venue;

    @AfterEach
    void close() throws Exception {
        if (venue != null) {
            venue.close();
        }
    }

    private TradingClient observer() throws Exception {
        if (venue.venue == Venue.BINANCE_SPOT) {
            VenueProfile dropCopy = VenueProfiles.byName("binance-spot-dropcopy");
            return venue.connect(TradingClient.builder()
                .session(venue.settings(dropCopy, "MAKERDC", venue.exchange.port()))
                .venue(dropCopy, venue.credentials("MAKER")));
        }
        TradingClientBuilder builder = venue.client("MAKERDC", venue.exchange.port())
            .logon(logon -> logon.encoder().putChar(9406, 'Y'));
        return venue.connect(builder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binance-spot", "generic-4.2", "generic-4.4"})
    void dropCopyReceivesEveryExecutionReportOfTheAccount(String name) throws Exception {
        venue = TradingVenue.start(name);
        TradingClient dropCopy = observer();
        TradingClient maker = venue.connect("MAKER");
        TradingClient taker = venue.connect("TAKER");

        Order filled = maker.placeLimit(venue.symbol, Side.BUY, dec("0.02"), dec("100.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        Order canceled = maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("99.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        Order rejected = maker.placeLimit(venue.symbol, Side.SELL, dec("0.01"), dec("99.00"),
            TimeInForce.GOOD_TILL_CANCEL, true);   // post-only that would trade
        canceled.acknowledged().get(10, TimeUnit.SECONDS);
        maker.cancel(canceled).get(10, TimeUnit.SECONDS);
        taker.placeLimit(venue.symbol, Side.SELL, dec("0.01"), dec("100.00"), TimeInForce.GOOD_TILL_CANCEL, false);
        taker.placeLimit(venue.symbol, Side.SELL, dec("0.01"), dec("100.00"), TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(filled.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        assertThat(rejected.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.REJECTED);

        List<Order> mine = maker.orders();
        await("the drop copy saw every order end", () -> {
            Map<String, Order> copies = byOrderId(dropCopy.orders());
            return mine.stream().allMatch(o -> copies.containsKey(o.orderId())
                && copies.get(o.orderId()).state() == o.state());
        });
        Map<String, Order> copies = byOrderId(dropCopy.orders());
        for (Order order : mine) {
            Order copy = copies.get(order.orderId());
            assertThat(copy.external()).isTrue();
            assertThat(copy.cumQty()).as(order.toString()).isEqualTo(order.cumQty());
            assertThat(copy.leavesQty()).as(order.toString()).isEqualTo(order.leavesQty());
            assertThat(copy.fills()).as(order.toString()).hasSameSizeAs(order.fills());
        }
        // only the maker's account: the taker's orders are not copied
        assertThat(dropCopy.orders()).hasSize(mine.size());
        venue.assertAgrees(maker);
    }

    private static Map<String, Order> byOrderId(List<Order> orders) {
        return orders.stream().filter(o -> o.orderId() != null)
            .collect(Collectors.toMap(Order::orderId, Function.identity(), (a, b) -> b));
    }
}
