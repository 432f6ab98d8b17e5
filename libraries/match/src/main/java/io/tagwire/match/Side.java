package io.tagwire.match;

/** Side of an order: Side(54) 1 = BUY, 2 = SELL. */
public enum Side {
    BUY,
    SELL;

    /** The side an order of this side trades against. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
