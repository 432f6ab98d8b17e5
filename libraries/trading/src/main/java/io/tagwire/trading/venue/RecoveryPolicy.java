package io.tagwire.trading.venue;

/** What a client does after a sequence gap or a lost connection, per venue (VENUES.md section 5.3). */
public enum RecoveryPolicy {
    /** Standard FIX recovery: ResendRequest(2), gap fill, keep sequence numbers across connections. */
    RESEND,
    /**
     * The venue replays nothing (no ResendRequest): reset sequence numbers on every logon, treat a
     * gap as fatal, reconnect, and reconcile order state (order status requests, drop copy or REST).
     */
    RECONNECT_AND_RECONCILE
}
