package io.tagwire.exchange;

import static io.tagwire.exchange.TradingVenue.awaitState;
import static io.tagwire.exchange.TradingVenue.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.trading.FixedPoint;
import io.tagwire.trading.MassCancelReport;
import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@link TradingClient} against the {@link ExchangeSimulator} over TCP, for every emulated
 * venue: signed Logon, order lifecycles against a second client, and after each the client
 * and the exchange's order store agree on every order's state, CumQty and LeavesQty.
 */
@Timeout(60)
class ClientAgainstExchangeTest {
    static final List<String> VENUES = TradingVenue.NAMES;
    private TradingVenue venue;

    @AfterEach
    void close() throws Exception {
        if (venue != null) {
            venue.close();
        }
    }

    private Order rest(TradingClient client, Side side, String qty, String price) throws Exception {
        Order order = client.placeLimit(venue.symbol, side, dec(qty), dec(price), TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(order.acknowledged().get(10, TimeUnit.SECONDS).state()).as(order.toString())
            .isEqualTo(OrderState.NEW);
        return order;
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void limitOrderIsPartiallyThenFullyFilledByAnotherClient(String name) throws Exception {
        venue = TradingVenue.start(name);
        TradingClient maker = venue.connect("MAKER");
        TradingClient taker = venue.connect("TAKER");
        assertThat(maker.isLoggedOn()).isTrue();
        assertThat(maker.logonRefusal()).isNull();

        Order bid = rest(maker, Side.BUY, "0.03000", "100.00");
        Order firstSell = taker.placeLimit(venue.symbol, Side.SELL, dec("0.01000"), dec("100.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(firstSell.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        awaitState(bid, OrderState.PARTIALLY_FILLED);
        assertThat(bid.cumQty()).isEqualTo(FixedPoint.of("0.01"));
        assertThat(bid.leavesQty()).isEqualTo(FixedPoint.of("0.02"));

        Order secondSell = taker.placeLimit(venue.symbol, Side.SELL, dec("0.02000"), dec("99.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(bid.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        assertThat(bid.fills()).hasSize(2);
        assertThat(bid.avgPx()).isEqualTo(FixedPoint.of("100"));
        assertThat(maker.positions().position(venue.symbol).netQty()).isEqualTo(FixedPoint.of("0.03"));
        secondSell.done().get(10, TimeUnit.SECONDS);
        venue.assertAgrees(maker);
        venue.assertAgrees(taker);
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void amendThenCancel(String name) throws Exception {
        venue = TradingVenue.start(name);
        TradingClient maker = venue.connect("MAKER");
        Order bid = rest(maker, Side.BUY, "0.01000", "99.00");

        // G where the venue has it; Binance's XCN ends the order and places another
        Order amended = maker.amend(bid, dec("0.02"), dec("98.50")).get(10, TimeUnit.SECONDS);
        assertThat(amended.isOpen()).as(amended.toString()).isTrue();
        assertThat(amended.orderQty()).isEqualTo(FixedPoint.of("0.02"));
        assertThat(amended.price()).isEqualTo(FixedPoint.of("98.5"));
        if (venue.venue == Venue.BINANCE_SPOT) {
            assertThat(amended).isNotSameAs(bid);
            assertThat(bid.state()).isEqualTo(OrderState.CANCELED);
        } else {
            assertThat(amended).isSameAs(bid);
        }
        venue.assertAgrees(maker);

        Order canceled = maker.cancel(amended).get(10, TimeUnit.SECONDS);
        assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
        assertThat(canceled.leavesQty()).isZero();
        venue.assertAgrees(maker);
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void cancelOfAnOrderFilledMeanwhileIsRejectedTooLate(String name) throws Exception {
        venue = TradingVenue.start(name);
        SeverableProxy proxy = venue.proxy();
        TradingClient maker = venue.connect(venue.client("MAKER", proxy.port()));
        TradingClient taker = venue.connect("TAKER");
        Order bid = rest(maker, Side.BUY, "0.01000", "100.00");

        proxy.holdToClient();   // the maker does not hear of the fill before it cancels
        Order sell = taker.placeLimit(venue.symbol, Side.SELL, dec("0.01"), dec("100.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(sell.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        CompletableFuture<Order> cancel = maker.cancel(bid);
        // the cancel is on its way: whenever the exchange reads it, the fill is ahead of its answer
        awaitState(bid, OrderState.PENDING_CANCEL);
        proxy.release();

        assertThat(cancel.get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        assertThat(bid.cumQty()).isEqualTo(FixedPoint.of("0.01"));
        venue.assertAgrees(maker);
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void immediateOrCancelIsPartlyFilledThenExpires(String name) throws Exception {
        venue = TradingVenue.start(name);
        TradingClient maker = venue.connect("MAKER");
        TradingClient taker = venue.connect("TAKER");
        rest(taker, Side.SELL, "0.01000", "100.00");

        Order ioc = maker.placeLimit(venue.symbol, Side.BUY, dec("0.03"), dec("100.00"),
            TimeInForce.IMMEDIATE_OR_CANCEL, false);
        assertThat(ioc.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.EXPIRED);
        assertThat(ioc.cumQty()).isEqualTo(FixedPoint.of("0.01"));
        assertThat(ioc.leavesQty()).isZero();
        venue.assertAgrees(maker);
        venue.assertAgrees(taker);
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void postOnlyOrderThatWouldTradeIsRejectedWithText(String name) throws Exception {
        venue = TradingVenue.start(name);
        TradingClient maker = venue.connect("MAKER");
        TradingClient taker = venue.connect("TAKER");
        rest(taker, Side.SELL, "0.01000", "100.00");

        Order postOnly = maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("100.00"),
            TimeInForce.GOOD_TILL_CANCEL, true);
        assertThat(postOnly.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.REJECTED);
        assertThat(postOnly.rejectedLocally()).isFalse();
        assertThat(postOnly.text()).isNotBlank();
        venue.assertAgrees(maker);
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void marketOrderFillsAgainstTheBook(String name) throws Exception {
        venue = TradingVenue.start(name);
        TradingClient maker = venue.connect("MAKER");
        TradingClient taker = venue.connect("TAKER");
        rest(taker, Side.SELL, "0.01000", "100.00");
        rest(taker, Side.SELL, "0.01000", "101.00");

        Order market = maker.placeMarket(venue.symbol, Side.BUY, dec("0.02"), TimeInForce.IMMEDIATE_OR_CANCEL);
        assertThat(market.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        assertThat(market.fills()).hasSize(2);
        assertThat(market.avgPx()).isEqualTo(FixedPoint.of("100.5"));
        venue.assertAgrees(maker);
        venue.assertAgrees(taker);
    }

    @ParameterizedTest
    @FieldSource("VENUES")
    void massCancelCancelsEveryOpenOrderOfTheSymbol(String name) throws Exception {
        venue = TradingVenue.start(name);
        TradingClient maker = venue.connect("MAKER");
        Order first = rest(maker, Side.BUY, "0.01000", "99.00");
        Order second = rest(maker, Side.SELL, "0.01000", "101.00");

        MassCancelReport report = maker.massCancel(venue.symbol).get(10, TimeUnit.SECONDS);
        assertThat(report.toString()).isNotEmpty();
        assertThat(first.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.CANCELED);
        assertThat(second.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.CANCELED);
        venue.assertAgrees(maker);
    }
}
