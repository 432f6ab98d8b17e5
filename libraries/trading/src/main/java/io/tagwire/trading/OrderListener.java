package io.tagwire.trading;

/**
 * Told of every change of an order. Called on the engine's event-loop thread, after the
 * order is updated: read the order freely, keep the call short and never block in it
 * (the engine handles nothing else meanwhile). Placing, cancelling or amending from
 * here is allowed and is sent without a thread hop.
 */
@FunctionalInterface
public interface OrderListener {
    OrderListener NONE = order -> { };

    /** The order changed: a report, a cancel reject, or a local refusal. */
    void onOrderUpdate(Order order);
}
