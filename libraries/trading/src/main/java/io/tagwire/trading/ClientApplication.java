package io.tagwire.trading;

import io.tagwire.codec.FixMessage;
import io.tagwire.codec.MsgTypeKey;
import io.tagwire.codec.fix44.MsgTypes;
import io.tagwire.codec.fix44.Tags;
import io.tagwire.session.Application;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.session.SessionStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Application} of a {@link TradingClient}'s session: feeds ExecutionReport(8),
 * OrderCancelReject(9), OrderMassCancelReport(r), Bybit's OrderAmendAck(XAA), BusinessMessageReject(j) and Reject(3)
 * of order requests to the tracker, signs the Logon through the customizer, and after a reconnect hands the open
 * orders to the reconciler. Engine thread only, except {@link #isLoopThread()}.
 */
final class ClientApplication implements Application {
    private static final Logger LOG = LoggerFactory.getLogger(ClientApplication.class);
    private static final int TAG_MASS_CANCEL_REJECT_REASON = 532;
    private static final int TAG_HEADLINE = 148;
    private static final long ORDER_AMEND_ACK_KEY = MsgTypeKey.of(AtomicReplaceAcks.ORDER_AMEND_ACK);

    private final OrderTracker tracker;
    private final LogonCustomizer logonCustomizer;
    private final Consumer<Session> onReconnect;
    private final Consumer<ClientApplication> onMaintenanceNews;
    private final Map<String, CompletableFuture<MassCancelReport>> massCancels = new HashMap<>();
    private final SentRequests sentRequests = new SentRequests();
    private final AtomicReplaceAcks atomicReplaceAcks;
    private volatile Thread loopThread;
    private Session session;
    private int logons;
    private volatile String logonRefusal;
    private volatile String lastLogoutText;

    ClientApplication(OrderTracker tracker, LogonCustomizer logonCustomizer, Consumer<Session> onReconnect,
                      Consumer<ClientApplication> onMaintenanceNews) {
        this.tracker = tracker;
        this.logonCustomizer = logonCustomizer;
        this.onReconnect = onReconnect;
        this.onMaintenanceNews = onMaintenanceNews;
        this.atomicReplaceAcks = new AtomicReplaceAcks(tracker);
    }

    @Override
    public void onCreate(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    /** Whether the caller is the engine's event-loop thread (known from the first callback on it). */
    boolean isLoopThread() {
        return Thread.currentThread() == loopThread;
    }

    @Override
    public void toAdmin(OutboundMessage message, Session session) {
        loopThread = Thread.currentThread();
        // msgTypeKey() is not set for admin messages: read the MsgType written
        if (message.message().msgTypeKey() == MsgTypes.Logon_KEY) {
            logonCustomizer.customize(message);
        }
    }

    /**
     * A request went out as {@code msgSeqNum}: for an order with its ClOrdID (a new order, a
     * cancel or replace), for an order without one (a status request), or for no order (a
     * mass cancel).
     */
    void sent(long msgSeqNum, Order order, String clOrdId) {
        sentRequests.sent(msgSeqNum, order, clOrdId);
    }

    /** A Bybit AtomicReplaceRequest(XAR) of this order went out; its OrderAmendAck(XAA) may not name it. */
    void atomicReplaceSent(Order order) {
        atomicReplaceAcks.sent(order);
    }

    /**
     * A Reject(3) of a request: RefSeqNum(45) names it, SessionRejectReason(373) and Text(58)
     * say why. A new order ends REJECTED, a cancel or replace is undone, a mass cancel's or
     * status request's future fails with {@link RequestRejected}.
     */
    @Override
    public void fromAdmin(FixMessage message, Session session) {
        if (message.msgTypeKey() == MsgTypes.Logout_KEY) {
            String text = message.getString(Tags.Text);
            lastLogoutText = text != null ? text : "";
            if (session.status() == SessionStatus.LOGON_SENT) {
                // a Logout answering our Logon: the venue's reason (bad key, bad signature, ...)
                logonRefusal = text != null ? text : "a Logout without Text(58)";
            }
            return;
        }
        if (message.msgTypeKey() != MsgTypes.Reject_KEY) {
            return;
        }
        int refSeqNum = message.getInt(Tags.RefSeqNum, -1);
        if (!sentRequests.has(refSeqNum)) {
            return;
        }
        Order order = sentRequests.order(refSeqNum);
        String clOrdId = sentRequests.clOrdId(refSeqNum);
        int reason = message.getInt(Tags.SessionRejectReason, -1);
        String text = message.getString(Tags.Text);
        if (order != null && clOrdId != null) {
            tracker.onRequestRejected(order, clOrdId, reason, text, session.eventTimeNanos());
            return;
        }
        CompletableFuture<?> pending;
        if (order != null) {
            synchronized (order) {
                pending = order.endStatusRequest();
            }
        } else {
            pending = massCancels.remove(clOrdId);
        }
        if (pending != null) {
            pending.completeExceptionally(new RequestRejected(reason, text));
        }
    }

    /** The Text(58) of the Logout that refused the last Logon, or null (none, or logged on since). */
    String logonRefusal() {
        return logonRefusal;
    }

    /** Text(58) of the last Logout(5) the venue sent ("" without one), or null if none came. */
    String lastLogoutText() {
        return lastLogoutText;
    }

    @Override
    public void onLogon(Session session) {
        loopThread = Thread.currentThread();
        logonRefusal = null;
        sentRequests.clear();
        atomicReplaceAcks.clear();
        logons++;
        if (logons > 1) {
            onReconnect.accept(session);
        }
    }

    @Override
    public void fromApp(FixMessage message, Session session) {
        long type = message.msgTypeKey();
        long now = session.eventTimeNanos();
        if (type == MsgTypes.ExecutionReport_KEY) {
            tracker.onExecutionReport(message, now);
        } else if (type == MsgTypes.OrderCancelReject_KEY) {
            tracker.onOrderCancelReject(message, now);
        } else if (type == ORDER_AMEND_ACK_KEY) {
            atomicReplaceAcks.onOrderAmendAck(message, now);
        } else if (type == MsgTypes.OrderMassCancelReport_KEY) {
            onMassCancelReport(message);
        } else if (type == MsgTypes.BusinessMessageReject_KEY) {
            onBusinessMessageReject(message, now);
        } else if (type == MsgTypes.News_KEY) {
            LOG.warn("{}: News(B) {}", session.sessionId(), message.getString(TAG_HEADLINE));
            onMaintenanceNews.accept(this);
        } else {
            LOG.debug("{}: ignored {}", session.sessionId(), message.msgType());
        }
    }

    void massCancelSent(String clOrdId, CompletableFuture<MassCancelReport> report) {
        massCancels.put(clOrdId, report);
    }

    private void onMassCancelReport(FixMessage message) {
        String clOrdId = message.getString(Tags.ClOrdID);
        CompletableFuture<MassCancelReport> pending = clOrdId == null ? null : massCancels.remove(clOrdId);
        if (pending != null) {
            pending.complete(new MassCancelReport(clOrdId, message.getChar(Tags.MassCancelResponse, '0') != '0',
                message.getInt(Tags.TotalAffectedOrders, -1), message.getInt(TAG_MASS_CANCEL_REJECT_REASON, -1),
                message.getString(Tags.Text)));
        }
    }

    /**
     * A venue refusing a request at the business level (an unsupported field, a missing
     * venue tag): BusinessRejectRefID(379) names the ClOrdID, RefMsgType(372) the request.
     */
    private void onBusinessMessageReject(FixMessage message, long now) {
        String refId = message.getString(Tags.BusinessRejectRefID);
        Order order = refId == null ? null : tracker.order(refId);
        String text = message.getString(Tags.Text);
        int reason = message.getInt(Tags.BusinessRejectReason, -1);
        if (order == null) {
            CompletableFuture<MassCancelReport> pending = refId == null ? null : massCancels.remove(refId);
            if (pending != null) {
                pending.complete(new MassCancelReport(refId, false, -1, reason, text));
            }
            return;
        }
        tracker.onRequestRejected(order, refId, reason, text, now);
    }
}
