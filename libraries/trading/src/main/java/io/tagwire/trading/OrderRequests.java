package io.tagwire.trading;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.TimestampPrecision;
import io.tagwire.codec.fix44.Tags;
import io.tagwire.trading.venue.AmendStyle;

/**
 * Writes the body of each order request into a session's encoder, in the form the
 * session's FIX version wants: HandlInst(21) on FIX 4.2's NewOrderSingle and
 * OrderCancelReplaceRequest, where it is required. Post-only is ExecInst(18)=6
 * (Participate don't initiate) unless the venue says otherwise, or a TimeInForce(59) value
 * in place of the order's at a venue that has one for it (Bybit: P). Allocates nothing.
 */
final class OrderRequests {
    /** ExecInst(18) 6: Participate don't initiate, FIX's post-only. */
    static final char EXEC_INST_POST_ONLY = '6';
    /** MassCancelRequestType(530) 1: cancel the orders of a security (Symbol). */
    private static final char MASS_CANCEL_FOR_SYMBOL = '1';
    private static final char HANDL_INST_AUTOMATED_PRIVATE = '1';
    /** MsgType of Binance's cancel-then-new amend. */
    static final String CANCEL_AND_NEW_ORDER = "XCN";
    /** Binance OrderCancelRequestAndNewOrderSingleMode(25033) and its value 1, STOP_ON_FAILURE. */
    private static final int TAG_CANCEL_AND_NEW_MODE = 25033;
    private static final char STOP_ON_FAILURE = '1';
    /** Binance CancelClOrdID(25034): the ClOrdID of the cancel half of XCN. */
    private static final int TAG_CANCEL_CLORDID = 25034;

    /** MsgType of Bybit's amend, AtomicReplaceRequest. */
    static final String ATOMIC_REPLACE_REQUEST = "XAR";
    /** Bybit Category(30010), required on D and XAR; "spot" is the only product Bybit's FIX serves. */
    private static final int TAG_CATEGORY = 30010;
    private static final String CATEGORY_SPOT = "spot";

    private final boolean fix42;
    private final char postOnlyExecInst;
    private final char postOnlyTimeInForce;
    private final boolean bybitCategory;

    /** {@code postOnlyTimeInForce} 0 when post-only is the ExecInst. */
    OrderRequests(String beginString, char postOnlyExecInst, char postOnlyTimeInForce) {
        this(beginString, postOnlyExecInst, postOnlyTimeInForce, AmendStyle.CANCEL_REPLACE_REQUEST);
    }

    /**
     * With {@link AmendStyle#ATOMIC_REPLACE_REQUEST} (only Bybit amends with XAR), NewOrderSingle
     * and AtomicReplaceRequest carry Bybit's Category(30010)=spot.
     */
    OrderRequests(String beginString, char postOnlyExecInst, char postOnlyTimeInForce, AmendStyle amendStyle) {
        this.fix42 = "FIX.4.2".equals(beginString);
        this.postOnlyExecInst = postOnlyExecInst;
        this.postOnlyTimeInForce = postOnlyTimeInForce;
        this.bybitCategory = amendStyle == AmendStyle.ATOMIC_REPLACE_REQUEST;
    }

    /** TimeInForce(59), then ExecInst(18) if the order is post-only and the venue says so there. */
    private void timeInForceAndPostOnly(FixEncoder encoder, Order order) {
        if (order.postOnly() && postOnlyTimeInForce != 0) {
            encoder.putChar(Tags.TimeInForce, postOnlyTimeInForce);
            return;
        }
        encoder.putChar(Tags.TimeInForce, order.timeInForce().fixValue());
        if (order.postOnly()) {
            encoder.putChar(Tags.ExecInst, postOnlyExecInst);
        }
    }

    /** Whether OrderMassCancelRequest(q) exists in this version (FIX 4.3 on; not in 4.2). */
    boolean hasMassCancel() {
        return !fix42;
    }

    /** NewOrderSingle(D). */
    void newOrderSingle(FixEncoder encoder, Order order, long nowNanos) {
        encoder.putString(Tags.ClOrdID, order.clOrdId());
        if (fix42) {
            encoder.putChar(Tags.HandlInst, HANDL_INST_AUTOMATED_PRIVATE);
        }
        encoder.putString(Tags.Symbol, order.symbol())
            .putChar(Tags.Side, order.side().fixValue())
            .putUtcTimestamp(Tags.TransactTime, nowNanos, TimestampPrecision.MILLIS)
            .putDecimal(Tags.OrderQty, order.orderQty(), FixedPoint.SCALE)
            .putChar(Tags.OrdType, order.ordType().fixValue());
        if (order.ordType() == OrdType.LIMIT) {
            encoder.putDecimal(Tags.Price, order.price(), FixedPoint.SCALE);
        }
        timeInForceAndPostOnly(encoder, order);
        if (bybitCategory) {
            encoder.putString(TAG_CATEGORY, CATEGORY_SPOT);
        }
    }

    /** OrderCancelRequest(F) under a new ClOrdID; OrigClOrdID(41) is the order's current one. */
    void orderCancelRequest(FixEncoder encoder, Order order, String clOrdId, long nowNanos) {
        identify(encoder, order, clOrdId);
        encoder.putString(Tags.Symbol, order.symbol())
            .putChar(Tags.Side, order.side().fixValue())
            .putUtcTimestamp(Tags.TransactTime, nowNanos, TimestampPrecision.MILLIS)
            .putDecimal(Tags.OrderQty, order.orderQty(), FixedPoint.SCALE);
    }

    /** OrderCancelReplaceRequest(G) with the new quantity and price and the order's other terms. */
    void orderCancelReplaceRequest(FixEncoder encoder, Order order, String clOrdId, long qty, long price,
                                   long nowNanos) {
        identify(encoder, order, clOrdId);
        if (fix42) {
            encoder.putChar(Tags.HandlInst, HANDL_INST_AUTOMATED_PRIVATE);
        }
        encoder.putString(Tags.Symbol, order.symbol())
            .putChar(Tags.Side, order.side().fixValue())
            .putUtcTimestamp(Tags.TransactTime, nowNanos, TimestampPrecision.MILLIS)
            .putDecimal(Tags.OrderQty, qty, FixedPoint.SCALE)
            .putChar(Tags.OrdType, order.ordType().fixValue());
        if (order.ordType() == OrdType.LIMIT) {
            encoder.putDecimal(Tags.Price, price, FixedPoint.SCALE);
        }
        timeInForceAndPostOnly(encoder, order);
    }

    /**
     * Binance's OrderCancelRequestAndNewOrderSingle(XCN): cancels {@code order} under
     * CancelClOrdID(25034) and places {@code replacement}, with
     * OrderCancelRequestAndNewOrderSingleMode(25033)=1 (STOP_ON_FAILURE: no new order if the
     * cancel fails).
     */
    void orderCancelRequestAndNewOrderSingle(FixEncoder encoder, Order order, String cancelClOrdId,
                                             Order replacement) {
        encoder.putChar(TAG_CANCEL_AND_NEW_MODE, STOP_ON_FAILURE);
        String orderId = order.orderId();
        if (orderId != null) {
            encoder.putString(Tags.OrderID, orderId);
        }
        encoder.putString(TAG_CANCEL_CLORDID, cancelClOrdId)
            .putString(Tags.OrigClOrdID, order.clOrdId())
            .putString(Tags.ClOrdID, replacement.clOrdId())
            .putDecimal(Tags.OrderQty, replacement.orderQty(), FixedPoint.SCALE)
            .putChar(Tags.OrdType, replacement.ordType().fixValue());
        if (replacement.postOnly()) {
            encoder.putChar(Tags.ExecInst, postOnlyExecInst);
        }
        if (replacement.ordType() == OrdType.LIMIT) {
            encoder.putDecimal(Tags.Price, replacement.price(), FixedPoint.SCALE);
        }
        encoder.putChar(Tags.Side, replacement.side().fixValue())
            .putString(Tags.Symbol, replacement.symbol())
            .putChar(Tags.TimeInForce, replacement.timeInForce().fixValue());
    }

    /**
     * Bybit's AtomicReplaceRequest(XAR): the order keeps its ClOrdID(11), which names it
     * (with OrderID(37) once known; Bybit takes no OrigClOrdID(41)). Only the fields that
     * change are sent (Bybit: omitted fields keep their values): OrderQty(38) and, for a
     * limit order, Price(44).
     */
    void atomicReplaceRequest(FixEncoder encoder, Order order, long qty, long price) {
        encoder.putString(TAG_CATEGORY, CATEGORY_SPOT)
            .putString(Tags.Symbol, order.symbol());
        String orderId = order.orderId();
        if (orderId != null) {
            encoder.putString(Tags.OrderID, orderId);
        }
        encoder.putString(Tags.ClOrdID, order.clOrdId());
        if (qty != order.orderQty()) {
            encoder.putDecimal(Tags.OrderQty, qty, FixedPoint.SCALE);
        }
        if (order.ordType() == OrdType.LIMIT && price != order.price()) {
            encoder.putDecimal(Tags.Price, price, FixedPoint.SCALE);
        }
    }

    /** OrderStatusRequest(H) for the order's current ClOrdID. */
    void orderStatusRequest(FixEncoder encoder, Order order) {
        String orderId = order.orderId();
        if (orderId != null) {
            encoder.putString(Tags.OrderID, orderId);
        }
        encoder.putString(Tags.ClOrdID, order.clOrdId())
            .putString(Tags.Symbol, order.symbol())
            .putChar(Tags.Side, order.side().fixValue());
    }

    /** OrderMassCancelRequest(q) for every order of a symbol. */
    void orderMassCancelRequest(FixEncoder encoder, String clOrdId, String symbol, long nowNanos) {
        encoder.putString(Tags.ClOrdID, clOrdId)
            .putChar(Tags.MassCancelRequestType, MASS_CANCEL_FOR_SYMBOL)
            .putString(Tags.Symbol, symbol)
            .putUtcTimestamp(Tags.TransactTime, nowNanos, TimestampPrecision.MILLIS);
    }

    private static void identify(FixEncoder encoder, Order order, String clOrdId) {
        encoder.putString(Tags.OrigClOrdID, order.clOrdId());
        String orderId = order.orderId();
        if (orderId != null) {
            encoder.putString(Tags.OrderID, orderId);
        }
        encoder.putString(Tags.ClOrdID, clOrdId);
    }
}
