package io.tagwire.match;

/** OrdType(40) as far as matching is concerned. */
public enum OrderType {
    /** Trades at its price or better; what is left rests (GTC) or expires (IOC, FOK). */
    LIMIT,
    /** Trades against the book at any price; what is left expires, it never rests. */
    MARKET
}
