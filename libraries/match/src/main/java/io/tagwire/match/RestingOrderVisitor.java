package io.tagwire.match;

/** Receives resting orders from {@link OrderBook#forEachOrder}, best price first, oldest first within a price. */
@FunctionalInterface
public interface RestingOrderVisitor {
    void visit(long orderId, Side side, long price, long openQuantity);
}
