package io.tagwire.match;

import java.util.Objects;

/**
 * A price-time priority limit order book for one {@link Instrument}, reporting everything to an
 * {@link OrderBookListener} synchronously, in the order it happens.
 *
 * <p>Rules: an incoming order trades with the best opposite price first and, at one price, with the oldest
 * order first, always at the resting (maker) order's price. A LIMIT GTC remainder rests; IOC and MARKET
 * remainders expire; FOK trades its whole quantity or, checked before any trade, nothing and expires. A
 * post-only order must be LIMIT GTC and is rejected if it would trade on entry. Amend: a quantity decrease at
 * the same price keeps priority; a price change or a quantity increase puts the order at the back of the queue
 * at its (new) price, and if the new price crosses the book it trades as an incoming order would (a post-only
 * order is rejected instead); a new quantity of 0 or less is rejected (QUANTITY_NOT_POSITIVE), the order is
 * unchanged: cancel is a request of its own. A rejected request changes nothing.
 *
 * <p>An order id must not be on the book already ({@code DUPLICATE_ORDER_ID}); ids of orders that left the
 * book may be used again. No self-trade prevention: the book knows no owners.
 *
 * <p>Steady state allocates nothing: orders and levels are pooled, the id map is primitive; pools and arrays
 * grow (allocating) only past their largest size so far. Not thread-safe; not reentrant from the listener.
 */
public final class OrderBook {
    /**
     * Largest order quantity accepted (2^50, in lot mantissa units): a level's total stays exact up to 8192
     * maximal orders at one price.
     */
    public static final long MAX_QUANTITY = 1L << 50;
    /** {@link #bestBid()} when there is no bid. */
    public static final long NO_BID = Long.MIN_VALUE;
    /** {@link #bestAsk()} when there is no ask. */
    public static final long NO_ASK = Long.MAX_VALUE;

    /** Largest {@code expectedOrders} accepted: the id map needs twice as many slots in one array. */
    public static final int MAX_EXPECTED_ORDERS = 1 << 26;

    private static final int DEFAULT_EXPECTED_ORDERS = 1024;

    private final Instrument instrument;
    private final OrderBookListener listener;
    private final BookSide bids;
    private final BookSide asks;
    private final OrderMap orders;
    private final OrderPool pool;
    private final OrderChecks checks;
    private boolean busy;

    public OrderBook(Instrument instrument, OrderBookListener listener) {
        this(instrument, listener, DEFAULT_EXPECTED_ORDERS);
    }

    /** Preallocates room for {@code expectedOrders} resting orders so that reaching that many allocates nothing. */
    public OrderBook(Instrument instrument, OrderBookListener listener, int expectedOrders) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (expectedOrders < 0 || expectedOrders > MAX_EXPECTED_ORDERS) {
            throw new IllegalArgumentException(
                    "expectedOrders must be 0.." + MAX_EXPECTED_ORDERS + ", was " + expectedOrders);
        }
        int capacity = Math.max(16, expectedOrders);
        bids = new BookSide(Side.BUY, Math.min(capacity, 4096));
        asks = new BookSide(Side.SELL, Math.min(capacity, 4096));
        orders = new OrderMap(capacity);
        pool = new OrderPool(capacity);
        checks = new OrderChecks(instrument);
    }

    /**
     * Enters an order. Exactly one of these follows: {@code onReject}; or zero or more {@code onMatch} and then
     * {@code onAdd} (a GTC limit remainder), {@code onExpire} (an IOC, FOK or MARKET remainder), or nothing more
     * (fully filled: the last match has {@code takerRemaining} 0).
     *
     * @param price ignored for MARKET
     */
    public void submit(long orderId, Side side, OrderType type, TimeInForce tif, boolean postOnly,
                       long price, long quantity) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tif, "tif");
        enter();
        try {
            RejectReason reason = checks.submit(orders.get(orderId) != null, opposite(side), type, tif, postOnly,
                    price, quantity);
            if (reason != null) {
                listener.onReject(orderId, reason);
                return;
            }
            boolean market = type == OrderType.MARKET;
            long limitPrice = market ? (side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE) : price;
            BookSide opposite = opposite(side);
            if (tif == TimeInForce.FOK && !opposite.hasQuantity(limitPrice, quantity)) {
                listener.onExpire(orderId, quantity);
                return;
            }
            long remaining = match(orderId, side, limitPrice, quantity);
            if (remaining == 0) {
                return;
            }
            if (market || tif != TimeInForce.GTC) {
                listener.onExpire(orderId, remaining);
                return;
            }
            Order order = pool.acquire();
            order.id = orderId;
            order.side = side;
            order.price = price;
            order.quantity = remaining;
            order.postOnly = postOnly;
            rest(order);
            listener.onAdd(orderId, side, price, remaining);
        } finally {
            busy = false;
        }
    }

    /** Cancels a resting order: {@code onCancel} with its open quantity, or {@code onReject(UNKNOWN_ORDER)}. */
    public void cancel(long orderId) {
        enter();
        try {
            Order order = orders.get(orderId);
            if (order == null) {
                listener.onReject(orderId, RejectReason.UNKNOWN_ORDER);
                return;
            }
            long quantity = order.quantity;
            unlink(order);
            orders.remove(orderId);
            pool.release(order);
            listener.onCancel(orderId, quantity);
        } finally {
            busy = false;
        }
    }

    /**
     * Changes a resting order's price and open quantity; see the class comment for the rules. Emits
     * {@code onReject}, or {@code onAmend} followed, when the new price crosses, by {@code onMatch} events with
     * this order as taker; a remainder rests at the back of its new level without a further {@code onAdd}.
     *
     * @param newQuantity the new open quantity (not the new total order quantity)
     */
    public void amend(long orderId, long newPrice, long newQuantity) {
        enter();
        try {
            Order order = orders.get(orderId);
            RejectReason reason = order == null
                    ? RejectReason.UNKNOWN_ORDER : checks.amend(order, opposite(order.side), newPrice, newQuantity);
            if (reason != null) {
                listener.onReject(orderId, reason);
                return;
            }
            if (newPrice == order.price && newQuantity <= order.quantity) {
                order.level.quantity -= order.quantity - newQuantity;
                order.quantity = newQuantity;
                listener.onAmend(orderId, newPrice, newQuantity, true);
                return;
            }
            unlink(order);
            orders.remove(orderId);
            order.price = newPrice;
            order.quantity = newQuantity;
            if (!opposite(order.side).crossedBy(newPrice)) {
                rest(order);
                listener.onAmend(orderId, newPrice, newQuantity, false);
                return;
            }
            // off the book while it trades, like an incoming order; what is left rests after the last match
            listener.onAmend(orderId, newPrice, newQuantity, false);
            long remaining = match(orderId, order.side, newPrice, newQuantity);
            if (remaining == 0) {
                pool.release(order);
                return;
            }
            order.quantity = remaining;
            rest(order);
        } finally {
            busy = false;
        }
    }

    /** Highest bid price, or {@link #NO_BID} ({@code Long.MIN_VALUE}) when there is none. */
    public long bestBid() {
        PriceLevel best = bids.best();
        return best == null ? NO_BID : best.price;
    }

    /** Lowest ask price, or {@link #NO_ASK} ({@code Long.MAX_VALUE}) when there is none. */
    public long bestAsk() {
        PriceLevel best = asks.best();
        return best == null ? NO_ASK : best.price;
    }

    /** True when the order rests on the book. */
    public boolean contains(long orderId) {
        return orders.get(orderId) != null;
    }

    /** Open quantity of a resting order, or 0 when it is not on the book. */
    public long openQuantity(long orderId) {
        Order order = orders.get(orderId);
        return order == null ? 0 : order.quantity;
    }

    /** Price of a resting order, or 0 (never a valid price) when it is not on the book. */
    public long price(long orderId) {
        Order order = orders.get(orderId);
        return order == null ? 0 : order.price;
    }

    /** Side of a resting order, or null when it is not on the book. */
    public Side side(long orderId) {
        Order order = orders.get(orderId);
        return order == null ? null : order.side;
    }

    /** Number of resting orders, both sides. */
    public int orderCount() {
        return orders.size();
    }

    /** Number of distinct prices on one side. */
    public int levelCount(Side side) {
        return bookSide(side).levelCount();
    }

    /**
     * Price of a level; rank 0 is the best.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= rank < levelCount(side)}
     */
    public long levelPrice(Side side, int rank) {
        return bookSide(side).level(rank).price;
    }

    /**
     * Total open quantity of a level; rank 0 is the best.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= rank < levelCount(side)}
     */
    public long levelQuantity(Side side, int rank) {
        return bookSide(side).level(rank).quantity;
    }

    /**
     * Number of orders in a level; rank 0 is the best.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= rank < levelCount(side)}
     */
    public int levelOrderCount(Side side, int rank) {
        return bookSide(side).level(rank).orderCount;
    }

    /** Total open quantity at one price on one side, 0 when nothing rests there. */
    public long quantityAt(Side side, long price) {
        PriceLevel level = bookSide(side).levelAtOrNull(price);
        return level == null ? 0 : level.quantity;
    }

    /**
     * Visits one side's resting orders in priority order: best price first, oldest first within a price. The
     * visitor may query the book but not change it.
     */
    public void forEachOrder(Side side, RestingOrderVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        BookSide bookSide = bookSide(side);
        boolean wasBusy = busy;
        busy = true;
        try {
            for (int rank = 0; rank < bookSide.levelCount(); rank++) {
                for (Order order = bookSide.level(rank).head; order != null; order = order.next) {
                    visitor.visit(order.id, order.side, order.price, order.quantity);
                }
            }
        } finally {
            busy = wasBusy;
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Trades the taker against the opposite side down to {@code limitPrice}; returns what is left. */
    private long match(long takerId, Side takerSide, long limitPrice, long quantity) {
        BookSide opposite = opposite(takerSide);
        long remaining = quantity;
        while (remaining > 0) {
            PriceLevel level = opposite.best();
            if (level == null || !opposite.tradesWith(level.price, limitPrice)) {
                break;
            }
            Order maker = level.head;
            long price = level.price;
            long traded = Math.min(remaining, maker.quantity);
            long makerId = maker.id;
            remaining -= traded;
            long makerRemaining = maker.quantity - traded;
            if (makerRemaining == 0) {
                unlink(maker);
                orders.remove(makerId);
                pool.release(maker);
            } else {
                maker.quantity = makerRemaining;
                level.quantity -= traded;
            }
            listener.onMatch(takerId, makerId, takerSide, price, traded, remaining, makerRemaining);
        }
        return remaining;
    }

    /** Puts a new order at the back of its level and in the id map. */
    private void rest(Order order) {
        bookSide(order.side).levelAt(order.price).append(order);
        orders.put(order.id, order);
    }

    /** Takes an order out of its level (dropping the level if it empties); the id map is the caller's business. */
    private void unlink(Order order) {
        PriceLevel level = order.level;
        level.remove(order);
        if (level.isEmpty()) {
            bookSide(order.side).removeEmpty(level);
        }
    }

    private void enter() {
        if (busy) {
            throw new IllegalStateException(
                    "OrderBook changed from its own listener or visitor: queue the request and make it after this call"
                            + " returns");
        }
        busy = true;
    }

    private BookSide bookSide(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private BookSide opposite(Side side) {
        return side == Side.BUY ? asks : bids;
    }
}
