package io.tagwire.exchange;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.Tags;
import io.tagwire.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logged-on sessions, grouped by account, and what the exchange sends them besides
 * replies: every ExecutionReport(8) of an account goes to the order's own session, to the
 * account's drop-copy sessions and, at Binance (ResponseMode(25036) EVERYTHING, the
 * default), to the account's other order-entry sessions. Also the session-level answers
 * sent from the application: Reject(3), BusinessMessageReject(j), News(B).
 */
final class Sessions {
    private final Venue venue;
    private final Map<String, Integer> accountIds = new HashMap<>();
    private final List<List<OrderEntrySession>> accounts = new ArrayList<>();
    private final List<OrderEntrySession> loggedOn = new ArrayList<>();

    Sessions(Venue venue) {
        this.venue = venue;
    }

    /** The account's number, created on first use (cold: at Logon). */
    int account(String name) {
        return accountIds.computeIfAbsent(name, n -> {
            accounts.add(new ArrayList<>());
            return accounts.size() - 1;
        });
    }

    /** Cold (at Logon). A second Logon on a live session (ResetSeqNumFlag) does not register it twice. */
    void loggedOn(OrderEntrySession session) {
        loggedOut(session);
        accounts.get(session.account).add(session);
        loggedOn.add(session);
    }

    void loggedOut(OrderEntrySession session) {
        for (List<OrderEntrySession> account : accounts) {
            account.remove(session);
        }
        loggedOn.remove(session);
    }

    /** Every logged-on session; do not modify. */
    List<OrderEntrySession> loggedOn() {
        return loggedOn;
    }

    /** Sends the report to the order's session and the account's other receivers. No allocation. */
    void publish(Order order, Report report, long nowNanos) {
        OrderEntrySession owner = order.owner;
        if (owner != null) {
            send(owner, order, report, nowNanos);
        }
        List<OrderEntrySession> receivers = accounts.get(order.account);
        for (int i = 0; i < receivers.size(); i++) {
            OrderEntrySession receiver = receivers.get(i);
            if (receiver != owner && (receiver.dropCopy
                || venue == Venue.BINANCE_SPOT && receiver.everyExecutionReport)) {
                send(receiver, order, report, nowNanos);
            }
        }
    }

    /** Sends the report to one session only (OrderStatusRequest answers). */
    void send(OrderEntrySession target, Order order, Report report, long nowNanos) {
        Session session = target.session;
        if (!session.isLoggedOn()) {
            return;
        }
        FixEncoder encoder = session.newMessage("8", nowNanos);
        Reports.executionReport(encoder, target.style, order, report, nowNanos);
        session.send(nowNanos);
    }

    /**
     * A Reject(3) of an application message the exchange cannot act on (a required field
     * missing, a value it does not support), with Binance's ErrorCode(25016) when given.
     */
    void reject(OrderEntrySession target, FixMessage message, int sessionRejectReason, int refTagId,
                CharSequence text, int errorCode, long nowNanos) {
        Session session = target.session;
        FixEncoder reject = session.newMessage("3", nowNanos);
        reject.putInt(Tags.RefSeqNum, message.getInt(34, 0));
        if (refTagId > 0) {
            reject.putInt(Tags.RefTagID, refTagId);
        }
        reject.putString(Tags.RefMsgType, message.msgType());
        reject.putInt(Tags.SessionRejectReason, sessionRejectReason);
        reject.putString(Tags.Text, text);
        if (target.style.binance && errorCode != 0) {
            reject.putInt(Reports.ERROR_CODE, errorCode);
        }
        session.send(nowNanos);
    }

    /**
     * Refuses an order message on a drop-copy session: Binance answers with Reject(3) (its
     * dictionary has no BusinessMessageReject), others with BusinessMessageReject(j).
     */
    void refuseOnDropCopy(OrderEntrySession target, FixMessage message, long nowNanos) {
        String text = "Drop Copy sessions are read-only: order messages are not accepted.";
        if (target.style.binance) {
            reject(target, message, 99, 0, text, 0, nowNanos);
            return;
        }
        Session session = target.session;
        FixEncoder reject = session.newMessage("j", nowNanos);
        reject.putInt(Tags.RefSeqNum, message.getInt(34, 0));
        reject.putString(Tags.RefMsgType, message.msgType());
        // 4.4: Not authorized(6); 4.2 has no such value: Other(0)
        reject.putInt(Tags.BusinessRejectReason, target.style.fix42 ? 0 : 6);
        reject.putString(Tags.Text, text);
        session.send(nowNanos);
    }

    /** News(B) to every logged-on session: Headline(148), and LinesOfText(33) where the dictionary requires it. */
    void news(String headline, long nowNanos) {
        for (int i = 0; i < loggedOn.size(); i++) {
            Session session = loggedOn.get(i).session;
            if (!session.isLoggedOn()) {
                continue;
            }
            FixEncoder news = session.newMessage("B", nowNanos);
            news.putString(Tags.Headline, headline);
            if (!loggedOn.get(i).style.binance) {
                news.putInt(Tags.LinesOfText, 1).putString(Tags.Text, headline);
            }
            session.send(nowNanos);
        }
    }

    /** Logs every session out with {@code text} (the end of a maintenance countdown). */
    void logoutAll(String text, long nowNanos) {
        for (OrderEntrySession session : new ArrayList<>(loggedOn)) {
            session.session.logout(text, nowNanos);
        }
    }
}
