package io.tagwire.trading;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.Decimal;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order state kept from ExecutionReport(8) and OrderCancelReject(9), FIX 4.2 and 4.4 alike.
 * Pure logic: messages and a clock reading in, {@link Order} updates and
 * {@link OrderListener} calls out. Used on one thread (the engine's); the orders it
 * updates are readable from any thread.
 *
 * <ul>
 * <li>A report finds its order by ClOrdID(11), then OrigClOrdID(41), then OrderID(37);
 *     every ClOrdID of a cancel/replace chain and every OrderID are indexed.</li>
 * <li>The state follows OrdStatus(39). While a cancel or replace is pending, a report
 *     that does not answer it (a fill meanwhile) changes where the order returns if the
 *     request is refused, not the pending state.</li>
 * <li>A fill is ExecType(150) F (4.4), or 1/2 with ExecTransType(20) 0 (4.2), with LastQty(32)
 *     above zero; it goes to the order's fills and to {@link Positions}. Trade busts and
 *     corrections (4.4 ExecType G/H, 4.2 ExecTransType 1/2) take CumQty/AvgPx from the report
 *     and add no fill; positions are not corrected for them.</li>
 * <li>A report whose ExecID(17) was last applied to the same order is ignored (PossDup
 *     resends, duplicates on several connections); status answers (ExecType I, 4.2 ExecTransType 3) are always
 *     applied, since venues reuse their ExecIDs.</li>
 * <li>A report of an order the tracker does not know (drop copy, from before a restart)
 *     records it as an {@link Order#external()} order.</li>
 * </ul>
 *
 * Lookups allocate nothing; what is kept (a Fill, an ExecID, a new ClOrdID) is allocated once.
 */
public final class OrderTracker {
    private static final Logger LOG = LoggerFactory.getLogger(OrderTracker.class);
    private static final int TAG_EXEC_TRANS_TYPE = 20;

    private final OrderIndex index = new OrderIndex();
    private final List<Order> openCandidates = new ArrayList<>();
    private final ConcurrentLinkedQueue<Order> orders = new ConcurrentLinkedQueue<>();
    private final Positions positions;
    private final OrderListener listener;
    private final AsciiSequence view = new AsciiSequence();
    private final Decimal decimal = new Decimal();

    public OrderTracker(Positions positions, OrderListener listener) {
        this.positions = positions;
        this.listener = listener;
    }

    /** Starts tracking an order about to be sent, by its ClOrdID. */
    void track(Order order) {
        index.clOrdId(order.clOrdId(), order);
        add(order);
    }

    private void add(Order order) {
        orders.add(order);
        openCandidates.add(order);
    }

    /** The order that has or had this ClOrdID, or null. Allocates nothing. */
    public Order order(CharSequence clOrdId) {
        return index.byClOrdId(clOrdId);
    }

    /** Every order tracked, oldest first; from any thread. This method allocates memory. */
    public List<Order> orders() {
        return List.copyOf(orders);
    }

    /** The orders not in a terminal state, oldest first. Tracker thread only. This method allocates memory. */
    public List<Order> openOrders() {
        openCandidates.removeIf(order -> !order.isOpen());
        return List.copyOf(openCandidates);
    }

    /**
     * Forgets the orders in a terminal state, so that a long-running client does not keep
     * every order and ExecID it ever saw; returns how many. Tracker thread only. Call it when
     * the session is quiet (once a day): a late report of a forgotten order is recorded as an
     * external order, and a PossDup resend of a non-fill report of a working order is applied
     * again (its ExecID is forgotten too; fills' ExecIDs are kept).
     * This method allocates memory.
     */
    public int forgetFinished() {
        int before = orders.size();
        orders.removeIf(order -> !order.isOpen());
        openCandidates.removeIf(order -> !order.isOpen());
        index.rebuild(openCandidates);
        return before - orders.size();
    }

    public Positions positions() {
        return positions;
    }

    /**
     * Applies an ExecutionReport(8). Returns the order it updated, or null if it was a
     * duplicate or names no order (no ClOrdID and no OrderID).
     */
    public Order onExecutionReport(FixMessage report, long nowNanos) {
        Order order = index.find(report);
        if (order == null) {
            order = recordExternal(report, nowNanos);
            if (order == null) {
                return null;
            }
        }
        char execType = report.getChar(Tags.ExecType, '\0');
        char execTransType = report.getChar(TAG_EXEC_TRANS_TYPE, '0');
        boolean statusAnswer = execType == 'I' || execTransType == '3';
        OrderState before;
        CompletableFuture<Order> answered = null;
        synchronized (order) {
            String execId = null;
            int execIdIndex = report.indexOf(Tags.ExecID);
            if (execIdIndex >= 0 && !statusAnswer) {
                report.stringAt(execIdIndex, view);
                if (index.applied(view, order)) {
                    return null;
                }
                execId = view.toString();
                index.execId(execId, order);
            }
            before = order.state();
            updateOrderId(order, report);
            boolean trade = execType == 'F' || (execType == '1' || execType == '2') && execTransType == '0';
            long lastQty = trade && report.getDecimal(Tags.LastQty, decimal) ? FixedPoint.of(decimal) : 0;
            long lastPx = lastQty > 0 && report.getDecimal(Tags.LastPx, decimal) ? FixedPoint.of(decimal) : 0;
            if (lastQty > 0) {
                long time = report.getUtcTimestamp(Tags.TransactTime, nowNanos);
                order.fillList().add(new Fill(lastQty, lastPx, execId, time));
            }
            answered = applyState(order, report, execType);
            applyQuantities(order, report, lastQty);
            if (order.state() == OrderState.REJECTED) {
                order.reject(report.getInt(Tags.OrdRejReason, -1), report.getString(Tags.Text));
            } else if (report.contains(Tags.Text)) {
                order.text(report.getString(Tags.Text));
            }
            order.updated(execType, nowNanos);
            order.needsReconciliation(false);
            if (lastQty > 0) {
                positions.onFill(order.symbol(), order.side(), lastQty, lastPx);
            }
        }
        notify(order, before, answered);
        return order;
    }

    /**
     * Applies an OrderCancelReject(9): the order goes back to where it was before the
     * request, unless OrdStatus(39) says it has ended meanwhile (too late to cancel).
     * Returns the order, or null if unknown.
     */
    public Order onOrderCancelReject(FixMessage reject, long nowNanos) {
        Order order = index.find(reject);
        if (order == null) {
            return null;
        }
        OrderState before;
        CompletableFuture<Order> answered = null;
        synchronized (order) {
            before = order.state();
            OrderState reported = OrderState.ofOrdStatus(reject.getChar(Tags.OrdStatus, '\0'));
            if (order.hasPendingRequest()) {
                order.state(reported != null && reported.isTerminal() ? reported : order.stateBeforeRequest());
                answered = order.endRequest();
            } else if (reported != null && reported.isTerminal()) {
                order.state(reported);
            }
            updateOrderId(order, reject);
            order.reject(reject.getInt(Tags.CxlRejReason, -1), reject.getString(Tags.Text));
            order.updated(order.lastExecType(), nowNanos);
        }
        notify(order, before, answered);
        return order;
    }

    /**
     * A request refused by the venue outside an ExecutionReport (BusinessMessageReject(j)):
     * a new order under {@code clOrdId} ends REJECTED; a pending cancel or replace under it
     * is undone as an OrderCancelReject would.
     */
    void onRequestRejected(Order order, String clOrdId, int reason, String text, long nowNanos) {
        OrderState before;
        CompletableFuture<Order> answered = null;
        synchronized (order) {
            before = order.state();
            if (order.hasPendingRequest() && clOrdId.equals(order.pendingClOrdId())) {
                order.state(order.stateBeforeRequest());
                answered = order.endRequest();
            } else if (before == OrderState.PENDING_NEW) {
                order.state(OrderState.REJECTED);
            } else {
                return;
            }
            order.reject(reason, text);
            order.updated(order.lastExecType(), nowNanos);
        }
        notify(order, before, answered);
    }

    /**
     * Bybit accepted an AtomicReplaceRequest(XAR): the order keeps its ClOrdID, takes the new
     * quantity and price and returns to its state before the request. The ExecutionReport that
     * may follow is applied as usual.
     */
    void onAtomicReplaceAccepted(Order order, long nowNanos) {
        OrderState before;
        CompletableFuture<Order> answered;
        synchronized (order) {
            before = order.state();
            order.replaced(order.pendingQty(), order.pendingPrice());
            order.state(order.stateBeforeRequest());
            answered = order.endRequest();
            order.updated(order.lastExecType(), nowNanos);
        }
        notify(order, before, answered);
    }

    /**
     * Marks every open order as needing reconciliation (a reconnect at a venue that cannot be
     * asked their state) and tells the listener of each; returns how many. Tracker thread only.
     */
    int markNeedsReconciliation(long nowNanos) {
        List<Order> open = openOrders();
        for (Order order : open) {
            OrderState before;
            synchronized (order) {
                before = order.state();
                order.needsReconciliation(true);
                order.updated(order.lastExecType(), nowNanos);
            }
            notify(order, before, null);
        }
        return open.size();
    }

    /** Refuses a new order without sending it: REJECTED, with the reason as its text. */
    void rejectLocally(Order order, String reason, long nowNanos) {
        OrderState before;
        synchronized (order) {
            before = order.state();
            order.rejectedLocally(reason);
            order.updated('\0', nowNanos);
        }
        notify(order, before, null);
    }

    /**
     * Marks a cancel (PENDING_CANCEL) or replace (PENDING_REPLACE) request as sent under
     * {@code clOrdId}; null if begun, else why it cannot be (nothing is changed then).
     */
    String beginRequest(Order order, OrderState pendingState, String clOrdId, long qty, long price,
                        CompletableFuture<Order> request) {
        synchronized (order) {
            if (!order.isOpen()) {
                return "the order is " + order.state() + ": nothing to " + verb(pendingState);
            }
            if (order.hasPendingRequest()) {
                return "a cancel or replace of " + order.clOrdId() + " is already pending";
            }
            if (order.state() == OrderState.PENDING_NEW) {
                return "the order is not acknowledged yet: wait for acknowledged() before you " + verb(pendingState);
            }
            order.beginRequest(pendingState, clOrdId, qty, price, request);
        }
        index.clOrdId(clOrdId, order);
        return null;
    }

    /** Takes back a request begun but not sent: the order returns to its state, the request fails with the reason. */
    void abortRequest(Order order, String reason) {
        CompletableFuture<Order> request;
        synchronized (order) {
            order.state(order.stateBeforeRequest());
            request = order.endRequest();
        }
        if (request != null) {
            request.completeExceptionally(new OrderRejectedLocally(reason));
        }
    }

    private static String verb(OrderState pendingState) {
        return pendingState == OrderState.PENDING_CANCEL ? "cancel" : "replace";
    }

    /** Sets the state from OrdStatus(39), minding a pending request; returns the request answered, if any. */
    private CompletableFuture<Order> applyState(Order order, FixMessage report, char execType) {
        OrderState reported = OrderState.ofOrdStatus(report.getChar(Tags.OrdStatus, '\0'));
        if (!order.hasPendingRequest()) {
            if (execType == '5') {
                // a replace the venue made on its own, or one acknowledged after a restart
                adoptClOrdId(order, report);
                replaceTerms(order, report, order.orderQty(), order.price());
            }
            if (reported != null) {
                order.state(reported);
            }
            return null;
        }
        boolean answersRequest = execType == '4' || execType == '5' || reported != null && reported.isTerminal();
        if (answersRequest) {
            if (execType == '4' || execType == '5') {
                adoptClOrdId(order, report);
            }
            if (execType == '5') {
                replaceTerms(order, report, order.pendingQty(), order.pendingPrice());
            }
            if (reported != null) {
                order.state(reported);
            }
            return order.endRequest();
        }
        if (reported == OrderState.PENDING_CANCEL || reported == OrderState.PENDING_REPLACE) {
            order.state(reported);
        } else if (reported != null) {
            order.stateBeforeRequest(reported);
        }
        return null;
    }

    private void replaceTerms(Order order, FixMessage report, long qty, long price) {
        long newQty = report.getDecimal(Tags.OrderQty, decimal) ? FixedPoint.of(decimal) : qty;
        long newPrice = report.getDecimal(Tags.Price, decimal) ? FixedPoint.of(decimal) : price;
        order.replaced(newQty, newPrice);
    }

    /** The report's ClOrdID(11) becomes the order's current one (the request's ClOrdID on its acknowledgement). */
    private void adoptClOrdId(Order order, FixMessage report) {
        if (!report.getString(Tags.ClOrdID, view)) {
            return;
        }
        List<String> chain = order.clOrdIdList();
        if (!chain.isEmpty() && chain.get(chain.size() - 1).contentEquals(view)) {
            return;
        }
        String clOrdId = view.toString();
        chain.add(clOrdId);
        index.clOrdId(clOrdId, order);
    }

    private void applyQuantities(Order order, FixMessage report, long lastQty) {
        long cumQty = report.getDecimal(Tags.CumQty, decimal) ? FixedPoint.of(decimal) : order.cumQty() + lastQty;
        long avgPx = report.getDecimal(Tags.AvgPx, decimal) ? FixedPoint.of(decimal) : order.avgPx();
        long leavesQty;
        if (report.getDecimal(Tags.LeavesQty, decimal)) {
            leavesQty = FixedPoint.of(decimal);
        } else {
            leavesQty = order.isOpen() ? Math.max(0, order.orderQty() - cumQty) : 0;
        }
        order.quantities(cumQty, leavesQty, avgPx);
    }

    private void updateOrderId(Order order, FixMessage report) {
        if (!report.getString(Tags.OrderID, view)) {
            return;
        }
        String known = order.orderId();
        if (known == null || !known.contentEquals(view)) {
            String orderId = view.toString();
            order.orderId(orderId);
            index.orderId(orderId, order);
        }
    }

    /** An order this tracker did not place, recorded from its report; null if the report names no order. */
    private Order recordExternal(FixMessage report, long nowNanos) {
        String clOrdId = report.getString(Tags.ClOrdID);
        if (clOrdId == null && !report.contains(Tags.OrderID)) {
            return null;
        }
        long qty = report.getDecimal(Tags.OrderQty, decimal) ? FixedPoint.of(decimal) : 0;
        long price = report.getDecimal(Tags.Price, decimal) ? FixedPoint.of(decimal) : 0;
        String symbol = report.getString(Tags.Symbol);
        Order order = new Order(clOrdId, symbol != null ? symbol : "", Side.of(report.getChar(Tags.Side, '\0')),
            OrdType.of(report.getChar(Tags.OrdType, '\0')), TimeInForce.of(report.getChar(Tags.TimeInForce, '\0')),
            false, qty, price, true, OrderState.PENDING_NEW, nowNanos);
        if (clOrdId != null) {
            index.clOrdId(clOrdId, order);
        }
        add(order);
        return order;
    }

    /**
     * Tells the listener, then completes the futures the change settles (done before
     * acknowledged), outside the order's lock: whoever wakes from a future finds the
     * listener told and the later futures completed.
     */
    private void notify(Order order, OrderState before, CompletableFuture<Order> answered) {
        OrderState after = order.state();
        CompletableFuture<Order> status;
        synchronized (order) {
            status = order.endStatusRequest();
        }
        try {
            listener.onOrderUpdate(order);
        } catch (RuntimeException e) {
            // a listener's bug must not end the session (the engine drops the connection on an escaping exception)
            LOG.error("the OrderListener failed on {}", order.clOrdId(), e);
        }
        if (after.isTerminal()) {
            order.done().complete(order);
        }
        if (answered != null) {
            answered.complete(order);
        }
        if (status != null) {
            status.complete(order);
        }
        if (before == OrderState.PENDING_NEW && after != OrderState.PENDING_NEW || after.isTerminal()) {
            order.acknowledged().complete(order);
        }
    }
}
