package io.tagwire.trading;

/**
 * The last {@value #CAPACITY} order requests sent, by MsgSeqNum(34), so that a session-level
 * Reject(3), which names only RefSeqNum(45), can be tied to its order and ClOrdID.
 * Preallocated ring; engine thread only; allocates nothing.
 */
final class SentRequests {
    static final int CAPACITY = 1024;

    private final long[] msgSeqNums = new long[CAPACITY];
    private final Order[] orders = new Order[CAPACITY];
    private final String[] clOrdIds = new String[CAPACITY];

    void sent(long msgSeqNum, Order order, String clOrdId) {
        int slot = (int) (msgSeqNum & (CAPACITY - 1));
        msgSeqNums[slot] = msgSeqNum;
        orders[slot] = order;
        clOrdIds[slot] = clOrdId;
    }

    /** Whether the request sent as {@code msgSeqNum} is still remembered. */
    boolean has(long msgSeqNum) {
        return msgSeqNum > 0 && msgSeqNums[(int) (msgSeqNum & (CAPACITY - 1))] == msgSeqNum;
    }

    /** The order of that request (null for a mass cancel); only after {@link #has}. */
    Order order(long msgSeqNum) {
        return orders[(int) (msgSeqNum & (CAPACITY - 1))];
    }

    /** The ClOrdID of that request (null for a status request); only after {@link #has}. */
    String clOrdId(long msgSeqNum) {
        return clOrdIds[(int) (msgSeqNum & (CAPACITY - 1))];
    }

    /** Forgets everything: sequence numbers start again (a reset at logon). */
    void clear() {
        java.util.Arrays.fill(msgSeqNums, 0);
        java.util.Arrays.fill(orders, null);
        java.util.Arrays.fill(clOrdIds, null);
    }
}
