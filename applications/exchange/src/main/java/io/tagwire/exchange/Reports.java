package io.tagwire.exchange;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.fix42.Tags;
import io.tagwire.match.OrderType;
import io.tagwire.match.Side;

/**
 * Writes the body of ExecutionReport(8), OrderCancelReject(9) and OrderMassCancelReport(r)
 * the way the session's counterparty expects them ({@link ReportStyle}), from fixed-point
 * values: no allocation.
 */
final class Reports {
    /** MassActionReportID(1369), required in FIX 5.0 SP2's OrderMassCancelReport(r). */
    static final int MASS_ACTION_REPORT_ID = 1369;
    /** Binance's ErrorCode(25016), on rejects. */
    static final int ERROR_CODE = 25016;
    /** AggressorIndicator(1057), on trades, FIX 5.0 and Binance. */
    static final int AGGRESSOR_INDICATOR = 1057;
    private static final byte[] NONE = {'N', 'O', 'N', 'E'};

    private Reports() {
    }

    static char sideChar(Side side) {
        return side == Side.BUY ? '1' : '2';
    }

    static OrderType orderType(char ordType) {
        return ordType == '1' ? OrderType.MARKET : OrderType.LIMIT;
    }

    static void executionReport(FixEncoder e, ReportStyle style, Order order, Report report, long nowNanos) {
        Market market = order.market;
        e.putLong(Tags.OrderID, order.orderId);
        e.putBytes(Tags.ClOrdID, report.clOrdId, 0, report.clOrdIdLength);
        if (report.origClOrdIdLength >= 0) {
            e.putBytes(Tags.OrigClOrdID, report.origClOrdId, 0, report.origClOrdIdLength);
        }
        if (!style.binance || report.execType != OrdStatus.REJECTED) {
            // Binance: "ExecID(17) Omitted on rejected orders"
            e.putLong(Tags.ExecID, report.execId);
        }
        if (style.fix42) {
            e.putChar(Tags.ExecTransType, report.status ? '3' : '0');
        }
        e.putChar(Tags.ExecType, execType(style, order, report));
        e.putChar(Tags.OrdStatus, order.ordStatus);
        e.putBytes(Tags.Symbol, market.symbol, 0, market.symbol.length);
        e.putChar(Tags.Side, sideChar(order.side));
        e.putDecimal(Tags.OrderQty, order.orderQty, market.quantityScale);
        e.putChar(Tags.OrdType, order.ordType);
        if (order.ordType != '1') {
            e.putDecimal(Tags.Price, order.price, market.priceScale);
        }
        e.putChar(Tags.TimeInForce, order.timeInForce);
        if (order.postOnly) {
            e.putChar(Tags.ExecInst, style.postOnlyExecInst);
        }
        if (report.trade) {
            e.putDecimal(Tags.LastShares, report.lastQty, market.quantityScale);
            e.putDecimal(Tags.LastPx, report.lastPx, market.priceScale);
        } else if (style.binance) {
            // LastQty(32) is required in every Binance ExecutionReport
            e.putDecimal(Tags.LastShares, 0, market.quantityScale);
        }
        e.putDecimal(Tags.LeavesQty, order.leavesQty, market.quantityScale);
        e.putDecimal(Tags.CumQty, order.cumQty, market.quantityScale);
        e.putDecimal(Tags.AvgPx, order.averagePrice(), market.priceScale);
        e.putUtcTimestamp(Tags.TransactTime, nowNanos, style.precision);
        if (report.trade && style.aggressorIndicator) {
            e.putBoolean(AGGRESSOR_INDICATOR, report.aggressor);
        }
        if (report.text != null) {
            e.putString(Tags.Text, report.text);
        }
        if (report.ordRejReason >= 0 && !style.binance) {
            // FIX 4.2 has no Other(99): Broker option(0) is its catch-all
            e.putInt(Tags.OrdRejReason, report.ordRejReason == 99 && style.fix42 ? 0 : report.ordRejReason);
        }
        if (report.errorCode != 0 && style.binance) {
            e.putInt(ERROR_CODE, report.errorCode);
        }
    }

    private static char execType(ReportStyle style, Order order, Report report) {
        if (report.status) {
            return style.fix42 ? order.ordStatus : OrdStatus.ORDER_STATUS;
        }
        if (report.execType == OrdStatus.TRADE && style.fix42) {
            return order.ordStatus;
        }
        return report.execType;
    }

    /**
     * OrderCancelReject(9). {@code order} may be null (unknown order): OrderID(37) is then
     * "NONE" and OrdStatus(39) Rejected, as FIX requires both.
     */
    static void orderCancelReject(FixEncoder e, ReportStyle style, OrderRequest request, Order order,
                                  char responseTo, int cxlRejReason, CharSequence text, int errorCode) {
        if (order != null) {
            e.putLong(Tags.OrderID, order.orderId);
        } else if (request.orderIdLength > 0) {
            e.putBytes(Tags.OrderID, request.orderId, 0, request.orderIdLength);
        } else if (!style.binance) {
            e.putBytes(Tags.OrderID, NONE, 0, NONE.length);
        }
        e.putBytes(Tags.ClOrdID, request.clOrdId, 0, request.clOrdIdLength);
        if (request.origClOrdIdLength > 0) {
            e.putBytes(Tags.OrigClOrdID, request.origClOrdId, 0, request.origClOrdIdLength);
        } else if (order != null) {
            e.putBytes(Tags.OrigClOrdID, order.clOrdId, 0, order.clOrdIdLength);
        } else if (!style.binance) {
            e.putBytes(Tags.OrigClOrdID, NONE, 0, NONE.length);
        }
        if (style.binance) {
            e.putBytes(Tags.Symbol, request.symbol, 0, request.symbolLength);
        } else {
            e.putChar(Tags.OrdStatus, order != null ? order.ordStatus : OrdStatus.REJECTED);
        }
        e.putChar(Tags.CxlRejResponseTo, responseTo);
        if (!style.binance) {
            // FIX 4.2 has no Other(99): Broker option(2) is its catch-all
            e.putInt(Tags.CxlRejReason, cxlRejReason == 99 && style.fix42 ? 2 : cxlRejReason);
        }
        e.putString(Tags.Text, text);
        if (style.binance) {
            e.putInt(ERROR_CODE, errorCode);
        }
    }

    /** OrderMassCancelReport(r); {@code affected} is TotalAffectedOrders(533), negative when rejected. */
    static void orderMassCancelReport(FixEncoder e, ReportStyle style, OrderRequest request, long reportId,
                                      int affected, CharSequence text) {
        if (!style.binance) {
            e.putLong(Tags.OrderID, reportId);
        }
        if (style.fixt) {
            e.putLong(MASS_ACTION_REPORT_ID, reportId);
        }
        e.putBytes(Tags.ClOrdID, request.clOrdId, 0, request.clOrdIdLength);
        if (request.symbolLength > 0) {
            e.putBytes(Tags.Symbol, request.symbol, 0, request.symbolLength);
        }
        e.putChar(io.tagwire.codec.fix44.Tags.MassCancelRequestType, request.massCancelRequestType);
        if (affected >= 0) {
            e.putChar(io.tagwire.codec.fix44.Tags.MassCancelResponse, request.massCancelRequestType);
            e.putInt(io.tagwire.codec.fix44.Tags.TotalAffectedOrders, affected);
        } else {
            e.putChar(io.tagwire.codec.fix44.Tags.MassCancelResponse, '0');
            e.putInt(io.tagwire.codec.fix44.Tags.MassCancelRejectReason, 99);
            e.putString(Tags.Text, text);
        }
    }
}
