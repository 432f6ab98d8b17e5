package io.tagwire.exchange;

import static io.tagwire.exchange.TradingVenue.await;
import static io.tagwire.exchange.TradingVenue.awaitState;
import static io.tagwire.exchange.TradingVenue.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.trading.FixedPoint;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The TCP connection between client and exchange is cut while orders are in flight: the
 * exchange has acknowledged, filled and canceled orders whose reports never reached the
 * client. After the client reconnects, the venue's recovery must bring client and exchange
 * to the same state, CumQty and LeavesQty for every order: generic FIX by ResendRequest(2)
 * (the exchange resends, PossDupFlag(43)=Y), Coinbase (sequence reset at Logon) by
 * OrderStatusRequest(H) for every open order, Binance (sequence reset, no resend, no H) from
 * the drop-copy session that stayed logged on.
 */
@Timeout(60)
class ConnectionCutRecoveryTest {
    static final List<String> VENUES = TradingVenue.NAMES;
    private TradingVenue venue;

    @AfterEach
    void close() throws Exception {
        if (venue != null) {
            venue.close();
        }
    }

    private TradingClient maker(SeverableProxy proxy) throws Exception {
        TradingClientBuilder builder = venue.client("MAKER", proxy.port());
        if (venue.venue == Venue.BINANCE_SPOT) {
            VenueProfile dropCopy = VenueProfiles.byName("binance-spot-dropcopy");
            // straight to the exchange: the drop copy is not cut
            builder.dropCopy(dropCopy, venue.settings(dropCopy, "MAKERDC", venue.exchange.port()));
        }
        return venue.connect(builder);
    }

    private Order rest(TradingClient client, Side side, String qty, String price) throws Exception {
        Order order = client.placeLimit(venue.symbol, side, dec(qty), dec(price), TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(order.acknowledged().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
        return order;
    }

    private long countOnExchange(char ordStatus) {
        return venue.exchange.orderSnapshots().values().stream().filter(s -> s.ordStatus() == ordStatus).count();
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void clientAndExchangeAgreeOnEveryOrderAfterTheConnectionIsCutMidOrder(String name) throws Exception {
        venue = TradingVenue.start(name);
        SeverableProxy proxy = venue.proxy();
        TradingClient maker = maker(proxy);
        TradingClient taker = venue.connect("TAKER");
        Order filled = rest(maker, Side.BUY, "0.03000", "100.00");
        Order canceled = rest(maker, Side.BUY, "0.01000", "99.00");
        Order untouched = rest(maker, Side.SELL, "0.01000", "105.00");

        proxy.holdToClient();   // from here on the exchange's reports to the maker are in flight
        Order placedDuringCut = maker.placeLimit(venue.symbol, Side.BUY, dec("0.02"), dec("98.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        maker.cancel(canceled);
        await("the exchange canceled the order", () -> countOnExchange(OrdStatus.CANCELED) == 1);
        Order firstSell = taker.placeLimit(venue.symbol, Side.SELL, dec("0.01"), dec("100.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(firstSell.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        Order secondSell = taker.placeLimit(venue.symbol, Side.SELL, dec("0.03"), dec("98.00"),
            TimeInForce.IMMEDIATE_OR_CANCEL, false);
        assertThat(secondSell.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        if (venue.venue == Venue.BINANCE_SPOT) {
            // the drop copy is not cut: its copies of the reports arrive
            awaitState(filled, OrderState.FILLED);
            awaitState(placedDuringCut, OrderState.PARTIALLY_FILLED);
        } else {
            // nothing of this has reached the maker yet
            assertThat(filled.state()).isEqualTo(OrderState.NEW);
            assertThat(placedDuringCut.state()).isEqualTo(OrderState.PENDING_NEW);
        }
        int logons = maker.engine().logonCount(maker.sessionId());
        proxy.sever();

        await("the maker logged on again", () -> maker.engine().logonCount(maker.sessionId()) > logons
            && maker.isLoggedOn());
        awaitState(filled, OrderState.FILLED);
        awaitState(canceled, OrderState.CANCELED);
        awaitState(placedDuringCut, OrderState.PARTIALLY_FILLED);
        assertThat(untouched.state()).isEqualTo(OrderState.NEW);
        assertThat(filled.cumQty()).isEqualTo(FixedPoint.of("0.03"));
        assertThat(placedDuringCut.cumQty()).isEqualTo(FixedPoint.of("0.01"));
        assertThat(placedDuringCut.leavesQty()).isEqualTo(FixedPoint.of("0.01"));
        if (venue.venue != Venue.COINBASE_EXCHANGE) {
            // resent or copied reports carry the fills, each applied once; status answers carry none
            assertThat(filled.fills()).hasSize(2);
            assertThat(placedDuringCut.fills()).hasSize(1);
            assertThat(maker.positions().position(venue.symbol).netQty()).isEqualTo(FixedPoint.of("0.04"));
        }
        venue.assertAgrees(maker);
        venue.assertAgrees(taker);
        Map<String, OrderSnapshot> held = venue.exchange.orderSnapshots();
        assertThat(held.values().stream().filter(s -> s.ordStatus() == OrdStatus.PARTIALLY_FILLED)).hasSize(1);

        // and the session trades on
        Order after = rest(maker, Side.SELL, "0.01000", "106.00");
        assertThat(maker.cancel(after).get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.CANCELED);
        venue.assertAgrees(maker);
    }
}
