package io.tagwire.session;

/** Where a session's bytes go: the transport of its current connection. */
public interface SessionOutput {
    /**
     * Queues bytes for sending. Returns false when the connection's outbound buffer is
     * full; the session then treats the peer as too slow and disconnects it (everything
     * sent is in the store, so nothing is lost: the peer asks for a resend).
     */
    boolean write(byte[] buffer, int offset, int length);

    /** Closes the connection; {@code reason} goes to the event log. */
    void disconnect(String reason);
}
