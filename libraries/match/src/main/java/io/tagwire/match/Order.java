package io.tagwire.match;

/** A resting order: a pooled node of its price level's intrusive FIFO list. Mutable, owned by the book. */
final class Order {
    long id;
    Side side;
    long price;
    long quantity;
    boolean postOnly;
    PriceLevel level;
    Order previous;
    Order next;

    void clear() {
        side = null;
        level = null;
        previous = null;
        next = null;
    }
}
