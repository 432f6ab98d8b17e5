package io.tagwire.match;

/** Validation of submits and amends against the instrument's grid and the post-only rules, in a fixed order. */
final class OrderChecks {
    private final long tickSize;
    private final long lotSize;

    OrderChecks(Instrument instrument) {
        this.tickSize = instrument.tickSize();
        this.lotSize = instrument.lotSize();
    }

    /** Order: duplicate id, quantity, price (LIMIT only), post-only rules; null when the order is acceptable. */
    RejectReason submit(boolean duplicate, BookSide opposite, OrderType type, TimeInForce tif, boolean postOnly,
                        long price, long quantity) {
        if (duplicate) {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        RejectReason reason = quantity(quantity);
        if (reason == null && type == OrderType.LIMIT) {
            reason = price(price);
        }
        if (reason != null || !postOnly) {
            return reason;
        }
        if (type != OrderType.LIMIT) {
            return RejectReason.POST_ONLY_NOT_LIMIT;
        }
        if (tif != TimeInForce.GTC) {
            return RejectReason.POST_ONLY_NOT_GTC;
        }
        return opposite.crossedBy(price) ? RejectReason.POST_ONLY_WOULD_CROSS : null;
    }

    /** Order: quantity, price, post-only would cross; null when the amend is acceptable. */
    RejectReason amend(Order order, BookSide opposite, long newPrice, long newQuantity) {
        RejectReason reason = quantity(newQuantity);
        if (reason == null) {
            reason = price(newPrice);
        }
        if (reason == null && order.postOnly && opposite.crossedBy(newPrice)) {
            reason = RejectReason.POST_ONLY_WOULD_CROSS;
        }
        return reason;
    }

    private RejectReason quantity(long quantity) {
        if (quantity <= 0) {
            return RejectReason.QUANTITY_NOT_POSITIVE;
        }
        if (quantity % lotSize != 0) {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        return quantity > OrderBook.MAX_QUANTITY ? RejectReason.QUANTITY_TOO_LARGE : null;
    }

    private RejectReason price(long price) {
        if (price <= 0) {
            return RejectReason.PRICE_NOT_POSITIVE;
        }
        return price % tickSize != 0 ? RejectReason.PRICE_NOT_ON_TICK : null;
    }
}
