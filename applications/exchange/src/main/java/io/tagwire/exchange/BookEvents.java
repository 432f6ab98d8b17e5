package io.tagwire.exchange;

import io.tagwire.match.OrderBookListener;
import io.tagwire.match.RejectReason;
import io.tagwire.match.Side;

/**
 * Turns the order books' events into ExecutionReports. The first event of a new order
 * acknowledges it (ExecType New) before anything else is reported, so a marketable order
 * reads New, Trade..., then rests or expires, as at a venue. Events of market-maker orders
 * (not in the {@link OrderStore}) produce no report. What request caused the events
 * ({@link Exchange.Request}) decides the ClOrdIDs of cancels and replaces and where a
 * reject goes.
 */
final class BookEvents implements OrderBookListener {
    private final Exchange exchange;
    private final OrderStore orders;
    private final Sessions sessions;
    private final Report report = new Report();

    BookEvents(Exchange exchange, OrderStore orders, Sessions sessions) {
        this.exchange = exchange;
        this.orders = orders;
        this.sessions = sessions;
    }

    private Order clientOrder(long orderId) {
        Order order = orders.get(orderId);
        return order != null && order.live ? order : null;
    }

    private void publish(Order order) {
        sessions.publish(order, report, exchange.nowNanos);
    }

    void acknowledge(Order order) {
        order.acknowledged = true;
        order.ordStatus = OrdStatus.NEW;
        report.start(OrdStatus.NEW, exchange.nextExecId(), order);
        publish(order);
    }

    @Override
    public void onAdd(long orderId, Side side, long price, long quantity) {
        Order order = clientOrder(orderId);
        if (order != null && !order.acknowledged) {
            acknowledge(order);
        }
    }

    @Override
    public void onMatch(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                        long takerRemaining, long makerRemaining) {
        fill(clientOrder(takerOrderId), price, quantity, takerRemaining, true);
        fill(clientOrder(makerOrderId), price, quantity, makerRemaining, false);
    }

    private void fill(Order order, long price, long quantity, long remaining, boolean aggressor) {
        if (order == null) {
            return;
        }
        if (!order.acknowledged) {
            acknowledge(order);
        }
        order.fill(price, quantity, remaining);
        report.start(OrdStatus.TRADE, exchange.nextExecId(), order).trade(quantity, price, aggressor);
        publish(order);
    }

    @Override
    public void onCancel(long orderId, long canceledQuantity) {
        Order order = clientOrder(orderId);
        if (order == null) {
            return;
        }
        order.leavesQty = 0;
        order.ordStatus = OrdStatus.CANCELED;
        order.live = false;
        report.start(OrdStatus.CANCELED, exchange.nextExecId(), order);
        OrderRequest cancel = exchange.cancelRequest;
        if (exchange.request == Exchange.Request.CANCEL && cancel != null && cancel.clOrdIdLength > 0) {
            report.origClOrdId(order.clOrdId, 0, order.clOrdIdLength)
                .clOrdId(cancel.clOrdId, 0, cancel.clOrdIdLength);
        }
        publish(order);
    }

    @Override
    public void onExpire(long orderId, long remainingQuantity) {
        Order order = clientOrder(orderId);
        if (order == null) {
            return;
        }
        if (!order.acknowledged) {
            acknowledge(order);
        }
        order.leavesQty = 0;
        order.ordStatus = OrdStatus.EXPIRED;
        order.live = false;
        report.start(OrdStatus.EXPIRED, exchange.nextExecId(), order);
        publish(order);
    }

    @Override
    public void onReject(long orderId, RejectReason reason) {
        exchange.rejected = true;
        Order order = clientOrder(orderId);
        if (order == null) {
            return;
        }
        switch (exchange.request) {
            case NEW:
                rejectNew(order, reason.text(), Exchange.ERROR_FILTER_FAILURE);
                break;
            case CANCEL:
                exchange.cancelReject(order, '1', reason == RejectReason.UNKNOWN_ORDER ? 1 : 99, reason.text());
                break;
            case REPLACE:
                exchange.cancelReject(order, '2', reason == RejectReason.UNKNOWN_ORDER ? 1 : 99, reason.text());
                break;
            default:
                break;
        }
    }

    /** ExecType Rejected(8) for a new order, sent to the account's receivers. */
    void rejectNew(Order order, CharSequence text, int errorCode) {
        order.acknowledged = true;
        order.live = false;
        order.leavesQty = 0;
        order.ordStatus = OrdStatus.REJECTED;
        report.start(OrdStatus.REJECTED, exchange.nextExecId(), order).reject(text, 99, errorCode);
        publish(order);
    }

    @Override
    public void onAmend(long orderId, long newPrice, long newQuantity, boolean keptPriority) {
        Order order = clientOrder(orderId);
        OrderRequest replace = exchange.replaceRequest;
        if (order == null || replace == null) {
            return;
        }
        report.start(OrdStatus.REPLACED, exchange.nextExecId(), order);
        report.origClOrdId(report.clOrdId, 0, report.clOrdIdLength)
            .clOrdId(replace.clOrdId, 0, replace.clOrdIdLength);
        order.price = newPrice;
        order.orderQty = order.cumQty + newQuantity;
        order.leavesQty = newQuantity;
        order.clOrdId(replace.clOrdId, 0, replace.clOrdIdLength);
        order.ordStatus = order.openStatus();
        orders.indexClOrdId(order);
        publish(order);
    }

    /** Answers an OrderStatusRequest(H) to its session only. */
    void status(OrderEntrySession target, Order order, CharSequence text) {
        report.start(OrdStatus.ORDER_STATUS, exchange.nextExecId(), order).status = true;
        report.text = text;
        sessions.send(target, order, report, exchange.nowNanos);
    }
}
