package io.tagwire.trading;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An OrderTracker fed wire text ({@code |} for SOH), recording every listener call as "ClOrdID STATE". */
final class TrackerScenario {
    static final long NOW = 1_700_000_000_000_000_000L;

    final List<String> events = new ArrayList<>();
    final Positions positions = new Positions();
    final OrderTracker tracker =
        new OrderTracker(positions, order -> events.add(order.clOrdId() + " " + order.state()));
    private final FixMessage message = new FixMessage();

    /** A limit order tracked as if just sent. */
    Order limit(String clOrdId, Side side, String qty, String price) {
        Order order = new Order(clOrdId, "BTCUSDT", side, OrdType.LIMIT, TimeInForce.GOOD_TILL_CANCEL, false,
            FixedPoint.of(qty), FixedPoint.of(price), false, OrderState.PENDING_NEW, NOW);
        tracker.track(order);
        return order;
    }

    Order report(String piped) {
        byte[] bytes = Ascii.fromPiped(piped);
        message.parse(bytes, 0, bytes.length);
        return tracker.onExecutionReport(message, NOW);
    }

    Order cancelReject(String piped) {
        byte[] bytes = Ascii.fromPiped(piped);
        message.parse(bytes, 0, bytes.length);
        return tracker.onOrderCancelReject(message, NOW);
    }

    CompletableFuture<Order> cancel(Order order, String clOrdId) {
        CompletableFuture<Order> request = new CompletableFuture<>();
        String refused = tracker.beginRequest(order, OrderState.PENDING_CANCEL, clOrdId, 0, 0, request);
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
        return request;
    }

    CompletableFuture<Order> replace(Order order, String clOrdId, String qty, String price) {
        CompletableFuture<Order> request = new CompletableFuture<>();
        String refused = tracker.beginRequest(order, OrderState.PENDING_REPLACE, clOrdId, FixedPoint.of(qty),
            FixedPoint.of(price), request);
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
        return request;
    }

    static long fp(String value) {
        return FixedPoint.of(value);
    }
}
