package io.tagwire.trading;

/**
 * The venue refused a request with a session-level Reject(3): its SessionRejectReason(373)
 * (-1 if none) and Text(58). Fails the futures of mass cancel and status requests; orders,
 * cancels and replaces record the reason on the {@link Order} instead.
 */
public final class RequestRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int sessionRejectReason;

    public RequestRejected(int sessionRejectReason, String text) {
        super("rejected by the venue: SessionRejectReason " + sessionRejectReason + (text == null ? "" : ", " + text),
            null, false, false);
        this.sessionRejectReason = sessionRejectReason;
    }

    public int sessionRejectReason() {
        return sessionRejectReason;
    }
}
