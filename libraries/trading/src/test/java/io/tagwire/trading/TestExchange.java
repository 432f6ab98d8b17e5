package io.tagwire.trading;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.Tags;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.Session;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small exchange for the client's end-to-end tests, the Application of a Tagwire
 * acceptor: answers D, F, G, H, q, Binance's XCN and Bybit's XAR with plausible ExecutionReports in the session's
 * version (FIX 4.2 with ExecTransType and ExecType 1/2 fills, FIX 4.4 with ExecType F).
 * Symbol {@code BAD} is rejected with a Text, {@code HALT} with a BusinessMessageReject(j); IOC
 * orders expire at once; market orders fill at 100. Limit orders rest until the test calls
 * {@link #fill}. OrderID(37) and ExecID(17) are integers, as Binance's dictionary types them.
 * Engine thread only, except where a method says otherwise.
 */
final class TestExchange implements Application {
    /** Every application message received, as text with {@code |} for SOH; from any thread. */
    final List<String> received = new CopyOnWriteArrayList<>();
    private static final int TAG_CANCEL_CLORDID = 25034;

    /** Every Logon(A) received, as text; from any thread. */
    final List<String> logons = new CopyOnWriteArrayList<>();
    private final Map<String, Resting> byClOrdId = new LinkedHashMap<>();
    private Session session;
    private volatile String rejectNext;
    private Engine engine;
    private boolean fix42;
    private boolean binance;
    private int nextId;

    /** An order as the exchange holds it. */
    private static final class Resting {
        final String orderId;
        final String symbol;
        final char side;
        final char ordType;
        String clOrdId;
        BigDecimal qty;
        BigDecimal price;
        BigDecimal cum = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        char ordStatus = '0';

        Resting(String orderId, FixMessage order) {
            this.orderId = orderId;
            this.clOrdId = order.getString(Tags.ClOrdID);
            this.symbol = order.getString(Tags.Symbol);
            this.side = order.getChar(Tags.Side, '1');
            this.ordType = order.getChar(Tags.OrdType, '2');
            this.qty = new BigDecimal(order.getString(Tags.OrderQty));
            String px = order.getString(Tags.Price);
            this.price = px == null ? BigDecimal.ZERO : new BigDecimal(px);
        }

        boolean open() {
            return ordStatus == '0' || ordStatus == '1';
        }

        BigDecimal avgPx() {
            return cum.signum() == 0 ? BigDecimal.ZERO : notional.divide(cum, 8, java.math.RoundingMode.HALF_EVEN);
        }
    }

    void engine(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void onCreate(Session session) {
        this.session = session;
        this.fix42 = "FIX.4.2".equals(session.sessionId().beginString());
        this.binance = "SPOT".equals(session.sessionId().senderCompId());   // Binance's CompID
    }

    @Override
    public void fromAdmin(FixMessage message, Session session) {
        if (message.msgTypeKey() == 'A') {
            logons.add(message.toString());
        }
    }

    /** Answers the next message of this MsgType with a Reject(3) instead; from any thread. */
    void rejectNext(String msgType) {
        rejectNext = msgType;
    }

    @Override
    public void fromApp(FixMessage message, Session session) {
        received.add(message.toString());
        if (message.msgType().toString().equals(rejectNext)) {
            rejectNext = null;
            session.newMessage("3").putInt(Tags.RefSeqNum, message.getInt(34, 0))
                .putString(Tags.RefMsgType, message.msgType()).putInt(Tags.SessionRejectReason, 99)
                .putString(Tags.Text, "Rejected by the test");
            session.send();
            return;
        }
        switch (message.msgType().toString()) {
            case "D":
                newOrder(message);
                break;
            case "F":
                cancel(message);
                break;
            case "G":
                replace(message);
                break;
            case "H":
                status(message);
                break;
            case "q":
                massCancel(message);
                break;
            case "XCN":
                cancelAndNew(message);
                break;
            case "XAR":
                atomicReplace(message);
                break;
            default:
                session.rejectUnsupportedMessageType(message);
        }
    }

    /** Fills {@code qty} of the order at {@code price}, from any thread; reported only if the session is up. */
    void fill(String clOrdId, String qty, String price) throws Exception {
        fill(clOrdId, qty, price, true);
    }

    /** Fills without reporting it, as if the report were lost; from any thread. */
    void fillUnreported(String clOrdId, String qty, String price) throws Exception {
        fill(clOrdId, qty, price, false);
    }

    private void fill(String clOrdId, String qty, String price, boolean reported) throws Exception {
        engine.execute(() -> {
            Resting order = byClOrdId.get(clOrdId);
            BigDecimal last = new BigDecimal(qty);
            order.cum = order.cum.add(last);
            order.notional = order.notional.add(last.multiply(new BigDecimal(price)));
            order.ordStatus = order.cum.compareTo(order.qty) >= 0 ? '2' : '1';
            if (reported && session.isLoggedOn()) {
                report(order, fix42 ? order.ordStatus : 'F', order.clOrdId, null, '0', qty, price);
                session.send(engine.nowNanos());
            }
        }).get();
    }

    private void newOrder(FixMessage message) {
        Resting order = new Resting(Integer.toString(++nextId), message);
        byClOrdId.put(order.clOrdId, order);
        if ("HALT".equals(order.symbol)) {
            session.newMessage("j").putInt(Tags.RefSeqNum, message.getInt(34, 0)).putString(Tags.RefMsgType, "D")
                .putString(Tags.BusinessRejectRefID, order.clOrdId).putInt(Tags.BusinessRejectReason, 4)
                .putString(Tags.Text, "Trading halted");
            session.send();
            return;
        }
        if ("BAD".equals(order.symbol)) {
            order.ordStatus = '8';
            report(order, '8', order.clOrdId, null).putInt(Tags.OrdRejReason, 1)
                .putString(Tags.Text, "Unknown symbol BAD");
            session.send();
            return;
        }
        report(order, '0', order.clOrdId, null);
        session.send();
        if (order.ordType == '1') {
            order.cum = order.qty;
            order.notional = order.qty.multiply(BigDecimal.valueOf(100));
            order.ordStatus = '2';
            report(order, fix42 ? '2' : 'F', order.clOrdId, null, '0', order.qty.toPlainString(), "100");
            session.send();
        } else if (message.getChar(Tags.TimeInForce, '0') == '3') {
            order.ordStatus = 'C';
            report(order, 'C', order.clOrdId, null).putString(Tags.Text, "IOC: no liquidity");
            session.send();
        }
    }

    private void cancel(FixMessage message) {
        Resting order = byClOrdId.get(message.getString(Tags.OrigClOrdID));
        if (order == null || !order.open()) {
            cancelReject(message, order, '1', "Unknown order");
            return;
        }
        String orig = order.clOrdId;
        order.clOrdId = message.getString(Tags.ClOrdID);
        byClOrdId.put(order.clOrdId, order);
        order.ordStatus = '4';
        report(order, '4', order.clOrdId, orig);
        session.send();
    }

    /** Binance's XCN with STOP_ON_FAILURE: cancel the order under CancelClOrdID(25034), then place the new one. */
    private void cancelAndNew(FixMessage message) {
        Resting order = byClOrdId.get(message.getString(Tags.OrigClOrdID));
        if (order == null || !order.open()) {
            cancelReject(message, order, '1', "Unknown order");
            return;
        }
        String orig = order.clOrdId;
        order.clOrdId = message.getString(TAG_CANCEL_CLORDID);
        byClOrdId.put(order.clOrdId, order);
        order.ordStatus = '4';
        report(order, '4', order.clOrdId, orig);
        session.send();
        newOrder(message);
    }

    /**
     * Bybit's AtomicReplaceRequest(XAR): the order, named by its ClOrdID(11), keeps it. Accepted:
     * OrderAmendAck(XAA) with ExecType(150)=E, then a Replaced report. Refused: an XAA with only
     * OrdRejReason(103) and Text(58), as Bybit sends it.
     */
    private void atomicReplace(FixMessage message) {
        Resting order = byClOrdId.get(message.getString(Tags.ClOrdID));
        String qtyText = message.getString(Tags.OrderQty);
        BigDecimal qty = qtyText == null || order == null ? null : new BigDecimal(qtyText);
        if (order == null || !order.open() || qty != null && qty.compareTo(order.cum) <= 0) {
            session.newMessage("XAA").putString(Tags.OrdRejReason, "10001")
                .putString(Tags.Text, "Cannot amend");
            session.send();
            return;
        }
        if (qty != null) {
            order.qty = qty;
        }
        String price = message.getString(Tags.Price);
        if (price != null) {
            order.price = new BigDecimal(price);
        }
        session.newMessage("XAA").putString(Tags.OrderID, order.orderId).putString(Tags.ClOrdID, order.clOrdId)
            .putChar(Tags.ExecType, 'E').putChar(Tags.OrdStatus, 'E');
        session.send();
        report(order, '5', order.clOrdId, null);
        session.send();
    }

    private void replace(FixMessage message) {
        Resting order = byClOrdId.get(message.getString(Tags.OrigClOrdID));
        BigDecimal qty = new BigDecimal(message.getString(Tags.OrderQty));
        if (order == null || !order.open() || qty.compareTo(order.cum) <= 0) {
            cancelReject(message, order, order == null ? '1' : '0', "Cannot replace");
            return;
        }
        String orig = order.clOrdId;
        order.clOrdId = message.getString(Tags.ClOrdID);
        byClOrdId.put(order.clOrdId, order);
        order.qty = qty;
        order.price = new BigDecimal(message.getString(Tags.Price));
        report(order, '5', order.clOrdId, orig);
        session.send();
    }

    private void status(FixMessage message) {
        Resting order = byClOrdId.get(message.getString(Tags.ClOrdID));
        if (order == null) {
            return;
        }
        // FIX 4.4: ExecType I (OrderStatus); FIX 4.2: ExecTransType 3 (Status) with ExecType = OrdStatus
        report(order, fix42 ? order.ordStatus : 'I', order.clOrdId, null, '3');
        session.send();
    }

    private void massCancel(FixMessage message) {
        String symbol = message.getString(Tags.Symbol);
        List<Resting> canceled = new ArrayList<>();
        for (Resting order : new ArrayList<>(byClOrdId.values())) {
            if (order.symbol.equals(symbol) && order.open() && !canceled.contains(order)) {
                order.ordStatus = '4';
                canceled.add(order);
                report(order, '4', order.clOrdId, null);
                session.send();
            }
        }
        session.newMessage("r").putString(Tags.ClOrdID, message.getString(Tags.ClOrdID))
            .putInt(Tags.OrderID, ++nextId).putChar(Tags.MassCancelRequestType, '1')
            .putChar(Tags.MassCancelResponse, '1').putInt(Tags.TotalAffectedOrders, canceled.size());
        session.send();
    }

    private void cancelReject(FixMessage message, Resting order, char reason, String text) {
        boolean replace = message.msgTypeKey() == 'G';
        boolean cancelAndNew = "XCN".contentEquals(message.msgType());
        FixEncoder reject = session.newMessage("9");
        reject.putString(Tags.OrderID, order == null ? "0" : order.orderId)
            .putString(Tags.ClOrdID, message.getString(cancelAndNew ? TAG_CANCEL_CLORDID : Tags.ClOrdID))
            .putString(Tags.OrigClOrdID, message.getString(Tags.OrigClOrdID))
            .putChar(Tags.OrdStatus, order == null ? '8' : order.ordStatus)
            .putChar(Tags.CxlRejResponseTo, replace ? '2' : '1')
            .putChar(Tags.CxlRejReason, reason).putString(Tags.Text, text);
        if (binance) {
            // Binance's dictionary requires Symbol and ErrorCode(25016) in an OrderCancelReject(9)
            String symbol = order != null ? order.symbol : message.getString(Tags.Symbol);
            reject.putString(Tags.Symbol, symbol == null ? "BTCUSDT" : symbol).putInt(25016, -2011);
        }
        session.send();
    }

    /** Starts an ExecutionReport(8) with the fields both versions require; the caller adds more and sends. */
    private FixEncoder report(Resting order, char execType, String clOrdId, String origClOrdId) {
        return report(order, execType, clOrdId, origClOrdId, '0');
    }

    private FixEncoder report(Resting order, char execType, String clOrdId, String origClOrdId, char execTransType) {
        return report(order, execType, clOrdId, origClOrdId, execTransType, "0", null);
    }

    /** With OrdType(40) and LastQty(32), which Binance's dictionary requires in every report. */
    private FixEncoder report(Resting order, char execType, String clOrdId, String origClOrdId, char execTransType,
                              String lastQty, String lastPx) {
        FixEncoder encoder = session.newMessage("8", engine.nowNanos());
        encoder.putString(Tags.OrderID, order.orderId).putString(Tags.ClOrdID, clOrdId);
        if (origClOrdId != null) {
            encoder.putString(Tags.OrigClOrdID, origClOrdId);
        }
        encoder.putString(Tags.ExecID, execType == 'I' ? "0" : Integer.toString(++nextId));
        if (fix42) {
            encoder.putChar(20, execTransType);
        }
        BigDecimal leaves = order.open() ? order.qty.subtract(order.cum) : BigDecimal.ZERO;
        encoder.putChar(Tags.ExecType, execType).putChar(Tags.OrdStatus, order.ordStatus)
            .putString(Tags.Symbol, order.symbol).putChar(Tags.Side, order.side)
            .putString(Tags.OrderQty, order.qty.toPlainString());
        encoder.putChar(Tags.OrdType, order.ordType);
        if (order.ordType == '2') {
            encoder.putString(Tags.Price, order.price.toPlainString());
        }
        encoder.putString(Tags.LastQty, lastQty);
        if (lastPx != null) {
            encoder.putString(Tags.LastPx, lastPx);
        }
        return encoder.putString(Tags.LeavesQty, leaves.toPlainString())
            .putString(Tags.CumQty, order.cum.toPlainString())
            .putString(Tags.AvgPx, order.avgPx().toPlainString());
    }
}
