package io.tagwire.trading;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.Tags;
import java.util.List;

/**
 * How the {@link OrderTracker} finds orders: by every ClOrdID of their chains (pending
 * requests' included), by OrderID, and which order each ExecID was applied to. Lookups take
 * the field's bytes and allocate nothing. Tracker thread only.
 */
final class OrderIndex {
    private final AsciiIndex<Order> byClOrdId = new AsciiIndex<>();
    private final AsciiIndex<Order> byOrderId = new AsciiIndex<>();
    /** ExecID to the order it was applied to: a venue's ExecIDs are unique, at least within an order. */
    private final AsciiIndex<Order> byExecId = new AsciiIndex<>();
    private final AsciiSequence view = new AsciiSequence();

    Order byClOrdId(CharSequence clOrdId) {
        return byClOrdId.get(clOrdId);
    }

    void clOrdId(String clOrdId, Order order) {
        byClOrdId.put(clOrdId, order);
    }

    void orderId(String orderId, Order order) {
        byOrderId.put(orderId, order);
    }

    /** Whether {@code execId} was last applied to this order. */
    boolean applied(CharSequence execId, Order order) {
        return byExecId.get(execId) == order;
    }

    void execId(String execId, Order order) {
        byExecId.put(execId, order);
    }

    /** The order a message names by ClOrdID(11), then OrigClOrdID(41), then OrderID(37); or null. */
    Order find(FixMessage message) {
        Order order = null;
        if (message.getString(Tags.ClOrdID, view)) {
            order = byClOrdId.get(view);
        }
        if (order == null && message.getString(Tags.OrigClOrdID, view)) {
            order = byClOrdId.get(view);
        }
        if (order == null && message.getString(Tags.OrderID, view)) {
            order = byOrderId.get(view);
        }
        return order;
    }

    /** Forgets everything, then indexes these orders again (fills' ExecIDs only). This method allocates memory. */
    void rebuild(List<Order> orders) {
        byClOrdId.clear();
        byOrderId.clear();
        byExecId.clear();
        for (Order order : orders) {
            synchronized (order) {
                for (String clOrdId : order.clOrdIdList()) {
                    byClOrdId.put(clOrdId, order);
                }
                if (order.hasPendingRequest()) {
                    byClOrdId.put(order.pendingClOrdId(), order);
                }
                if (order.orderId() != null) {
                    byOrderId.put(order.orderId(), order);
                }
                for (Fill fill : order.fillList()) {
                    if (fill.execId() != null) {
                        byExecId.put(fill.execId(), order);
                    }
                }
            }
        }
    }
}
