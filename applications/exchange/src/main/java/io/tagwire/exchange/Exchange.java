package io.tagwire.exchange;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.session.Session;
import java.util.function.Consumer;

/**
 * The exchange's order handling, on the engine's event-loop thread: order messages in,
 * order book calls, replies out (through {@link BookEvents} for everything the books
 * report). One instance serves every session and instrument. No allocation per message
 * on the accepted paths.
 */
final class Exchange {
    /** What the book call in progress was made for: decides ClOrdIDs and reject routing in {@link BookEvents}. */
    enum Request { NEW, CANCEL, REPLACE, MASS_CANCEL, MARKET_MAKER }

    /** Binance's ErrorCode(25016) for a request the matching engine refuses (filter failure). */
    static final int ERROR_FILTER_FAILURE = -1013;
    /** Binance's ErrorCode(25016) with "Unknown order sent." (fix-api.md, OrderCancelReject example). */
    static final int ERROR_UNKNOWN_ORDER = -1013;
    static final String UNKNOWN_ORDER_BINANCE = "Unknown order sent.";

    final Market[] markets;
    private final Venue venue;
    private final OrderStore orders;
    private final Sessions sessions;
    private final BookEvents events;
    private final OrderRequest incoming = new OrderRequest();
    private final OrderRequest cancelPart = new OrderRequest();
    private final Consumer<Order> massCanceller = this::massCancelOne;
    private final Order unknownOrder = new Order();
    private long execIds;
    private long reportIds;
    private int massCanceled;
    private OrderEntrySession requester;

    long nowNanos;
    Request request = Request.NEW;
    OrderRequest cancelRequest;
    OrderRequest replaceRequest;
    boolean rejected;

    /** The client orders; engine thread only. */
    OrderStore orders() {
        return orders;
    }

    Exchange(Venue venue, Sessions sessions, OrderStore orders, Market[] markets) {
        this.venue = venue;
        this.sessions = sessions;
        this.orders = orders;
        this.markets = markets;
        this.events = new BookEvents(this, orders, sessions);
    }

    BookEvents events() {
        return events;
    }

    long nextExecId() {
        return ++execIds;
    }

    private void begin(OrderEntrySession session, Request kind) {
        requester = session;
        nowNanos = session.session.eventTimeNanos();
        request = kind;
        cancelRequest = null;
        replaceRequest = null;
        rejected = false;
    }

    /** Market-maker quotes go through here so their book events are known to need no report. */
    void beginMarketMaker(long nowNanos) {
        this.nowNanos = nowNanos;
        requester = null;
        request = Request.MARKET_MAKER;
        cancelRequest = null;
        replaceRequest = null;
    }

    // ---- NewOrderSingle(D) --------------------------------------------------------------

    void newOrderSingle(OrderEntrySession session, FixMessage message) {
        begin(session, Request.NEW);
        if (!incoming.readNew(message, markets, false)) {
            refuse(session, message, incoming);
            return;
        }
        submit(session, incoming);
    }

    private void submit(OrderEntrySession session, OrderRequest terms) {
        Order duplicate = orders.byClOrdId(session.account, terms.clOrdId, 0, terms.clOrdIdLength);
        Order order = orders.create();
        order.market = terms.market;
        order.owner = session;
        order.account = session.account;
        order.side = terms.side;
        order.ordType = terms.ordType;
        order.timeInForce = terms.timeInForce;
        order.postOnly = terms.postOnly;
        order.price = terms.price;
        order.orderQty = terms.quantity;
        order.leavesQty = terms.quantity;
        order.firstClOrdId(terms.clOrdId, 0, terms.clOrdIdLength);
        order.live = true;
        request = Request.NEW;
        if (duplicate != null && duplicate.live) {
            events.rejectNew(order, "Duplicate ClOrdID(11): an open order already has it.", ERROR_FILTER_FAILURE);
            return;
        }
        orders.indexClOrdId(order);
        terms.market.book.submit(order.orderId, order.side, Reports.orderType(order.ordType), terms.bookTimeInForce,
            order.postOnly, order.price, order.orderQty);
        if (order.live && !order.acknowledged) {
            events.acknowledge(order);
        }
    }

    // ---- OrderCancelRequest(F) ----------------------------------------------------------

    void orderCancelRequest(OrderEntrySession session, FixMessage message) {
        begin(session, Request.CANCEL);
        if (!incoming.readCancel(message, markets, 11, true)) {
            refuseCancel(session, message, incoming, '1');
            return;
        }
        cancel(session, incoming, '1');
    }

    /** Cancels the order the request names; false (and an OrderCancelReject sent) if it cannot. */
    private boolean cancel(OrderEntrySession session, OrderRequest cancel, char responseTo) {
        Order order = find(session.account, cancel);
        if (order == null || !order.live) {
            unknownOrTooLate(session, cancel, order, responseTo);
            return false;
        }
        request = Request.CANCEL;
        cancelRequest = cancel;
        rejected = false;
        order.market.book.cancel(order.orderId);
        return !rejected;
    }

    private void unknownOrTooLate(OrderEntrySession session, OrderRequest cancel, Order order, char responseTo) {
        if (session.style.binance) {
            cancelReject(session, cancel, order, responseTo, 1, UNKNOWN_ORDER_BINANCE);
        } else if (order == null) {
            cancelReject(session, cancel, null, responseTo, 1, "Unknown order");
        } else {
            cancelReject(session, cancel, order, responseTo, 0, "Too late to cancel: the order is "
                + (order.ordStatus == OrdStatus.FILLED ? "filled" : "closed"));
        }
    }

    /** An OrderCancelReject(9) for the request in progress (called by {@link BookEvents} on a book reject). */
    void cancelReject(Order order, char responseTo, int cxlRejReason, CharSequence text) {
        OrderRequest current = responseTo == '2' ? replaceRequest : cancelRequest;
        cancelReject(requester, current, order, responseTo, cxlRejReason, text);
    }

    private void cancelReject(OrderEntrySession session, OrderRequest cancel, Order order, char responseTo,
                              int cxlRejReason, CharSequence text) {
        Session target = session.session;
        FixEncoder reject = target.newMessage("9", nowNanos);
        Reports.orderCancelReject(reject, session.style, cancel, order, responseTo, cxlRejReason, text,
            ERROR_UNKNOWN_ORDER);
        target.send(nowNanos);
    }

    // ---- OrderCancelReplaceRequest(G) ---------------------------------------------------

    void orderCancelReplaceRequest(OrderEntrySession session, FixMessage message) {
        begin(session, Request.REPLACE);
        if (!incoming.readCancel(message, markets, 11, true) || !incoming.readNew(message, markets, true)) {
            refuseCancel(session, message, incoming, '2');
            return;
        }
        Order order = find(session.account, incoming);
        if (order == null || !order.live) {
            unknownOrTooLate(session, incoming, order, '2');
            return;
        }
        String problem = null;
        if (order.side != incoming.side) {
            problem = "Side(54) cannot be changed by a replace.";
        } else if (order.ordType != '2' || incoming.ordType != '2') {
            problem = "Only limit orders can be replaced.";
        } else if (incoming.quantity <= order.cumQty) {
            problem = "OrderQty(38) must be more than the quantity already filled.";
        }
        if (problem != null) {
            cancelReject(session, incoming, order, '2', 99, problem);
            return;
        }
        replaceRequest = incoming;
        order.market.book.amend(order.orderId, incoming.price, incoming.quantity - order.cumQty);
    }

    // ---- Binance OrderCancelRequestAndNewOrderSingle(XCN) --------------------------------

    void orderCancelRequestAndNewOrderSingle(OrderEntrySession session, FixMessage message) {
        begin(session, Request.CANCEL);
        int modeIndex = message.indexOf(OrderRequest.XCN_MODE);
        if (modeIndex < 0) {
            sessions.reject(session, message, 1, OrderRequest.XCN_MODE, "Required tag missing", 0, nowNanos);
            return;
        }
        boolean stopOnFailure = message.intAt(modeIndex) == 1;
        if (!incoming.readNew(message, markets, false)) {
            refuse(session, message, incoming);
            return;
        }
        if (!cancelPart.readCancel(message, markets, OrderRequest.CANCEL_CLORDID, false)) {
            refuseCancel(session, message, cancelPart, '1');
            if (stopOnFailure) {
                return;
            }
        } else if (!cancel(session, cancelPart, '1') && stopOnFailure) {
            return;
        }
        submit(session, incoming);
    }

    // ---- OrderMassCancelRequest(q) -------------------------------------------------------

    void orderMassCancelRequest(OrderEntrySession session, FixMessage message) {
        begin(session, Request.MASS_CANCEL);
        if (!session.style.massCancel) {
            session.session.rejectUnsupportedMessageType(message);
            return;
        }
        if (!incoming.readMassCancel(message, markets)) {
            if (incoming.missingTag != 0) {
                refuse(session, message, incoming);
            } else {
                massCancelReport(session, -1, incoming.problem);
            }
            return;
        }
        massCanceled = 0;
        orders.forEachLive(massCanceller);
        massCancelReport(session, massCanceled, null);
    }

    /**
     * Cancels the orders of a session that logged out or dropped (Coinbase's
     * CancelOrdersOnDisconnect(8013)): its own, or with {@code wholeAccount} all of its
     * account's. The cancels reach the account's other sessions and drop copies.
     */
    void cancelOnDisconnect(OrderEntrySession session, boolean wholeAccount, long nowNanos) {
        requester = session;
        this.nowNanos = nowNanos;
        incoming.massCancelRequestType = wholeAccount ? '7' : '6';
        massCanceled = 0;
        orders.forEachLive(massCanceller);
    }

    private void massCancelOne(Order order) {
        if (order.account == requester.account
            && (incoming.massCancelRequestType == '7' || incoming.massCancelRequestType == '1'
                && order.market == incoming.market || incoming.massCancelRequestType == '6'
                && order.owner == requester)) {
            request = Request.MASS_CANCEL;
            order.market.book.cancel(order.orderId);
            massCanceled++;
        }
    }

    private void massCancelReport(OrderEntrySession session, int affected, CharSequence text) {
        Session target = session.session;
        FixEncoder report = target.newMessage("r", nowNanos);
        Reports.orderMassCancelReport(report, session.style, incoming, ++reportIds, affected, text);
        target.send(nowNanos);
    }

    // ---- OrderStatusRequest(H) -----------------------------------------------------------

    void orderStatusRequest(OrderEntrySession session, FixMessage message) {
        begin(session, Request.NEW);
        if (!incoming.readStatus(message, markets)) {
            refuse(session, message, incoming);
            return;
        }
        Order order = find(session.account, incoming);
        if (order != null) {
            events.status(session, order, null);
            return;
        }
        Order unknown = unknownOrder;
        unknown.reset(0);
        unknown.market = incoming.market;
        unknown.side = incoming.side;
        unknown.ordType = '2';
        unknown.timeInForce = '1';
        unknown.ordStatus = OrdStatus.REJECTED;
        unknown.firstClOrdId(incoming.origClOrdId, 0, incoming.origClOrdIdLength);
        events.status(session, unknown, "Unknown order");
    }

    // ---- lookups and refusals ------------------------------------------------------------

    /**
     * The account's order named by OrderID(37) and/or OrigClOrdID(41); with both, both must
     * match (Binance's rule). Null if unknown.
     */
    private Order find(int account, OrderRequest request) {
        Order order = null;
        if (request.orderIdLength > 0) {
            long id = parseOrderId(request.orderId, request.orderIdLength);
            order = id > 0 ? orders.get(id) : null;
            if (order != null && (order.account != account || request.origClOrdIdLength > 0
                && !order.clOrdIdEquals(request.origClOrdId, 0, request.origClOrdIdLength))) {
                order = null;
            }
        } else if (request.origClOrdIdLength > 0) {
            order = orders.byClOrdId(account, request.origClOrdId, 0, request.origClOrdIdLength);
        }
        if (order != null && request.market != null && order.market != request.market) {
            return null;
        }
        return order;
    }

    private static long parseOrderId(byte[] digits, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int digit = digits[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** A request that could not be read: Reject(3), required tag missing or value incorrect. */
    private void refuse(OrderEntrySession session, FixMessage message, OrderRequest request) {
        if (request.missingTag != 0) {
            sessions.reject(session, message, 1, request.missingTag, "Required tag missing", 0, nowNanos);
        } else {
            sessions.reject(session, message, 5, 0, request.problem, ERROR_FILTER_FAILURE, nowNanos);
        }
    }

    private void refuseCancel(OrderEntrySession session, FixMessage message, OrderRequest request, char responseTo) {
        if (request.missingTag != 0) {
            refuse(session, message, request);
        } else {
            cancelReject(session, request, null, responseTo, 99, request.problem);
        }
    }
}
