package io.tagwire.cli;

import io.tagwire.trading.LogonRefusedException;
import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.venue.RateLimit;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The narrated steps of {@code tagwire demo}, each awaited with a timeout and checked: a
 * step that does not end as narrated stops the demo with a {@link DemoFailure}.
 */
final class DemoScenario {
    private final DemoVenue venue;
    private final TradingClient client;
    private final DemoOutput output;
    private final Duration timeout;
    private final String symbol;
    private final List<Order> orders = new ArrayList<>();
    private final Latencies latencies;
    private int step;

    DemoScenario(DemoVenue venue, DemoOutput output, Duration timeout, int burst) {
        this.venue = venue;
        this.client = venue.client();
        this.output = output;
        this.timeout = timeout;
        this.symbol = venue.instrument().symbol();
        this.latencies = new Latencies(burst + 16);
    }

    void run(int burst) throws DemoFailure, InterruptedException {
        logOn();
        BigDecimal bid = best(venue.exchange().bestBid(symbol), "bid");
        BigDecimal restingPrice = bid.subtract(new BigDecimal("100.00"));
        BigDecimal small = venue.levelQuantity().divide(BigDecimal.TEN);

        step("limit", "Place a limit order below the market: BUY " + Decimals.plain(small) + " " + symbol + " @ "
            + Decimals.price(restingPrice) + " GTC");
        Order resting = placeAndAwaitAck(Side.BUY, small, restingPrice, TimeInForce.GOOD_TILL_CANCEL, false);
        expect(resting, OrderState.NEW, "the limit order should rest on the book");
        output.ok("limit", "resting on the book, OrderID " + resting.orderId());

        BigDecimal amendedQty = small.add(small);
        BigDecimal amendedPrice = restingPrice.subtract(BigDecimal.ONE);
        step("amend", "Amend it to " + Decimals.plain(amendedQty) + " @ " + Decimals.price(amendedPrice) + " ("
            + venue.profile().amendStyle() + ")");
        Order amended = await(client.amend(resting, amendedQty, amendedPrice), "the amend");
        if (amended != resting) {
            orders.add(amended);
        }
        expect(amended, OrderState.NEW, "the amended order should rest on the book");
        if (amended.orderQtyDecimal().compareTo(amendedQty) != 0
            || amended.priceDecimal().compareTo(amendedPrice) != 0) {
            throw new DemoFailure("the amended order is " + DemoOutput.describe(amended) + ", not "
                + Decimals.plain(amendedQty) + " @ " + Decimals.price(amendedPrice));
        }
        output.ok("amend", amended == resting ? "same order, now ClOrdID " + amended.clOrdId()
            : "old order " + resting.state() + ", new order " + amended.clOrdId() + " rests in its place");

        cross();

        step("cancel", "Cancel the resting order " + amended.clOrdId());
        expect(await(client.cancel(amended), "the cancel"), OrderState.CANCELED, "the cancel should be accepted");
        output.ok("cancel", "canceled, nothing left on the book");

        step("ioc", "An IOC buy far below the market, which cannot trade: BUY " + Decimals.plain(small) + " @ "
            + Decimals.price(restingPrice));
        Order ioc = placeAndAwaitAck(Side.BUY, small, restingPrice, TimeInForce.IMMEDIATE_OR_CANCEL, false);
        await(ioc.done(), "the IOC order's end");
        expect(ioc, OrderState.EXPIRED, "an IOC order with nothing to trade against should expire");
        output.ok("ioc", "expired, filled " + Decimals.plain(ioc.cumQtyDecimal()));

        BigDecimal crossingSell = best(venue.exchange().bestBid(symbol), "bid").subtract(venue.tick().multiply(
            BigDecimal.TEN));
        step("reject", "A post-only sell priced through the bid, which the exchange must refuse: SELL "
            + Decimals.plain(small) + " @ " + Decimals.price(crossingSell) + " post-only");
        Order refused = place(Side.SELL, small, crossingSell, TimeInForce.GOOD_TILL_CANCEL, true);
        await(refused.done(), "the post-only order's answer");
        expect(refused, OrderState.REJECTED, "a post-only order that would trade should be rejected");
        if (refused.text() == null || refused.text().isBlank()) {
            throw new DemoFailure("the reject of " + refused.clOrdId() + " carries no reason Text(58)");
        }
        output.ok("reject", "rejected: " + refused.text());

        burst(burst, restingPrice, small);
        output.orders(orders);
        output.positions(client.positions().all());
        output.latency(latencies);
    }

    private void logOn() throws DemoFailure, InterruptedException {
        step("logon", "Log on to " + venue.profile().name() + " with " + venue.logonDescription());
        try {
            client.connect(timeout);
        } catch (LogonRefusedException e) {
            throw new DemoFailure("the exchange refused the Logon: " + e.getMessage());
        } catch (IOException e) {
            throw new DemoFailure("not logged on within " + timeout.toSeconds() + " s: " + e.getMessage());
        }
        output.ok("logon", "logged on as " + client.sessionId());
    }

    /** A buy through the first ask levels: one partial fill at the best ask, then the rest at the next level. */
    private void cross() throws DemoFailure, InterruptedException {
        BigDecimal ask = best(venue.exchange().bestAsk(symbol), "ask");
        BigDecimal quantity = venue.levelQuantity().multiply(new BigDecimal("1.5"));
        // a few ticks of room: the market maker may move its quotes between our look and our order
        BigDecimal limit = ask.add(venue.tick().multiply(BigDecimal.valueOf(DemoVenue.LEVELS)));
        step("cross", "Cross the book: BUY " + Decimals.plain(quantity) + " @ " + Decimals.price(limit)
            + " against asks of " + Decimals.plain(venue.levelQuantity()) + " from " + Decimals.price(ask));
        Order buy = placeAndAwaitAck(Side.BUY, quantity, limit, TimeInForce.GOOD_TILL_CANCEL, false);
        await(buy.done(), "the crossing order's fills");
        expect(buy, OrderState.FILLED, "the crossing order should be filled");
        if (buy.fills().size() < 2) {
            throw new DemoFailure("the crossing order filled in " + buy.fills().size()
                + " trade(s), expected a partial fill then a full one");
        }
        output.ok("cross", "partially filled, then filled, in " + buy.fills().size() + " trades, average price "
            + Decimals.price(buy.avgPxDecimal()));
    }

    /** Orders one after another, each IOC far from the market: acknowledged, then expired. */
    private void burst(int count, BigDecimal price, BigDecimal quantity) throws DemoFailure, InterruptedException {
        if (count <= 0) {
            return;
        }
        String capped = "";
        RateLimit limit = venue.profile().messageLimit().orElse(null);
        if (limit != null && count > limit.messages() / 2) {
            // the client's throttle refuses what the venue's limit would; stay well inside one window
            count = limit.messages() / 2;
            capped = " (capped by " + venue.profile().name() + "'s limit of " + limit + ")";
        }
        step("burst", "A burst of " + count + " IOC orders, one at a time, to measure round trips" + capped);
        output.quiet(true);
        try {
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                Order order = client.placeLimit(symbol, Side.BUY, quantity, price, TimeInForce.IMMEDIATE_OR_CANCEL,
                    false);
                await(order.acknowledged(), "burst order " + (i + 1));
                latencies.add(System.nanoTime() - sent);
                await(order.done(), "burst order " + (i + 1) + "'s end");
                if (order.state() != OrderState.EXPIRED) {
                    throw new DemoFailure("burst order " + order.clOrdId() + " ended " + order.state()
                        + (order.text() == null ? "" : " (" + order.text() + ")") + ", expected EXPIRED");
                }
            }
        } finally {
            output.quiet(false);
        }
        client.forgetFinishedOrders();
        output.ok("burst", count + " orders acknowledged and expired");
    }

    private Order placeAndAwaitAck(Side side, BigDecimal qty, BigDecimal price, TimeInForce tif, boolean postOnly)
        throws DemoFailure, InterruptedException {
        long sent = System.nanoTime();
        Order order = place(side, qty, price, tif, postOnly);
        await(order.acknowledged(), "the acknowledgement of " + order.clOrdId());
        if (order.state() == OrderState.REJECTED) {
            throw new DemoFailure("order " + DemoOutput.describe(order) + " was rejected: " + order.text());
        }
        latencies.add(System.nanoTime() - sent);
        return order;
    }

    private Order place(Side side, BigDecimal qty, BigDecimal price, TimeInForce tif, boolean postOnly) {
        Order order = client.placeLimit(symbol, side, qty, price, tif, postOnly);
        orders.add(order);
        return order;
    }

    private <T> T await(CompletableFuture<T> future, String what) throws DemoFailure, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DemoFailure("no answer for " + what + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new DemoFailure(what + " failed: " + e.getCause().getMessage());
        }
    }

    private static void expect(Order order, OrderState state, String why) throws DemoFailure {
        if (order.state() != state) {
            throw new DemoFailure(why + ", but order " + order.clOrdId() + " is " + order.state()
                + (order.text() == null ? "" : " (" + order.text() + ")"));
        }
    }

    private BigDecimal best(BigDecimal price, String side) throws DemoFailure {
        if (price == null) {
            throw new DemoFailure("the market maker has no " + side + " in " + symbol);
        }
        return price;
    }

    private void step(String id, String narration) {
        output.step(++step, id, narration);
    }
}
