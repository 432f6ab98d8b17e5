package io.tagwire.trading;

/**
 * A request the client refused without sending it: the rate limit, no session, too many
 * requests waiting, or a request that makes no sense for the order's state. Completes
 * request futures exceptionally; new orders refused locally end REJECTED with
 * {@link Order#rejectedLocally()} true and this reason in {@link Order#text()} instead.
 */
public final class OrderRejectedLocally extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrderRejectedLocally(String reason) {
        super(reason, null, false, false);
    }
}
