package io.tagwire.trading;

import io.tagwire.session.Engine;
import io.tagwire.session.EngineBuilder;
import io.tagwire.session.SessionSettings;
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
    private char postOnlyExecInst = OrderRequests.EXEC_INST_POST_ONLY;
    private EngineBuilder engineBuilder = Engine.builder();

    TradingClientBuilder() {
    }

    /** The settings of the initiator session to trade on. */
    public TradingClientBuilder session(SessionSettings session) {
        this.session = Objects.requireNonNull(session, "session");
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

    /** Whether to send an OrderStatusRequest(H) for every open order after each reconnect. */
    public TradingClientBuilder reconcileOnReconnect(boolean reconcile) {
        this.reconcileOnReconnect = reconcile;
        return this;
    }

    /** The ExecInst(18) value that makes an order post-only; 6 (Participate don't initiate) by default. */
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
     */
    public TradingClient build() {
        if (session == null) {
            throw new IllegalArgumentException("no session: call session(settings) with an initiator's settings");
        }
        if (!session.isInitiator()) {
            throw new IllegalArgumentException(session.sessionId() + " is an acceptor; a TradingClient needs an initiator");
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

    char postOnlyExecInst() {
        return postOnlyExecInst;
    }

    EngineBuilder engineBuilder() {
        return engineBuilder;
    }
}
