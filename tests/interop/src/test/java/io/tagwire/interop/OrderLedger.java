package io.tagwire.interop;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What happened to each order of a run, by ClOrdID(11) ({@code C<index>}): how often it
 * reached the acceptor's application and how often its ExecutionReport(8) reached the
 * initiator's. The first arrival counts; a later one is a duplicate, counted apart and
 * never filled or counted again; a duplicate without PossDupFlag(43)=Y is a double
 * delivery no session layer may make. Thread-safe: engines call it from their own threads.
 */
final class OrderLedger {
    private final int orders;
    private final AtomicIntegerArray arrivals;
    private final AtomicIntegerArray answers;
    private final AtomicInteger distinctOrders = new AtomicInteger();
    private final AtomicInteger distinctAnswers = new AtomicInteger();
    private final AtomicInteger fills = new AtomicInteger();
    private final AtomicInteger possDupOrders = new AtomicInteger();
    private final AtomicInteger possDupAnswers = new AtomicInteger();
    private final AtomicInteger duplicateOrders = new AtomicInteger();
    private final AtomicInteger duplicateAnswers = new AtomicInteger();
    private final AtomicInteger duplicatesWithoutPossDup = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();

    OrderLedger(int orders) {
        this.orders = orders;
        this.arrivals = new AtomicIntegerArray(orders);
        this.answers = new AtomicIntegerArray(orders);
    }

    int orders() {
        return orders;
    }

    static String clOrdId(int index) {
        return "C" + index;
    }

    /** The order's index, or -1 for a ClOrdID this run never sent. */
    int index(String clOrdId) {
        if (clOrdId == null || clOrdId.length() < 2 || clOrdId.charAt(0) != 'C') {
            return -1;
        }
        try {
            int index = Integer.parseInt(clOrdId, 1, clOrdId.length(), 10);
            return index < orders ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A NewOrderSingle(D) reached the acceptor's application; true if it is to be filled
     * (its first arrival), false for a duplicate or an unknown ClOrdID.
     */
    boolean orderArrived(String clOrdId, boolean possDup) {
        if (possDup) {
            possDupOrders.incrementAndGet();
        }
        return firstArrival(arrivals, index(clOrdId), possDup, distinctOrders, duplicateOrders);
    }

    /** The acceptor sent the one ExecutionReport of an order. */
    void filled() {
        fills.incrementAndGet();
    }

    /** An ExecutionReport(8) reached the initiator's application. */
    void answerArrived(String clOrdId, boolean possDup) {
        if (possDup) {
            possDupAnswers.incrementAndGet();
        }
        firstArrival(answers, index(clOrdId), possDup, distinctAnswers, duplicateAnswers);
    }

    private boolean firstArrival(AtomicIntegerArray counts, int index, boolean possDup, AtomicInteger distinct,
                                 AtomicInteger duplicates) {
        if (index < 0) {
            unknown.incrementAndGet();
            return false;
        }
        if (counts.incrementAndGet(index) == 1) {
            distinct.incrementAndGet();
            return true;
        }
        duplicates.incrementAndGet();
        if (!possDup) {
            duplicatesWithoutPossDup.incrementAndGet();
        }
        return false;
    }

    int distinctOrders() {
        return distinctOrders.get();
    }

    int distinctAnswers() {
        return distinctAnswers.get();
    }

    int fills() {
        return fills.get();
    }

    int possDupOrders() {
        return possDupOrders.get();
    }

    int possDupAnswers() {
        return possDupAnswers.get();
    }

    int duplicateOrders() {
        return duplicateOrders.get();
    }

    int duplicateAnswers() {
        return duplicateAnswers.get();
    }

    int duplicatesWithoutPossDup() {
        return duplicatesWithoutPossDup.get();
    }

    int unknown() {
        return unknown.get();
    }

    boolean complete() {
        return distinctAnswers.get() == orders;
    }

    /** The first few orders never answered, for a failure message. This method allocates memory. */
    String unanswered(int max) {
        StringBuilder text = new StringBuilder();
        int listed = 0;
        for (int i = 0; i < orders && listed < max; i++) {
            if (answers.get(i) == 0) {
                text.append(clOrdId(i)).append(arrivals.get(i) == 0 ? " (never reached the acceptor) " : " ");
                listed++;
            }
        }
        return text.toString();
    }
}
