package io.tagwire.cli;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.Decimal;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.TimestampPrecision;
import io.tagwire.session.Application;
import io.tagwire.session.Session;

/**
 * Fills every NewOrderSingle(D) at once with one ExecutionReport(8), like QuickFIX/J's
 * Executor example: a limit order at its price, a market order at 1. Other application
 * messages are answered as unsupported. For trying an initiator against something that
 * answers orders: {@code tagwire acceptor --app executor}.
 */
public final class ExecutorApplication implements Application {
    private static final long MARKET_PRICE_MANTISSA = 1;
    private final Decimal quantity = new Decimal();
    private final Decimal price = new Decimal();
    private final AsciiSequence view = new AsciiSequence();
    private long orderIds;
    private long execIds;

    @Override
    public void fromApp(FixMessage message, Session session) {
        if (message.msgTypeKey() != 'D') {
            session.rejectUnsupportedMessageType(message);
            return;
        }
        String beginString = session.sessionId().beginString();
        boolean fix44OrLater = beginString.compareTo("FIX.4.3") >= 0 || beginString.startsWith("FIXT");
        if (!message.getDecimal(38, quantity)) {
            quantity.set(0, 0);
        }
        if (!message.getDecimal(44, price)) {
            price.set(MARKET_PRICE_MANTISSA, 0);
        }
        FixEncoder report = session.newMessage("8");
        report.putLong(37, ++orderIds).putLong(17, ++execIds);
        if (!fix44OrLater) {
            report.putChar(20, '0');
        }
        copy(message, 11, report);
        boolean fix40 = beginString.equals("FIX.4.0");
        if (!fix40) {
            // ExecType(150) and LeavesQty(151) came with FIX 4.1
            report.putChar(150, fix44OrLater ? 'F' : '2');
        }
        report.putChar(39, '2');
        copy(message, 55, report);
        copy(message, 54, report);
        report.putDecimal(38, quantity).putDecimal(32, quantity).putDecimal(31, price);
        if (!fix40) {
            report.putDecimal(151, 0, 0);
        }
        report.putDecimal(14, quantity).putDecimal(6, price)
            .putUtcTimestamp(60, session.eventTimeNanos(), TimestampPrecision.MILLIS);
        session.send();
    }

    private void copy(FixMessage message, int tag, FixEncoder into) {
        if (message.getString(tag, view)) {
            into.putBytes(tag, view.buffer(), view.offset(), view.length());
        }
    }
}
