package io.tagwire.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@link OrderBook} written as plainly as possible, for the differential test: each side is a
 * list kept sorted by priority (best price, then arrival), matching walks it from the front. Slow and simple.
 */
final class ReferenceBook {
    private static final class Resting {
        final long id;
        final Side side;
        final boolean postOnly;
        long price;
        long quantity;
        long arrival;

        Resting(long id, Side side, boolean postOnly, long price, long quantity, long arrival) {
            this.id = id;
            this.side = side;
            this.postOnly = postOnly;
            this.price = price;
            this.quantity = quantity;
            this.arrival = arrival;
        }
    }

    private final Instrument instrument;
    private final OrderBookListener listener;
    private final List<Resting> bids = new ArrayList<>();
    private final List<Resting> asks = new ArrayList<>();
    private long arrivals;

    ReferenceBook(Instrument instrument, OrderBookListener listener) {
        this.instrument = instrument;
        this.listener = listener;
    }

    void submit(long id, Side side, OrderType type, TimeInForce tif, boolean postOnly, long price, long quantity) {
        RejectReason reason = null;
        if (find(id) != null) {
            reason = RejectReason.DUPLICATE_ORDER_ID;
        } else if (quantityProblem(quantity) != null) {
            reason = quantityProblem(quantity);
        } else if (type == OrderType.LIMIT && priceProblem(price) != null) {
            reason = priceProblem(price);
        } else if (postOnly && type == OrderType.MARKET) {
            reason = RejectReason.POST_ONLY_NOT_LIMIT;
        } else if (postOnly && tif != TimeInForce.GTC) {
            reason = RejectReason.POST_ONLY_NOT_GTC;
        } else if (postOnly && available(side, price) > 0) {
            reason = RejectReason.POST_ONLY_WOULD_CROSS;
        }
        if (reason != null) {
            listener.onReject(id, reason);
            return;
        }
        boolean market = type == OrderType.MARKET;
        long limit = market ? (side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE) : price;
        if (tif == TimeInForce.FOK && available(side, limit) < quantity) {
            listener.onExpire(id, quantity);
            return;
        }
        long remaining = trade(id, side, limit, quantity);
        if (remaining == 0) {
            return;
        }
        if (market || tif != TimeInForce.GTC) {
            listener.onExpire(id, remaining);
            return;
        }
        insert(new Resting(id, side, postOnly, price, remaining, arrivals++));
        listener.onAdd(id, side, price, remaining);
    }

    void cancel(long id) {
        Resting order = find(id);
        if (order == null) {
            listener.onReject(id, RejectReason.UNKNOWN_ORDER);
            return;
        }
        sideOf(order.side).remove(order);
        listener.onCancel(id, order.quantity);
    }

    void amend(long id, long newPrice, long newQuantity) {
        Resting order = find(id);
        RejectReason reason = null;
        if (order == null) {
            reason = RejectReason.UNKNOWN_ORDER;
        } else if (quantityProblem(newQuantity) != null) {
            reason = quantityProblem(newQuantity);
        } else if (priceProblem(newPrice) != null) {
            reason = priceProblem(newPrice);
        } else if (order.postOnly && available(order.side, newPrice) > 0) {
            reason = RejectReason.POST_ONLY_WOULD_CROSS;
        }
        if (reason != null) {
            listener.onReject(id, reason);
            return;
        }
        if (newPrice == order.price && newQuantity <= order.quantity) {
            order.quantity = newQuantity;
            listener.onAmend(id, newPrice, newQuantity, true);
            return;
        }
        sideOf(order.side).remove(order);
        listener.onAmend(id, newPrice, newQuantity, false);
        long remaining = trade(id, order.side, newPrice, newQuantity);
        if (remaining > 0) {
            order.price = newPrice;
            order.quantity = remaining;
            order.arrival = arrivals++;
            insert(order);
        }
    }

    long bestBid() {
        return bids.isEmpty() ? Long.MIN_VALUE : bids.get(0).price;
    }

    long bestAsk() {
        return asks.isEmpty() ? Long.MAX_VALUE : asks.get(0).price;
    }

    long openQuantity(long id) {
        Resting order = find(id);
        return order == null ? 0 : order.quantity;
    }

    long price(long id) {
        Resting order = find(id);
        return order == null ? 0 : order.price;
    }

    Side side(long id) {
        Resting order = find(id);
        return order == null ? null : order.side;
    }

    int restingCount() {
        return bids.size() + asks.size();
    }

    /** The id of one resting order: bids by priority, then asks by priority. */
    long restingId(int index) {
        return index < bids.size() ? bids.get(index).id : asks.get(index - bids.size()).id;
    }

    BookState state() {
        return new BookState(resting(bids), resting(asks), levels(bids), levels(asks));
    }

    private long trade(long takerId, Side takerSide, long limit, long quantity) {
        List<Resting> opposite = sideOf(takerSide == Side.BUY ? Side.SELL : Side.BUY);
        long remaining = quantity;
        while (remaining > 0 && !opposite.isEmpty() && crosses(takerSide, limit, opposite.get(0).price)) {
            Resting maker = opposite.get(0);
            long traded = Math.min(remaining, maker.quantity);
            remaining -= traded;
            maker.quantity -= traded;
            if (maker.quantity == 0) {
                opposite.remove(0);
            }
            listener.onMatch(takerId, maker.id, takerSide, maker.price, traded, remaining, maker.quantity);
        }
        return remaining;
    }

    /** Quantity on the opposite side that an order of {@code side} limited to {@code limit} could take. */
    private long available(Side side, long limit) {
        long sum = 0;
        for (Resting order : sideOf(side == Side.BUY ? Side.SELL : Side.BUY)) {
            if (crosses(side, limit, order.price)) {
                sum += order.quantity;
            }
        }
        return sum;
    }

    private static boolean crosses(Side takerSide, long limit, long makerPrice) {
        return takerSide == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
    }

    private RejectReason quantityProblem(long quantity) {
        if (quantity <= 0) {
            return RejectReason.QUANTITY_NOT_POSITIVE;
        }
        if (quantity % instrument.lotSize() != 0) {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        return quantity > OrderBook.MAX_QUANTITY ? RejectReason.QUANTITY_TOO_LARGE : null;
    }

    private RejectReason priceProblem(long price) {
        if (price <= 0) {
            return RejectReason.PRICE_NOT_POSITIVE;
        }
        return price % instrument.tickSize() != 0 ? RejectReason.PRICE_NOT_ON_TICK : null;
    }

    private void insert(Resting order) {
        List<Resting> list = sideOf(order.side);
        int index = 0;
        while (index < list.size() && !before(order, list.get(index))) {
            index++;
        }
        list.add(index, order);
    }

    /** Price-time priority: better price first, then earlier arrival. */
    private static boolean before(Resting a, Resting b) {
        if (a.price != b.price) {
            return a.side == Side.BUY ? a.price > b.price : a.price < b.price;
        }
        return a.arrival < b.arrival;
    }

    private Resting find(long id) {
        for (Resting order : bids) {
            if (order.id == id) {
                return order;
            }
        }
        for (Resting order : asks) {
            if (order.id == id) {
                return order;
            }
        }
        return null;
    }

    private List<Resting> sideOf(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private static List<BookState.Resting> resting(List<Resting> orders) {
        List<BookState.Resting> result = new ArrayList<>();
        for (Resting order : orders) {
            result.add(new BookState.Resting(order.id, order.price, order.quantity));
        }
        return result;
    }

    private static List<BookState.Level> levels(List<Resting> orders) {
        List<BookState.Level> result = new ArrayList<>();
        for (Resting order : orders) {
            BookState.Level last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && last.price() == order.price) {
                result.set(result.size() - 1,
                        new BookState.Level(last.price(), last.quantity() + order.quantity, last.orderCount() + 1));
            } else {
                result.add(new BookState.Level(order.price, order.quantity, 1));
            }
        }
        return result;
    }
}
