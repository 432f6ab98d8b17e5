package io.tagwire.interop;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.TimestampPrecision;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import quickfix.Message;

/**
 * The application messages of a run, valid in the FIX 4.2 and 4.4 dictionaries both
 * engines validate with: a limit NewOrderSingle(D) for 100 TW at 10, and the
 * ExecutionReport(8) that fills it at once. Written once for each engine's API.
 */
final class Messages {
    static final int CL_ORD_ID = 11;
    static final int POSS_DUP_FLAG = 43;
    static final int MSG_TYPE = 35;
    static final int GAP_FILL_FLAG = 123;

    private Messages() {
    }

    /** NewOrderSingle(D) body fields, Tagwire's encoder. */
    static void newOrderSingle(FixEncoder order, String clOrdId, long nowNanos) {
        order.putString(CL_ORD_ID, clOrdId).putChar(21, '1').putString(55, "TW").putChar(54, '1')
            .putUtcTimestamp(60, nowNanos, TimestampPrecision.MILLIS).putInt(38, 100).putChar(40, '2')
            .putInt(44, 10);
    }

    /** ExecutionReport(8) body fields filling the order, Tagwire's encoder. */
    static void fill(FixEncoder report, String beginString, String clOrdId) {
        report.putString(37, "O" + clOrdId).putString(CL_ORD_ID, clOrdId).putString(17, "E" + clOrdId);
        if (beginString.equals("FIX.4.2")) {
            // FIX 4.2: ExecTransType(20)=New, ExecType(150)=Fill
            report.putChar(20, '0').putChar(150, '2');
        } else {
            // FIX 4.4: ExecType(150)=Trade
            report.putChar(150, 'F');
        }
        report.putChar(39, '2').putString(55, "TW").putChar(54, '1').putInt(38, 100).putInt(32, 100)
            .putInt(31, 10).putInt(151, 0).putInt(14, 100).putInt(6, 10);
    }

    /** NewOrderSingle(D), QuickFIX/J's message; the session adds the header. */
    static Message newOrderSingle(String clOrdId) {
        Message order = new Message();
        order.getHeader().setString(MSG_TYPE, "D");
        order.setString(CL_ORD_ID, clOrdId);
        order.setChar(21, '1');
        order.setString(55, "TW");
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setInt(38, 100);
        order.setChar(40, '2');
        order.setInt(44, 10);
        return order;
    }

    /** ExecutionReport(8) filling the order, QuickFIX/J's message. */
    static Message fill(String beginString, String clOrdId) {
        Message report = new Message();
        report.getHeader().setString(MSG_TYPE, "8");
        report.setString(37, "O" + clOrdId);
        report.setString(CL_ORD_ID, clOrdId);
        report.setString(17, "E" + clOrdId);
        if (beginString.equals("FIX.4.2")) {
            report.setChar(20, '0');
            report.setChar(150, '2');
        } else {
            report.setChar(150, 'F');
        }
        report.setChar(39, '2');
        report.setString(55, "TW");
        report.setChar(54, '1');
        report.setInt(38, 100);
        report.setInt(32, 100);
        report.setInt(31, 10);
        report.setInt(151, 0);
        report.setInt(14, 100);
        report.setInt(6, 10);
        return report;
    }
}
