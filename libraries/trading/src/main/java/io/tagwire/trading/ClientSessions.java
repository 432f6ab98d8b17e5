package io.tagwire.trading;

import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.Session;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of one {@link TradingClient} on its engine: the order-entry session, an
 * optional maintenance session (the standby that News(B) moves requests to) and an optional
 * drop copy, all feeding one {@link OrderTracker}. Decides what a reconnect and a
 * maintenance notice do; callbacks run on the engine thread.
 */
final class ClientSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSessions.class);

    final Engine engine;
    final ClientApplication primary;
    private final ClientApplication standby;
    private final DropCopyApplication dropCopy;
    private final OrderTracker tracker;
    private final String venueName;
    private final List<SessionID> ids = new ArrayList<>();
    private volatile SessionID active;
    private RequestSender sender;

    ClientSessions(TradingClientBuilder builder, OrderTracker tracker) {
        SessionSettings dropCopySettings = builder.dropCopy();
        SessionSettings standbySettings = builder.maintenanceSession();
        // with a drop copy, what the order-entry connection missed arrives there: no status requests
        boolean reconcile = builder.reconcileOnReconnect() && dropCopySettings == null;
        // a venue without H (Binance) refuses each one, and they count toward its message limit
        Consumer<Session> onReconnect = !reconcile ? session -> { }
            : builder.orderStatusRequests() ? this::reconcile : this::markNeedsReconciliation;
        this.tracker = tracker;
        this.venueName = builder.venueName();
        Consumer<ClientApplication> onNews = standbySettings != null ? this::onMaintenanceNews : warned -> { };
        this.primary = new ClientApplication(tracker, builder.logonCustomizer(), onReconnect, onNews);
        this.standby = standbySettings == null ? null
            : new ClientApplication(tracker, builder.logonCustomizer(), onReconnect, onNews);
        this.dropCopy = dropCopySettings == null ? null : new DropCopyApplication(tracker, builder.dropCopyLogon());
        Map<SessionID, Application> applications = new HashMap<>();
        List<SessionSettings> sessions = new ArrayList<>();
        add(builder.session(), primary, sessions, applications);
        add(standbySettings, standby, sessions, applications);
        add(dropCopySettings, dropCopy, sessions, applications);
        this.engine = builder.engineBuilder().sessions(sessions).applications(applications::get).build();
        this.active = builder.session().sessionId();
    }

    private void add(SessionSettings settings, Application application, List<SessionSettings> sessions,
                     Map<SessionID, Application> applications) {
        if (settings != null) {
            sessions.add(settings);
            ids.add(settings.sessionId());
            applications.put(settings.sessionId(), application);
        }
    }

    /** Set once, before the engine starts. */
    void sender(RequestSender requestSender) {
        this.sender = requestSender;
    }

    /** The order-entry session requests go out on. */
    SessionID active() {
        return active;
    }

    /** Every session of the client, order entry first. */
    List<SessionID> ids() {
        return ids;
    }

    SessionID dropCopyId() {
        return dropCopy == null ? null : ids.get(ids.size() - 1);
    }

    /** The venue's Text(58) refusing the latest Logon of any session, or null. */
    String logonRefusal() {
        String refusal = primary.logonRefusal();
        if (refusal == null && standby != null) {
            refusal = standby.logonRefusal();
        }
        if (refusal == null && dropCopy != null && !engine.isLoggedOn(dropCopyId())) {
            refusal = dropCopy.logonRefusal();
        }
        return refusal;
    }

    private void reconcile(Session session) {
        // a standby that logs on again has nothing to reconcile: the active session got every report
        if (session == sender.active().session()) {
            sender.reconcile();
        }
    }

    private void markNeedsReconciliation(Session session) {
        if (session == sender.active().session()) {
            int open = tracker.markNeedsReconciliation(session.eventTimeNanos());
            if (open > 0) {
                LOG.warn("{} logged on again: {} open orders may have changed meanwhile (Order.needsReconciliation());"
                    + " {} does not answer OrderStatusRequest(H): attach a drop copy to reconcile",
                    session.sessionId(), open, venueName);
            }
        }
    }

    /**
     * A News(B) on an order-entry session: if it is the one in use and the other is logged
     * on, requests move to the other, then the warned one logs out (Binance: "open a new
     * session and then close the old one"). The engine reconnects it later as the standby.
     */
    private void onMaintenanceNews(ClientApplication warned) {
        if (warned != sender.active()) {
            return;
        }
        ClientApplication next = warned == primary ? standby : primary;
        if (!next.session().isLoggedOn()) {
            LOG.warn("{}: maintenance News(B), but {} is not logged on to move to", warned.session().sessionId(),
                next.session().sessionId());
            return;
        }
        sender.use(next);
        active = next.session().sessionId();
        LOG.warn("{}: maintenance News(B): orders now go out on {}; logging out", warned.session().sessionId(),
            active);
        warned.session().logout("Maintenance: moved to a new session", engine.nowNanos());
    }
}
