package io.tagwire.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One order, from its NewOrderSingle(D) to its end, across every ClOrdID it had (each
 * cancel or replace request gives it a new one). Read-only to users and safe to read from
 * any thread; updated by the {@link OrderTracker} on the engine thread from
 * ExecutionReport(8) and OrderCancelReject(9). Prices and quantities are
 * {@link FixedPoint} mantissas; the {@code ...Decimal()} accessors are for display.
 *
 * <p>{@link #acknowledged()} completes at the first answer (NEW, or REJECTED, or anything
 * later such as an immediate fill); {@link #done()} when the order reaches a terminal
 * state. Both complete on the engine thread: do not block in what you chain on them.
 */
public final class Order {
    private final String symbol;
    private final Side side;
    private final OrdType ordType;
    private final TimeInForce timeInForce;
    private final boolean postOnly;
    private final boolean external;
    private final List<String> clOrdIds = new ArrayList<>(2);
    private final List<Fill> fills = new ArrayList<>(2);
    private final CompletableFuture<Order> acknowledged = new CompletableFuture<>();
    private final CompletableFuture<Order> done = new CompletableFuture<>();
    private String orderId;
    private long price;
    private long orderQty;
    private OrderState state;
    private long cumQty;
    private long leavesQty;
    private long avgPx;
    private int rejectReason = -1;
    private String text;
    private boolean rejectedLocally;
    private boolean needsReconciliation;
    private char lastExecType;
    private long updateNanos;
    // the cancel or replace request in flight, if any
    private OrderState stateBeforeRequest;
    private String pendingClOrdId;
    private long pendingQty;
    private long pendingPrice;
    private CompletableFuture<Order> pendingRequest;
    private CompletableFuture<Order> statusRequest;

    Order(String clOrdId, String symbol, Side side, OrdType ordType, TimeInForce timeInForce, boolean postOnly,
          long orderQty, long price, boolean external, OrderState state, long nowNanos) {
        this.symbol = symbol;
        this.side = side;
        this.ordType = ordType;
        this.timeInForce = timeInForce;
        this.postOnly = postOnly;
        this.orderQty = orderQty;
        this.price = price;
        this.external = external;
        this.state = state;
        this.leavesQty = orderQty;
        this.updateNanos = nowNanos;
        if (clOrdId != null) {
            clOrdIds.add(clOrdId);
        }
    }

    // ---- read by users, from any thread ---------------------------------------------------

    /** ClOrdID(11) the order is known by now: the latest accepted cancel or replace request's, or the first. */
    public synchronized String clOrdId() {
        return clOrdIds.isEmpty() ? null : clOrdIds.get(clOrdIds.size() - 1);
    }

    /** OrigClOrdID(41) of the current ClOrdID: the one before it, or null for an order never replaced. */
    public synchronized String origClOrdId() {
        return clOrdIds.size() < 2 ? null : clOrdIds.get(clOrdIds.size() - 2);
    }

    /** Every ClOrdID the order has had, the first one first. This method allocates memory. */
    public synchronized List<String> clOrdIdChain() {
        return List.copyOf(clOrdIds);
    }

    /** OrderID(37) given by the venue, or null before the first report. */
    public synchronized String orderId() {
        return orderId;
    }

    public String symbol() {
        return symbol;
    }

    public Side side() {
        return side;
    }

    public OrdType ordType() {
        return ordType;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public boolean postOnly() {
        return postOnly;
    }

    /** Price(44) mantissa; 0 for a market order. */
    public synchronized long price() {
        return price;
    }

    /** OrderQty(38) mantissa (changed by an accepted replace). */
    public synchronized long orderQty() {
        return orderQty;
    }

    public synchronized OrderState state() {
        return state;
    }

    public synchronized boolean isOpen() {
        return !state.isTerminal();
    }

    /** CumQty(14) mantissa. */
    public synchronized long cumQty() {
        return cumQty;
    }

    /** LeavesQty(151) mantissa. */
    public synchronized long leavesQty() {
        return leavesQty;
    }

    /** AvgPx(6) mantissa. */
    public synchronized long avgPx() {
        return avgPx;
    }

    /** The fills so far, oldest first. This method allocates memory. */
    public synchronized List<Fill> fills() {
        return List.copyOf(fills);
    }

    /**
     * OrdRejReason(103) of a rejected order, or CxlRejReason(102) of the last
     * OrderCancelReject(9); -1 if none was given.
     */
    public synchronized int rejectReason() {
        return rejectReason;
    }

    /** Text(58) of the last report that had one, or the reason of a local refusal; null if none. */
    public synchronized String text() {
        return text;
    }

    /** Whether the client refused the order itself (rate limit, not logged on) without sending it. */
    public synchronized boolean rejectedLocally() {
        return rejectedLocally;
    }

    /**
     * Whether the order was open when the order-entry session logged on again at a venue that
     * cannot be asked about it (no OrderStatusRequest(H), as Binance, and no drop copy): reports
     * sent while the session was down are lost, so its state may be stale. The next
     * ExecutionReport about the order clears it; a drop copy avoids it.
     */
    public synchronized boolean needsReconciliation() {
        return needsReconciliation;
    }

    /** Whether the order was not placed by this client: reported by the venue (drop copy, or from before a restart). */
    public boolean external() {
        return external;
    }

    /** ExecType(150) of the last ExecutionReport applied, '\0' before any. */
    public synchronized char lastExecType() {
        return lastExecType;
    }

    /** Epoch nanoseconds of the last change. */
    public synchronized long updateNanos() {
        return updateNanos;
    }

    public CompletableFuture<Order> acknowledged() {
        return acknowledged;
    }

    public CompletableFuture<Order> done() {
        return done;
    }

    public synchronized BigDecimal priceDecimal() {
        return FixedPoint.toBigDecimal(price);
    }

    public synchronized BigDecimal orderQtyDecimal() {
        return FixedPoint.toBigDecimal(orderQty);
    }

    public synchronized BigDecimal cumQtyDecimal() {
        return FixedPoint.toBigDecimal(cumQty);
    }

    public synchronized BigDecimal leavesQtyDecimal() {
        return FixedPoint.toBigDecimal(leavesQty);
    }

    public synchronized BigDecimal avgPxDecimal() {
        return FixedPoint.toBigDecimal(avgPx);
    }

    /** This method allocates memory. */
    @Override
    public synchronized String toString() {
        return "Order[" + clOrdId() + " " + side + " " + FixedPoint.toString(orderQty) + " " + symbol
            + (ordType == OrdType.LIMIT ? " @ " + FixedPoint.toString(price) : " " + ordType)
            + " " + state + ", cum " + FixedPoint.toString(cumQty)
            + (text != null ? ", text '" + text + "'" : "") + "]";
    }

    // ---- updated by the tracker (engine thread), always inside synchronized (order) -------

    List<String> clOrdIdList() {
        return clOrdIds;
    }

    List<Fill> fillList() {
        return fills;
    }

    void orderId(String orderId) {
        this.orderId = orderId;
    }

    void state(OrderState state) {
        this.state = state;
    }

    void quantities(long cumQty, long leavesQty, long avgPx) {
        this.cumQty = cumQty;
        this.leavesQty = leavesQty;
        this.avgPx = avgPx;
    }

    void replaced(long orderQty, long price) {
        this.orderQty = orderQty;
        this.price = price;
    }

    void reject(int reason, String text) {
        this.rejectReason = reason;
        if (text != null) {
            this.text = text;
        }
    }

    void text(String text) {
        this.text = text;
    }

    void rejectedLocally(String reason) {
        this.rejectedLocally = true;
        this.state = OrderState.REJECTED;
        this.text = reason;
    }

    void needsReconciliation(boolean value) {
        this.needsReconciliation = value;
    }

    void updated(char execType, long nowNanos) {
        this.lastExecType = execType;
        this.updateNanos = nowNanos;
    }

    void beginRequest(OrderState pendingState, String clOrdId, long qty, long price,
                      CompletableFuture<Order> request) {
        this.stateBeforeRequest = state;
        this.state = pendingState;
        this.pendingClOrdId = clOrdId;
        this.pendingQty = qty;
        this.pendingPrice = price;
        this.pendingRequest = request;
    }

    boolean hasPendingRequest() {
        return pendingClOrdId != null;
    }

    String pendingClOrdId() {
        return pendingClOrdId;
    }

    long pendingQty() {
        return pendingQty;
    }

    long pendingPrice() {
        return pendingPrice;
    }

    OrderState stateBeforeRequest() {
        return stateBeforeRequest;
    }

    /** While a request is pending, a report's new state is where the order returns if the request fails. */
    void stateBeforeRequest(OrderState state) {
        this.stateBeforeRequest = state;
    }

    /** Ends the pending request; returns its future (to complete outside the lock), or null. */
    CompletableFuture<Order> endRequest() {
        CompletableFuture<Order> request = pendingRequest;
        pendingClOrdId = null;
        pendingRequest = null;
        stateBeforeRequest = null;
        return request;
    }

    /** Waits for the next report about the order (OrderStatusRequest(H) answer); returns the future to use. */
    CompletableFuture<Order> statusRequest(CompletableFuture<Order> request) {
        if (statusRequest == null) {
            statusRequest = request;
        }
        return statusRequest;
    }

    /** Ends the status request; returns its future (to complete outside the lock), or null. */
    CompletableFuture<Order> endStatusRequest() {
        CompletableFuture<Order> request = statusRequest;
        statusRequest = null;
        return request;
    }
}
