package io.tagwire.trading;

import io.tagwire.session.Engine;
import io.tagwire.session.EngineBuilder;
import io.tagwire.session.SessionSettings;
import io.tagwire.trading.venue.AmendStyle;
import io.tagwire.trading.venue.ClOrdIdGenerator;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.RateLimit;
import io.tagwire.trading.venue.RecoveryPolicy;
import io.tagwire.trading.venue.Throttle;
import io.tagwire.trading.venue.VenueProfile;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Builds a {@link TradingClient}: the initiator session's settings (required), the order
 * listener, and the venue's ways: Logon fields and signature, ClOrdIDs, rate limit,
 * post-only instruction, reconciliation after reconnects.
 */
public final class TradingClientBuilder {
    private SessionSettings session;
    private OrderListener listener = OrderListener.NONE;
    private LogonCustomizer logonCustomizer = LogonCustomizer.NONE;
    private RequestThrottle throttle = RequestThrottle.UNLIMITED;
    private Supplier<String> clOrdIds;
    private boolean reconcileOnReconnect;
    private boolean orderStatusRequests = true;
    private char postOnlyExecInst = OrderRequests.EXEC_INST_POST_ONLY;
    private char postOnlyTimeInForce;
    private EngineBuilder engineBuilder = Engine.builder();
    private AmendStyle amendStyle = AmendStyle.CANCEL_REPLACE_REQUEST;
    private VenueProfile venue;
    private Credentials credentials;
    private SessionSettings dropCopy;
    private SessionSettings maintenanceSession;
    private LogonCustomizer dropCopyLogon = LogonCustomizer.NONE;

    TradingClientBuilder() {
    }

    /** The settings of the initiator session to trade on. */
    public TradingClientBuilder session(SessionSettings session) {
        this.session = Objects.requireNonNull(session, "session");
        return this;
    }

    /**
     * Trades the venue's way: its signer and Logon fields with these credentials, its
     * ClOrdID rule, its message limit as the throttle, its amend message, and status
     * requests after each reconnect for RECONNECT_AND_RECONCILE venues. The session settings
     * come from {@link VenueProfile#sessionSettings}; their BeginString must be the venue's.
     * Methods called after this one override what it set.
     */
    public TradingClientBuilder venue(VenueProfile profile, Credentials credentials) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(credentials, "credentials");
        this.venue = profile;
        this.credentials = credentials;
        this.logonCustomizer = logon -> {
            profile.signer().sign(logon, credentials);
            profile.addLogonFields(logon.encoder());
        };
        ClOrdIdGenerator generator = profile.newClOrdIdGenerator();
        this.clOrdIds = generator::next;
        this.throttle = profile.messageLimit().map(TradingClientBuilder::throttleOf).orElse(RequestThrottle.UNLIMITED);
        this.amendStyle = profile.amendStyle();
        this.postOnlyExecInst = profile.postOnlyExecInst();
        this.postOnlyTimeInForce = profile.postOnlyTimeInForce();
        this.reconcileOnReconnect = profile.recoveryPolicy() == RecoveryPolicy.RECONNECT_AND_RECONCILE;
        this.orderStatusRequests = profile.orderStatusRequest();
        return this;
    }

    private static RequestThrottle throttleOf(RateLimit limit) {
        Throttle throttle = limit.newThrottle();
        return throttle::tryAcquire;
    }

    /**
     * Adds a drop-copy session on the same engine, signed the drop-copy profile's way
     * (e.g. {@code binance-spot-dropcopy}, which adds DropCopyFlag(9406)=Y) with the
     * credentials given to {@link #venue}: its ExecutionReports feed the same orders,
     * copies of reports already applied (same ExecID) are ignored. With a drop copy, a
     * reconnect sends no OrderStatusRequest(H): the drop copy, logged on while the
     * order-entry connection was down, brought what it missed. Its SenderCompID must differ
     * from the order-entry session's.
     */
    public TradingClientBuilder dropCopy(VenueProfile dropCopyProfile, SessionSettings settings) {
        Objects.requireNonNull(dropCopyProfile, "dropCopyProfile");
        if (credentials == null) {
            throw new IllegalStateException("call venue(profile, credentials) before dropCopy(profile, settings)");
        }
        Credentials signWith = credentials;
        dropCopyProfile.checkCredentials(signWith, settings.sessionId().senderCompId());
        return dropCopy(settings, logon -> {
            dropCopyProfile.signer().sign(logon, signWith);
            dropCopyProfile.addLogonFields(logon.encoder());
        });
    }

    /** A drop-copy session as {@link #dropCopy(VenueProfile, SessionSettings)}, its Logon fields added by {@code logon}. */
    public TradingClientBuilder dropCopy(SessionSettings settings, LogonCustomizer logon) {
        this.dropCopy = Objects.requireNonNull(settings, "settings");
        this.dropCopyLogon = Objects.requireNonNull(logon, "logon");
        return this;
    }

    /**
     * A second order-entry session (another SenderCompID, the same venue and Logon), logged
     * on beside the first. When the session in use gets a News(B) (Binance's maintenance
     * notice, sent every 10 s until the server disconnects), requests move to the other one
     * and the warned session logs out: the new session is open before the old one closes.
     * The engine logs the warned session on again later, as the standby.
     */
    public TradingClientBuilder maintenanceSession(SessionSettings standby) {
        this.maintenanceSession = Objects.requireNonNull(standby, "standby");
        return this;
    }

    /** How {@link TradingClient#amend} changes an order; G by default, the venue's with {@link #venue}. */
    public TradingClientBuilder amendStyle(AmendStyle amendStyle) {
        this.amendStyle = Objects.requireNonNull(amendStyle, "amendStyle");
        return this;
    }

    /** Told of every order change, on the engine thread (see {@link OrderListener}). */
    public TradingClientBuilder listener(OrderListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Adds the venue's Logon(A) fields and signature. */
    public TradingClientBuilder logon(LogonCustomizer logonCustomizer) {
        this.logonCustomizer = Objects.requireNonNull(logonCustomizer, "logonCustomizer");
        return this;
    }

    /** The local rate limit; unlimited by default. */
    public TradingClientBuilder throttle(RequestThrottle throttle) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        return this;
    }

    /**
     * Where ClOrdIDs come from (called under a lock, from any thread). By default the
     * client's start time in base 36, a dash and a counter: {@code lq2x9k1c-17}, unique
     * across restarts and within every venue's ClOrdID rule.
     */
    public TradingClientBuilder clOrdIds(Supplier<String> clOrdIds) {
        this.clOrdIds = Objects.requireNonNull(clOrdIds, "clOrdIds");
        return this;
    }

    /**
     * Whether to reconcile open orders after each reconnect: an OrderStatusRequest(H) for each,
     * or, at a venue without H and without a drop copy, marking them
     * ({@link Order#needsReconciliation()}).
     */
    public TradingClientBuilder reconcileOnReconnect(boolean reconcile) {
        this.reconcileOnReconnect = reconcile;
        return this;
    }

    /**
     * Whether the venue answers OrderStatusRequest(H); true by default, the venue's with
     * {@link #venue}. Without it, {@link TradingClient#status} fails locally and no H is sent.
     */
    public TradingClientBuilder orderStatusRequests(boolean answered) {
        this.orderStatusRequests = answered;
        return this;
    }

    /**
     * The ExecInst(18) value that makes an order post-only; 6 (Participate don't initiate) by
     * default, the venue's with {@link #venue}. Call after {@link #venue} to override it.
     */
    public TradingClientBuilder postOnlyExecInst(char execInst) {
        this.postOnlyExecInst = execInst;
        return this;
    }

    /** An engine builder with a clock or message stores of your choice; sessions and application are set here. */
    public TradingClientBuilder engine(EngineBuilder engineBuilder) {
        this.engineBuilder = Objects.requireNonNull(engineBuilder, "engineBuilder");
        return this;
    }

    /**
     * The client, its engine created but not started.
     *
     * @throws IllegalArgumentException without a session, or with an acceptor session
     * @throws IllegalStateException if the venue's credentials cannot sign its Logon
     */
    public TradingClient build() {
        if (session == null) {
            throw new IllegalArgumentException("no session: call session(settings) with an initiator's settings");
        }
        if (!session.isInitiator()) {
            throw new IllegalArgumentException(session.sessionId()
                + " is an acceptor; a TradingClient needs an initiator");
        }
        if (venue != null && !venue.beginString().equals(session.sessionId().beginString())) {
            throw new IllegalArgumentException(venue.name() + " speaks " + venue.beginString() + ", the session "
                + session.sessionId() + " does not: build its settings with the profile's sessionSettings(...)");
        }
        if (venue != null) {
            venue.checkCredentials(credentials, session.sessionId().senderCompId());
        }
        if (maintenanceSession != null && (!maintenanceSession.isInitiator()
            || maintenanceSession.sessionId().equals(session.sessionId())
            || !maintenanceSession.sessionId().beginString().equals(session.sessionId().beginString()))) {
            throw new IllegalArgumentException("the maintenance session " + maintenanceSession.sessionId()
                + " must be an initiator of the same FIX version with another SenderCompID");
        }
        if (dropCopy != null && (!dropCopy.isInitiator() || dropCopy.sessionId().equals(session.sessionId()))) {
            throw new IllegalArgumentException("the drop copy " + dropCopy.sessionId()
                + " must be an initiator session other than the order-entry session");
        }
        if (clOrdIds == null) {
            String prefix = Long.toString(System.currentTimeMillis(), 36) + "-";
            AtomicLong next = new AtomicLong();
            clOrdIds = () -> prefix + next.incrementAndGet();
        }
        return new TradingClient(this);
    }

    SessionSettings session() {
        return session;
    }

    SessionSettings maintenanceSession() {
        return maintenanceSession;
    }

    SessionSettings dropCopy() {
        return dropCopy;
    }

    LogonCustomizer dropCopyLogon() {
        return dropCopyLogon;
    }

    OrderListener listener() {
        return listener;
    }

    LogonCustomizer logonCustomizer() {
        return logonCustomizer;
    }

    RequestThrottle throttle() {
        return throttle;
    }

    Supplier<String> clOrdIds() {
        return clOrdIds;
    }

    boolean reconcileOnReconnect() {
        return reconcileOnReconnect;
    }

    boolean orderStatusRequests() {
        return orderStatusRequests;
    }

    /** The venue's name for messages, or "the venue". */
    String venueName() {
        return venue == null ? "the venue" : venue.name();
    }

    char postOnlyExecInst() {
        return postOnlyExecInst;
    }

    char postOnlyTimeInForce() {
        return postOnlyTimeInForce;
    }

    AmendStyle amendStyle() {
        return amendStyle;
    }

    EngineBuilder engineBuilder() {
        return engineBuilder;
    }
}
