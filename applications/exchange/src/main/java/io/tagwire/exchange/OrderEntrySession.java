package io.tagwire.exchange;

import io.tagwire.codec.FieldFormatException;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.FixValues;
import io.tagwire.codec.MsgTypeKey;
import io.tagwire.session.Application;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.trading.venue.LogonVerifiers;

/**
 * One client session of the simulator, order entry or drop copy (DropCopyFlag(9406)=Y in
 * its Logon): the venue's Logon checks, the message limit, and the order messages handed
 * to the {@link Exchange}. Drop-copy sessions only receive; order messages there are refused.
 */
final class OrderEntrySession implements Application {
    /** DropCopyFlag(9406), Binance and Coinbase. */
    static final int DROP_COPY_FLAG = 9406;
    /** Binance's ResponseMode(25036): 1 every ExecutionReport of the account, 2 only acks. */
    static final int RESPONSE_MODE = 25036;
    /** Coinbase's CancelOrdersOnDisconnect(8013): S cancels this session's orders, Y all of the account's. */
    static final int CANCEL_ORDERS_ON_DISCONNECT = 8013;
    /** Binance's UUID(25037) in its Logon reply. */
    static final int UUID = 25037;
    private static final long XCN = MsgTypeKey.of("XCN");

    private final SimulatorContext context;
    private final Exchange exchange;
    private final Sessions sessions;
    Session session;
    ReportStyle style;
    int account = -1;
    boolean dropCopy;
    boolean everyExecutionReport = true;
    /** 0, or CancelOrdersOnDisconnect(8013) from the Logon: 'S' or 'Y'. */
    char cancelOnDisconnect;
    private MessageRateLimit rateLimit;
    private boolean limitBreached;

    OrderEntrySession(SimulatorContext context) {
        this.context = context;
        this.exchange = context.exchange;
        this.sessions = context.sessions;
    }

    @Override
    public void onCreate(Session session) {
        this.session = session;
        this.style = new ReportStyle(context.venue, session.sessionId().beginString());
        if (context.messageLimit > 0) {
            rateLimit = new MessageRateLimit(context.messageLimit, context.messageWindowNanos);
        }
    }

    @Override
    public void fromAdmin(FixMessage message, Session session) {
        if (message.msgTypeKey() == 'A') {
            onLogonRequest(message);
        } else {
            withinLimit();
        }
    }

    /** Cold: once per Logon; allocates. */
    private void onLogonRequest(FixMessage logon) {
        String refusal = context.verify(logon);
        if (refusal == null && style.binance) {
            refusal = binanceHeartBtInt(logon);
        }
        if (refusal != null) {
            session.rejectLogon(refusal);
            return;
        }
        try {
            dropCopy = logon.getBoolean(DROP_COPY_FLAG, false);
            everyExecutionReport = logon.getInt(RESPONSE_MODE, 1) != 2;
            char cancel = logon.getChar(CANCEL_ORDERS_ON_DISCONNECT, 'N');
            cancelOnDisconnect = cancel == 'S' || cancel == 'Y' ? cancel : 0;
        } catch (FieldFormatException e) {
            session.rejectLogon(e.getMessage());
            return;
        }
        String apiKey = logon.getString(553);
        account = sessions.account(context.accountOf(apiKey != null ? apiKey : session.sessionId().targetCompId()));
    }

    /** Binance: HeartBtInt(108) "Required to be within range [5, 60]" (fix-api.md, Logon). */
    private static String binanceHeartBtInt(FixMessage logon) {
        int index = logon.indexOf(108);
        if (index < 0) {
            return LogonVerifiers.binanceRequiredTagMissing(108);
        }
        if (!FixValues.isInt(logon.buffer(), logon.valueOffset(index), logon.valueLength(index))
            || logon.intAt(index) < 5 || logon.intAt(index) > 60) {
            return LogonVerifiers.binanceMalformed(108);
        }
        return null;
    }

    @Override
    public void onLogon(Session session) {
        limitBreached = false;
        if (rateLimit != null) {
            rateLimit.reset();
        }
        sessions.loggedOn(this);
    }

    @Override
    public void onLogout(Session session) {
        sessions.loggedOut(this);
        if (cancelOnDisconnect != 0) {
            exchange.cancelOnDisconnect(this, cancelOnDisconnect == 'Y', session.eventTimeNanos());
        }
    }

    @Override
    public void toAdmin(OutboundMessage message, Session session) {
        if (style.binance && message.message().msgTypeKey() == 'A') {
            message.encoder().putString(UUID, context.serverUuid);
        }
    }

    @Override
    public void fromApp(FixMessage message, Session session) {
        if (!withinLimit()) {
            return;
        }
        long type = message.msgTypeKey();
        boolean orderMessage = type == 'D' || type == 'F' || type == 'G' || type == 'H' || type == 'q' || type == XCN;
        if (!orderMessage) {
            session.rejectUnsupportedMessageType(message);
            return;
        }
        if (dropCopy) {
            sessions.refuseOnDropCopy(this, message, session.eventTimeNanos());
            return;
        }
        try {
            dispatch(type, message);
        } catch (FieldFormatException e) {
            sessions.reject(this, message, 6, e.tag(), "Incorrect data format for value", -1100,
                session.eventTimeNanos());
        }
    }

    private void dispatch(long type, FixMessage message) {
        if (type == 'D') {
            exchange.newOrderSingle(this, message);
        } else if (type == 'F') {
            exchange.orderCancelRequest(this, message);
        } else if (type == 'q') {
            exchange.orderMassCancelRequest(this, message);
        } else if (type == XCN && style.binance) {
            exchange.orderCancelRequestAndNewOrderSingle(this, message);
        } else if (type == 'G' && !style.binance) {
            exchange.orderCancelReplaceRequest(this, message);
        } else if (type == 'H' && !style.binance) {
            exchange.orderStatusRequest(this, message);
        } else {
            // Binance has no G and no H; XCN is Binance's alone
            session.rejectUnsupportedMessageType(message);
        }
    }

    /**
     * Counts an inbound message against the venue's limit; on the first message too many,
     * a Logout(5) saying so, and nothing more from this connection is acted on.
     */
    private boolean withinLimit() {
        if (limitBreached) {
            return false;
        }
        if (rateLimit == null || rateLimit.tryAcquire(session.eventTimeNanos())) {
            return true;
        }
        limitBreached = true;
        session.logout(context.limitText, session.eventTimeNanos());
        return false;
    }
}
