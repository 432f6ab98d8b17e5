package io.tagwire.trading;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.Tags;
import java.util.ArrayDeque;

/**
 * Ties Bybit's OrderAmendAck(XAA) to the AtomicReplaceRequest(XAR) it answers and hands the
 * answer to the tracker. Bybit's amend guide: an accepted amend is acknowledged with
 * ExecType(150)=E and OrdStatus(39)=E, ClOrdID(11) and OrderID(37); a refused one carries
 * neither 150/39 nor 11/37, only OrdRejReason(103) and Text(58), so it is matched to the
 * oldest XAR still unanswered, in the order they were sent. Engine thread only.
 */
final class AtomicReplaceAcks {
    /** MsgType of Bybit's answer to XAR. */
    static final String ORDER_AMEND_ACK = "XAA";

    private final OrderTracker tracker;
    private final ArrayDeque<Order> unanswered = new ArrayDeque<>();
    private final AsciiSequence clOrdId = new AsciiSequence();

    AtomicReplaceAcks(OrderTracker tracker) {
        this.tracker = tracker;
    }

    /**
     * An XAR of this order went out. An order has one request at a time, so an earlier entry
     * of it was answered otherwise (Reject(3), BusinessMessageReject(j)) and is dropped.
     */
    void sent(Order order) {
        unanswered.remove(order);
        unanswered.addLast(order);
    }

    /** Forgets the XARs in flight: a new connection answers none of them. */
    void clear() {
        unanswered.clear();
    }

    /**
     * Applies an XAA; returns the order it answered, or null if it answers no XAR in flight.
     * An accepted one allocates nothing here (a refusal's text is allocated).
     */
    Order onOrderAmendAck(FixMessage ack, long nowNanos) {
        Order order = ack.getString(Tags.ClOrdID, clOrdId) ? tracker.order(clOrdId) : null;
        if (order != null) {
            unanswered.remove(order);
        } else {
            order = oldestPending();
        }
        if (order == null || !order.hasPendingRequest()) {
            // answered already (an ExecutionReport ExecType(150)=5 came first, or a Reject(3))
            return null;
        }
        if (ack.contains(Tags.ExecType) || ack.contains(Tags.OrdStatus)) {
            tracker.onAtomicReplaceAccepted(order, nowNanos);
        } else {
            tracker.onRequestRejected(order, order.pendingClOrdId(), reason(ack), text(ack), nowNanos);
        }
        return order;
    }

    /** The oldest XAR whose order still waits for its answer (those answered otherwise are dropped). */
    private Order oldestPending() {
        Order order;
        while ((order = unanswered.pollFirst()) != null) {
            if (order.hasPendingRequest()) {
                return order;
            }
        }
        return null;
    }

    /** OrdRejReason(103) when numeric; Bybit also sends string codes there (EC_...), which go into the text. */
    private static int reason(FixMessage ack) {
        String code = ack.getString(Tags.OrdRejReason);
        if (code == null || code.isEmpty() || code.length() > 9 || !code.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(code);
    }

    private static String text(FixMessage ack) {
        String code = ack.getString(Tags.OrdRejReason);
        String text = ack.getString(Tags.Text);
        if (code != null && reason(ack) < 0) {
            return text == null ? code : code + ": " + text;
        }
        return text;
    }
}
