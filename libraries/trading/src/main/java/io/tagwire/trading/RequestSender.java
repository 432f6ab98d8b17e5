package io.tagwire.trading;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.fix44.MsgTypes;
import io.tagwire.session.Engine;
import io.tagwire.session.Session;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The engine-thread half of {@link TradingClient}: admits each request (logged on, throttle),
 * writes it into the session, sends it, and tells the tracker what became of it. Every
 * method runs on the engine thread.
 */
final class RequestSender {
    private final Engine engine;
    private final OrderTracker tracker;
    private volatile ClientApplication application;
    private final OrderRequests requests;
    private final RequestThrottle throttle;
    private final Supplier<String> clOrdIds;

    RequestSender(Engine engine, OrderTracker tracker, ClientApplication application,
                  OrderRequests requests, RequestThrottle throttle, Supplier<String> clOrdIds) {
        this.engine = engine;
        this.tracker = tracker;
        this.application = application;
        this.requests = requests;
        this.throttle = throttle;
        this.clOrdIds = clOrdIds;
    }

    /** From now on requests go out on this order-entry session (after maintenance News(B)). */
    void use(ClientApplication next) {
        this.application = next;
    }

    ClientApplication active() {
        return application;
    }

    void sendNew(Order order) {
        tracker.track(order);
        String refused = admit();
        if (refused == null) {
            Session session = application.session();
            long now = engine.nowNanos();
            requests.newOrderSingle(session.newMessage(MsgTypes.NewOrderSingle, now), order, now);
            refused = sent(session.send(now), order, order.clOrdId());
        }
        if (refused != null) {
            tracker.rejectLocally(order, refused, engine.nowNanos());
        }
    }

    void sendRequest(Order order, OrderState pendingState, String clOrdId, long qty, long price,
                     CompletableFuture<Order> answer) {
        String refused = tracker.beginRequest(order, pendingState, clOrdId, qty, price, answer);
        if (refused != null) {
            answer.completeExceptionally(new OrderRejectedLocally(refused));
            return;
        }
        refused = admit();
        if (refused == null) {
            Session session = application.session();
            long now = engine.nowNanos();
            if (pendingState == OrderState.PENDING_CANCEL) {
                requests.orderCancelRequest(session.newMessage(MsgTypes.OrderCancelRequest, now), order, clOrdId, now);
            } else {
                FixEncoder encoder = session.newMessage(MsgTypes.OrderCancelReplaceRequest, now);
                requests.orderCancelReplaceRequest(encoder, order, clOrdId, qty, price, now);
            }
            refused = sent(session.send(now), order, clOrdId);
        }
        if (refused != null) {
            tracker.abortRequest(order, refused);
        }
    }

    /** Bybit's AtomicReplaceRequest(XAR): the order keeps its ClOrdID and is PENDING_REPLACE until XAA answers. */
    void sendAtomicReplace(Order order, long qty, long price, CompletableFuture<Order> answer) {
        String clOrdId = order.clOrdId();
        String refused = tracker.beginRequest(order, OrderState.PENDING_REPLACE, clOrdId, qty, price, answer);
        if (refused != null) {
            answer.completeExceptionally(new OrderRejectedLocally(refused));
            return;
        }
        refused = admit();
        if (refused == null) {
            Session session = application.session();
            long now = engine.nowNanos();
            requests.atomicReplaceRequest(session.newMessage(OrderRequests.ATOMIC_REPLACE_REQUEST, now), order, qty,
                price);
            refused = sent(session.send(now), order, clOrdId);
            if (refused == null) {
                application.atomicReplaceSent(order);
            }
        }
        if (refused != null) {
            tracker.abortRequest(order, refused);
        }
    }

    void sendCancelAndNew(Order order, String cancelClOrdId, Order replacement, CompletableFuture<Order> answer) {
        CompletableFuture<Order> canceled = new CompletableFuture<>();
        String refused = tracker.beginRequest(order, OrderState.PENDING_CANCEL, cancelClOrdId, 0, 0, canceled);
        if (refused != null) {
            answer.completeExceptionally(new OrderRejectedLocally(refused));
            return;
        }
        refused = admit();
        if (refused == null) {
            tracker.track(replacement);
            Session session = application.session();
            long now = engine.nowNanos();
            requests.orderCancelRequestAndNewOrderSingle(session.newMessage(OrderRequests.CANCEL_AND_NEW_ORDER, now),
                order, cancelClOrdId, replacement);
            // a Reject(3) undoes the cancel half; the new order then ends REJECTED below
            refused = sent(session.send(now), order, cancelClOrdId);
            if (refused != null) {
                tracker.rejectLocally(replacement, refused, engine.nowNanos());
            }
        }
        if (refused != null) {
            tracker.abortRequest(order, refused);
            answer.completeExceptionally(new OrderRejectedLocally(refused));
            return;
        }
        // both complete on the engine thread, where the tracker may be used
        canceled.thenAccept(old -> {
            if (old.state() != OrderState.CANCELED) {
                tracker.onRequestRejected(replacement, replacement.clOrdId(), -1,
                    "not placed: the cancel of " + old.clOrdId() + " was refused", engine.nowNanos());
            }
        });
        replacement.acknowledged().thenAccept(answer::complete);
    }

    void sendMassCancel(String clOrdId, String symbol, CompletableFuture<MassCancelReport> report) {
        if (!requests.hasMassCancel()) {
            int sent = 0;
            for (Order order : tracker.openOrders()) {
                if (order.symbol().equals(symbol) && order.state() != OrderState.PENDING_NEW) {
                    CompletableFuture<Order> answer = new CompletableFuture<>();
                    sendRequest(order, OrderState.PENDING_CANCEL, clOrdIds.get(), 0, 0, answer);
                    sent += answer.isCompletedExceptionally() ? 0 : 1;
                }
            }
            report.complete(new MassCancelReport(clOrdId, true, sent, -1, null));
            return;
        }
        String refused = admit();
        if (refused == null) {
            Session session = application.session();
            long now = engine.nowNanos();
            application.massCancelSent(clOrdId, report);
            requests.orderMassCancelRequest(session.newMessage(MsgTypes.OrderMassCancelRequest, now), clOrdId,
                symbol, now);
            refused = sent(session.send(now), null, clOrdId);
        }
        if (refused != null) {
            report.completeExceptionally(new OrderRejectedLocally(refused));
        }
    }

    /** Sends an OrderStatusRequest(H); null if sent, else why not. */
    String sendStatus(Order order) {
        String refused = admit();
        if (refused == null) {
            Session session = application.session();
            long now = engine.nowNanos();
            requests.orderStatusRequest(session.newMessage(MsgTypes.OrderStatusRequest, now), order);
            refused = sent(session.send(now), order, null);
        }
        return refused;
    }

    /** After a reconnect: a status request for every open order, so the venue's view replaces what was missed. */
    void reconcile() {
        for (Order order : tracker.openOrders()) {
            sendStatus(order);
        }
    }

    /** Null if a request may be sent now, else why not. */
    private String admit() {
        if (!application.session().isLoggedOn()) {
            return "not logged on to " + application.session().sessionId();
        }
        if (!throttle.tryAcquire(engine.nowNanos())) {
            return "rate limit: the throttle refused the request";
        }
        return null;
    }

    /** Null if the session sent the request (remembered for a Reject(3)), else why not. */
    private String sent(long result, Order order, String clOrdId) {
        if (result >= 0) {
            application.sent(result, order, clOrdId);
            return null;
        }
        return refusal(result);
    }

    private static String refusal(long result) {
        if (result == Session.NOT_LOGGED_ON) {
            return "not logged on";
        }
        if (result == Session.BACK_PRESSURED) {
            return "back-pressured: the connection could not take the message";
        }
        return "declined by the application";
    }

}
