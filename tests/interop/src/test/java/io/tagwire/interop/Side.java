package io.tagwire.interop;

/**
 * One end of a run: Tagwire or QuickFIX/J, as initiator (sends the orders, counts the
 * answers) or acceptor (fills every order once). CompIDs are BANZAI (initiator) and EXEC
 * (acceptor).
 */
interface Side extends AutoCloseable {
    String INITIATOR = "BANZAI";
    String ACCEPTOR = "EXEC";

    /** "Tagwire" or "QuickFIX/J", for summaries. */
    String name();

    /** Starts; an acceptor listens on a free port, an initiator connects. */
    void start() throws Exception;

    /** The port an acceptor listens on, after {@link #start()}. */
    int port();

    boolean isLoggedOn();

    /**
     * Initiator: sends orders {@code from} (inclusive) to {@code to} (exclusive) in order
     * and returns how many were given a MsgSeqNum (sent, or stored to be resent). Stops
     * early, returning fewer, when the session is not logged on and would drop them.
     */
    int sendOrders(int from, int to) throws Exception;

    /** Drops the connection abruptly, without a Logout. */
    void cut() throws Exception;

    int nextSenderMsgSeqNum() throws Exception;

    int nextTargetMsgSeqNum() throws Exception;

    SideStats stats();

    /** Logs out and stops. */
    @Override
    void close();
}
