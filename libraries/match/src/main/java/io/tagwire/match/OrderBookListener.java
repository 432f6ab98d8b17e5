package io.tagwire.match;

/**
 * What happens on an {@link OrderBook}, in the order it happens, on the caller's thread, before the
 * {@code submit}, {@code cancel} or {@code amend} call returns. An incoming order's matches come before its
 * final {@link #onAdd} or {@link #onExpire}. Only primitives and enum constants are passed: nothing to copy.
 * Implementations must not throw and must not call {@code submit}, {@code cancel} or {@code amend} on the
 * book (queue such requests and make them after the call returns); the read-only queries may be used.
 */
public interface OrderBookListener {
    /** A new order's remainder rests on the book at {@code price} with {@code quantity} open. */
    void onAdd(long orderId, Side side, long price, long quantity);

    /**
     * The taker (incoming or crossing-amended order) traded with the resting maker at the maker's price.
     * A remaining quantity of 0 means that order is complete and gone from the book.
     */
    void onMatch(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                 long takerRemaining, long makerRemaining);

    /** A resting order was canceled on request; it is gone from the book. */
    void onCancel(long orderId, long canceledQuantity);

    /** An IOC, FOK or MARKET order's remainder (possibly its whole quantity) was not traded and is dropped. */
    void onExpire(long orderId, long remainingQuantity);

    /** A submit, cancel or amend was refused; the book did not change. */
    void onReject(long orderId, RejectReason reason);

    /**
     * A resting order now has {@code newPrice} and {@code newQuantity} open. {@code keptPriority} is true for a
     * quantity decrease (or no change) at the same price; otherwise the order went to the back of the queue at
     * {@code newPrice}, and if that price crosses the book, {@link #onMatch} events with this order as taker
     * follow.
     */
    void onAmend(long orderId, long newPrice, long newQuantity, boolean keptPriority);
}
