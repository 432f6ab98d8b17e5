package io.tagwire.match;

/** One listener event, as a value, so tests compare whole event lists. */
sealed interface BookEvent {
    record Add(long orderId, Side side, long price, long quantity) implements BookEvent {
    }

    record Match(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                 long takerRemaining, long makerRemaining) implements BookEvent {
    }

    record Cancel(long orderId, long canceledQuantity) implements BookEvent {
    }

    record Expire(long orderId, long remainingQuantity) implements BookEvent {
    }

    record Reject(long orderId, RejectReason reason) implements BookEvent {
    }

    record Amend(long orderId, long newPrice, long newQuantity, boolean keptPriority) implements BookEvent {
    }

    static BookEvent add(long orderId, Side side, long price, long quantity) {
        return new Add(orderId, side, price, quantity);
    }

    static BookEvent match(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                           long takerRemaining, long makerRemaining) {
        return new Match(takerOrderId, makerOrderId, takerSide, price, quantity, takerRemaining, makerRemaining);
    }

    static BookEvent cancel(long orderId, long canceledQuantity) {
        return new Cancel(orderId, canceledQuantity);
    }

    static BookEvent expire(long orderId, long remainingQuantity) {
        return new Expire(orderId, remainingQuantity);
    }

    static BookEvent reject(long orderId, RejectReason reason) {
        return new Reject(orderId, reason);
    }

    static BookEvent amend(long orderId, long newPrice, long newQuantity, boolean keptPriority) {
        return new Amend(orderId, newPrice, newQuantity, keptPriority);
    }
}
