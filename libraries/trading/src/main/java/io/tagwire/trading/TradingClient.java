package io.tagwire.trading;

import io.tagwire.session.Engine;
import io.tagwire.session.SessionID;
import io.tagwire.trading.venue.AmendStyle;
import io.tagwire.trading.venue.VenueProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Places, cancels and amends orders over one FIX initiator session and keeps their state.
 *
 * <pre>{@code
 * try (TradingClient client = TradingClient.builder().session(settings).listener(order -> ...).build()) {
 *     client.start();
 *     client.awaitLoggedOn(Duration.ofSeconds(10));
 *     Order order = client.placeLimit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("60000"),
 *         TimeInForce.GOOD_TILL_CANCEL, false);
 *     order.acknowledged().get(5, TimeUnit.SECONDS);
 *     client.cancel(order);
 * }
 * }</pre>
 *
 * <p>Every method may be called from any thread. Requests are built and sent on the
 * engine's event-loop thread (handed over with {@link Engine#execute}, or at once when
 * called from a listener), so the answer to "was it sent?" is never lost: a request the
 * client cannot send (rate limit, session not logged on, too many requests waiting)
 * fails with {@link OrderRejectedLocally}, and a new order refused so ends REJECTED with
 * {@link Order#rejectedLocally()}. Nothing is dropped silently. The {@link OrderListener}
 * and every future complete on the engine thread.
 *
 * <p>After a reconnect, if so configured (venues that reset sequence numbers at logon
 * and never resend, such as Coinbase and Bybit), the client sends an
 * OrderStatusRequest(H) for every open order so that their state is reconciled; with a
 * drop-copy session (Binance, which has no H) the drop copy's reports reconcile instead.
 * With a maintenance session, a News(B) moves requests to it before the warned session
 * logs out.
 */
public final class TradingClient implements AutoCloseable {
    private final Engine engine;
    private final OrderTracker tracker;
    private final ClientSessions sessions;
    private final ClientApplication application;
    private final RequestSender sender;
    private final AmendStyle amendStyle;
    private final Supplier<String> clOrdIds;
    private final int maxWaitingRequests;
    private final String noStatusRequests;
    private final AtomicInteger waitingRequests = new AtomicInteger();

    TradingClient(TradingClientBuilder builder) {
        this.tracker = new OrderTracker(new Positions(), builder.listener());
        this.amendStyle = builder.amendStyle();
        this.clOrdIds = builder.clOrdIds();
        this.maxWaitingRequests = builder.session().sendQueueCapacity();
        this.noStatusRequests = builder.orderStatusRequests() ? null : builder.venueName()
            + " does not answer OrderStatusRequest(H): a drop copy (dropCopy(...)) reports every order's changes";
        this.sessions = new ClientSessions(builder, tracker);
        this.engine = sessions.engine;
        this.application = sessions.primary;
        // the sender exists before the first logon can call back
        this.sender = new RequestSender(engine, tracker, application,
            new OrderRequests(builder.session().sessionId().beginString(), builder.postOnlyExecInst(),
                builder.postOnlyTimeInForce(), amendStyle),
            builder.throttle(), this::nextClOrdId);
        sessions.sender(sender);
    }

    /**
     * The orders marked {@link Order#needsReconciliation()} (open across a reconnect at a venue
     * that cannot be asked their state); from any thread. This method allocates memory.
     */
    public List<Order> ordersNeedingReconciliation() {
        List<Order> marked = new ArrayList<>();
        for (Order order : tracker.orders()) {
            if (order.needsReconciliation()) {
                marked.add(order);
            }
        }
        return marked;
    }

    public static TradingClientBuilder builder() {
        return new TradingClientBuilder();
    }

    /** Starts the engine, which connects and logs on (and reconnects after a failure). */
    public void start() throws IOException {
        engine.start();
    }

    /** Waits until the session is logged on; false after {@code timeout}. Not from the engine thread. */
    public boolean awaitLoggedOn(Duration timeout) throws InterruptedException {
        return engine.awaitLoggedOn(sessionId(), timeout);
    }

    /** Whether the session orders go out on is logged on. */
    public boolean isLoggedOn() {
        return engine.isLoggedOn(sessionId());
    }

    /**
     * Starts the engine and waits until every session of the client (order entry, maintenance
     * session and drop copy, if any) is logged on.
     *
     * @throws LogonRefusedException if the venue answers a Logon with a Logout; its message is
     *     the venue's Text(58), e.g. {@code Signature for this request is not valid.}
     * @throws IOException if not logged on within {@code timeout}, or the port cannot be reached
     */
    public void connect(Duration timeout) throws IOException, InterruptedException {
        start();
        long deadline = System.nanoTime() + timeout.toNanos();
        // awaited in slices so that a refused Logon ends the wait at once
        Duration slice = Duration.ofMillis(20);
        while (true) {
            String refusal = logonRefusal();
            if (refusal != null) {
                throw new LogonRefusedException(refusal);
            }
            boolean all = true;
            for (SessionID id : sessions.ids()) {
                all = all && engine.awaitLoggedOn(id, slice);
            }
            if (all) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("not logged on to all of " + sessions.ids() + " within " + timeout);
            }
        }
    }

    /**
     * The Text(58) of the Logout with which the venue refused the latest Logon of the
     * order-entry session or the drop copy (bad key or signature, ...); null if none was
     * refused since the last successful Logon.
     */
    public String logonRefusal() {
        return sessions.logonRefusal();
    }

    /**
     * The Text(58) of the last Logout(5) the venue sent on the order-entry session (a
     * breached message limit, maintenance, a refused Logon), "" if it had none; null if the
     * venue never logged the client out.
     */
    public String lastLogoutText() {
        return sender.active().lastLogoutText();
    }

    /** The drop-copy session's ID, or null without one. */
    public SessionID dropCopySessionId() {
        return sessions.dropCopyId();
    }

    /** A limit order; {@code postOnly} adds the venue's post-only instruction. Prices and quantities as mantissas. */
    public Order placeLimit(String symbol, Side side, long qty, long price, TimeInForce tif, boolean postOnly) {
        return place(symbol, side, OrdType.LIMIT, qty, price, tif, postOnly);
    }

    /** {@code placeLimit} with decimals; see {@link FixedPoint#of(BigDecimal)}. */
    public Order placeLimit(String symbol, Side side, BigDecimal qty, BigDecimal price, TimeInForce tif,
                            boolean postOnly) {
        return placeLimit(symbol, side, FixedPoint.of(qty), FixedPoint.of(price), tif, postOnly);
    }

    /** A market order. */
    public Order placeMarket(String symbol, Side side, long qty, TimeInForce tif) {
        return place(symbol, side, OrdType.MARKET, qty, 0, tif, false);
    }

    public Order placeMarket(String symbol, Side side, BigDecimal qty, TimeInForce tif) {
        return placeMarket(symbol, side, FixedPoint.of(qty), tif);
    }

    private Order place(String symbol, Side side, OrdType type, long qty, long price, TimeInForce tif,
                        boolean postOnly) {
        Objects.requireNonNull(tif, "tif");
        if (symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("symbol must not be empty");
        }
        if (side == null || side == Side.OTHER) {
            throw new IllegalArgumentException("side must be BUY or SELL, was " + side);
        }
        if (tif == TimeInForce.OTHER) {
            throw new IllegalArgumentException("choose a TimeInForce other than OTHER");
        }
        if (qty <= 0 || type == OrdType.LIMIT && price <= 0) {
            throw new IllegalArgumentException("quantity and limit price must be positive, were "
                + FixedPoint.toString(qty) + " and " + FixedPoint.toString(price));
        }
        Order order = new Order(nextClOrdId(), symbol, side, type, tif, postOnly, qty, price, false,
            OrderState.PENDING_NEW, 0);
        submit(() -> sender.sendNew(order), reason -> tracker.rejectLocally(order, reason, 0));
        return order;
    }

    /**
     * Sends an OrderCancelRequest(F). The future completes with the order when the venue
     * answers (CANCELED, or back to its state after an OrderCancelReject(9): see
     * {@link Order#rejectReason()}), or fails with {@link OrderRejectedLocally}.
     */
    public CompletableFuture<Order> cancel(Order order) {
        return request(order, OrderState.PENDING_CANCEL, 0, 0);
    }

    /**
     * Changes quantity and price the venue's way ({@link VenueProfile#amendStyle()}).
     *
     * <p>With OrderCancelReplaceRequest(G), the default, the future completes as for
     * {@link #cancel}; once accepted, the order has a new ClOrdID and the new terms.
     *
     * <p>With cancel-then-new (Binance XCN, stop on failure) the venue ends the order and
     * places another: the future completes with the new {@link Order} once it is
     * acknowledged. If the cancel is refused, the old order keeps its state and the new one
     * ends REJECTED without having been placed.
     *
     * <p>With Bybit's AtomicReplaceRequest(XAR) the order keeps its ClOrdID and is
     * PENDING_REPLACE until the OrderAmendAck(XAA): accepted, it takes the new terms; refused,
     * it returns to its state with the reason. The future completes with the order either way.
     *
     * <p>Venues whose amend message this client does not send fail the future with
     * {@link OrderRejectedLocally}: cancel and place instead.
     */
    public CompletableFuture<Order> amend(Order order, long newQty, long newPrice) {
        if (newQty <= 0 || order.ordType() == OrdType.LIMIT && newPrice <= 0) {
            throw new IllegalArgumentException("quantity and limit price must be positive");
        }
        switch (amendStyle) {
            case CANCEL_REPLACE_REQUEST:
                return request(order, OrderState.PENDING_REPLACE, newQty, newPrice);
            case CANCEL_AND_NEW_ORDER:
                return cancelAndNew(order, newQty, newPrice);
            case ATOMIC_REPLACE_REQUEST:
                return atomicReplace(order, newQty, newPrice);
            default:
                return CompletableFuture.failedFuture(new OrderRejectedLocally("this venue amends with "
                    + amendStyle + (amendStyle.msgType() == null ? "" : " (" + amendStyle.msgType() + ")")
                    + ", which this client does not send: cancel and place a new order"));
        }
    }

    public CompletableFuture<Order> amend(Order order, BigDecimal newQty, BigDecimal newPrice) {
        return amend(order, FixedPoint.of(newQty), FixedPoint.of(newPrice));
    }

    private CompletableFuture<Order> cancelAndNew(Order order, long qty, long price) {
        Order replacement = new Order(nextClOrdId(), order.symbol(), order.side(), order.ordType(),
            order.timeInForce(), order.postOnly(), qty, price, false, OrderState.PENDING_NEW, 0);
        String cancelClOrdId = nextClOrdId();
        CompletableFuture<Order> answer = new CompletableFuture<>();
        submit(() -> sender.sendCancelAndNew(order, cancelClOrdId, replacement, answer),
            reason -> answer.completeExceptionally(new OrderRejectedLocally(reason)));
        return answer;
    }

    private CompletableFuture<Order> atomicReplace(Order order, long qty, long price) {
        CompletableFuture<Order> answer = new CompletableFuture<>();
        submit(() -> sender.sendAtomicReplace(order, qty, price, answer),
            reason -> answer.completeExceptionally(new OrderRejectedLocally(reason)));
        return answer;
    }

    private CompletableFuture<Order> request(Order order, OrderState pendingState, long qty, long price) {
        CompletableFuture<Order> answer = new CompletableFuture<>();
        String clOrdId = nextClOrdId();
        submit(() -> sender.sendRequest(order, pendingState, clOrdId, qty, price, answer),
            reason -> answer.completeExceptionally(new OrderRejectedLocally(reason)));
        return answer;
    }

    /**
     * Cancels every order of a symbol with an OrderMassCancelRequest(q); the future completes
     * with the venue's OrderMassCancelReport(r). The orders' own cancels arrive as
     * ExecutionReports. On FIX 4.2 (no q) each open order of the symbol gets a cancel.
     */
    public CompletableFuture<MassCancelReport> massCancel(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        CompletableFuture<MassCancelReport> report = new CompletableFuture<>();
        String clOrdId = nextClOrdId();
        submit(() -> sender.sendMassCancel(clOrdId, symbol, report),
            reason -> report.completeExceptionally(new OrderRejectedLocally(reason)));
        return report;
    }

    /**
     * Sends an OrderStatusRequest(H); the future completes with the order at the next report about it.
     * At a venue without H (Binance) it fails at once with {@link OrderRejectedLocally} saying so.
     */
    public CompletableFuture<Order> status(Order order) {
        CompletableFuture<Order> answer = new CompletableFuture<>();
        if (noStatusRequests != null) {
            answer.completeExceptionally(new OrderRejectedLocally(noStatusRequests));
            return answer;
        }
        submit(() -> {
            CompletableFuture<Order> waiting;
            synchronized (order) {
                waiting = order.statusRequest(answer);
            }
            String refused = sender.sendStatus(order);
            if (refused != null) {
                if (waiting == answer) {
                    synchronized (order) {
                        order.endStatusRequest();
                    }
                }
                answer.completeExceptionally(new OrderRejectedLocally(refused));
            } else if (waiting != answer) {
                // a status request was already waiting: both are answered by the next report
                waiting.whenComplete((o, e) -> {
                    if (e != null) {
                        answer.completeExceptionally(e);
                    } else {
                        answer.complete(o);
                    }
                });
            }
        }, reason -> answer.completeExceptionally(new OrderRejectedLocally(reason)));
        return answer;
    }

    /** Every order, this client's and those it learned of, oldest first. This method allocates memory. */
    public List<Order> orders() {
        return tracker.orders();
    }

    /**
     * Forgets finished orders (see {@link OrderTracker#forgetFinished()}) on the engine
     * thread; the future gives how many.
     */
    public CompletableFuture<Integer> forgetFinishedOrders() {
        CompletableFuture<Integer> forgotten = new CompletableFuture<>();
        engine.execute(() -> forgotten.complete(tracker.forgetFinished()))
            .whenComplete((done, failure) -> {
                if (failure != null) {
                    forgotten.completeExceptionally(failure);
                }
            });
        return forgotten;
    }

    public Positions positions() {
        return tracker.positions();
    }

    /** The order-entry session requests go out on (the maintenance session after a switch). */
    public SessionID sessionId() {
        return sessions.active();
    }

    /** The engine, for what this API does not cover (logout, disconnect, session access on its thread). */
    public Engine engine() {
        return engine;
    }

    /** Logs out and stops the engine. */
    @Override
    public void close() {
        engine.close();
    }

    // ---- on the engine thread --------------------------------------------------------------

    private interface Refusal {
        void refuse(String reason);
    }

    /** Runs the task on the engine thread: now if called there, else through execute, bounded. */
    private void submit(Runnable task, Refusal refusal) {
        if (application.isLoopThread()) {
            task.run();
            return;
        }
        if (waitingRequests.incrementAndGet() > maxWaitingRequests) {
            waitingRequests.decrementAndGet();
            refusal.refuse("too many requests waiting for the engine thread (SendQueueCapacity "
                + maxWaitingRequests + ")");
            return;
        }
        Handoff handoff = new Handoff(task);
        engine.execute(handoff).whenComplete((done, failure) -> {
            if (failure != null && !handoff.started) {
                waitingRequests.decrementAndGet();
                refusal.refuse("the client is closed");
            }
        });
    }

    /** A task handed to the engine thread, which knows whether it began (a failure after that is not a refusal). */
    private final class Handoff implements Runnable {
        private final Runnable task;
        private volatile boolean started;

        Handoff(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            started = true;
            waitingRequests.decrementAndGet();
            task.run();
        }
    }

    private String nextClOrdId() {
        synchronized (clOrdIds) {
            return clOrdIds.get();
        }
    }
}
