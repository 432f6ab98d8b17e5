package io.tagwire.trading;

/**
 * The client's local rate limit: asked once per request (order, cancel, amend, status,
 * mass cancel) on the engine thread, with the engine clock. A request it refuses is not
 * sent and fails with {@link OrderRejectedLocally}.
 */
@FunctionalInterface
public interface RequestThrottle {
    RequestThrottle UNLIMITED = nowNanos -> true;

    /** Whether one more request may go now. */
    boolean tryAcquire(long nowNanos);
}
