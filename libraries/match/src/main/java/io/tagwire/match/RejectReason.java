package io.tagwire.match;

/** Why the book refused a submit, cancel or amend. {@link #text()} is meant for the exchange's Text(58). */
public enum RejectReason {
    PRICE_NOT_ON_TICK("price is not a multiple of the tick size"),
    QUANTITY_NOT_ON_LOT("quantity is not a multiple of the lot size"),
    QUANTITY_NOT_POSITIVE("quantity must be positive"),
    QUANTITY_TOO_LARGE("quantity is above the maximum order quantity"),
    PRICE_NOT_POSITIVE("price must be positive"),
    POST_ONLY_WOULD_CROSS("post-only order would trade immediately"),
    POST_ONLY_NOT_LIMIT("post-only order must be a limit order"),
    POST_ONLY_NOT_GTC("post-only order must be good till cancel"),
    DUPLICATE_ORDER_ID("an order with this id is already on the book"),
    UNKNOWN_ORDER("unknown order (never entered, already filled, canceled or expired)");

    private final String text;

    RejectReason(String text) {
        this.text = text;
    }

    /** Human text for Text(58); a constant, so it costs nothing to send. */
    public String text() {
        return text;
    }
}
