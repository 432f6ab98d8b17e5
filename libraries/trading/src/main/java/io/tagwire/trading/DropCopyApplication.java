package io.tagwire.trading;

import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.MsgTypes;
import io.tagwire.codec.fix44.Tags;
import io.tagwire.session.Application;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Application} of a {@link TradingClient}'s drop-copy session (DropCopyFlag(9406)=Y
 * at Binance): every ExecutionReport(8) it receives goes to the same {@link OrderTracker} as
 * the order-entry session's, which ignores the copy of a report already applied (same
 * ExecID(17)). A drop copy that stays logged on while the order-entry connection is down
 * delivers what that connection missed, at venues that neither resend nor answer
 * OrderStatusRequest(H). Engine thread only.
 */
final class DropCopyApplication implements Application {
    private static final Logger LOG = LoggerFactory.getLogger(DropCopyApplication.class);

    private final OrderTracker tracker;
    private final LogonCustomizer logonCustomizer;
    private volatile String logonRefusal;

    DropCopyApplication(OrderTracker tracker, LogonCustomizer logonCustomizer) {
        this.tracker = tracker;
        this.logonCustomizer = logonCustomizer;
    }

    @Override
    public void toAdmin(OutboundMessage message, Session session) {
        if (message.message().msgTypeKey() == MsgTypes.Logon_KEY) {
            logonCustomizer.customize(message);
        }
    }

    @Override
    public void fromAdmin(FixMessage message, Session session) {
        if (message.msgTypeKey() == MsgTypes.Logout_KEY && session.status() == SessionStatus.LOGON_SENT) {
            String text = message.getString(Tags.Text);
            logonRefusal = text != null ? text : "a Logout without Text(58)";
            LOG.warn("{}: drop-copy Logon refused: {}", session.sessionId(), logonRefusal);
        }
    }

    @Override
    public void fromApp(FixMessage message, Session session) {
        if (message.msgTypeKey() == MsgTypes.ExecutionReport_KEY) {
            tracker.onExecutionReport(message, session.eventTimeNanos());
        }
    }

    /** The Text(58) of the Logout that last refused the drop copy's Logon, or null. */
    String logonRefusal() {
        return logonRefusal;
    }
}
