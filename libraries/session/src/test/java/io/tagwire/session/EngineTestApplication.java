package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Records what an engine's sessions tell their application, as text (SOH shown as
 * {@code |}): {@code logon}, {@code logout}, {@code app <message>}, {@code admin <message>}.
 * With {@link #answerOrders}, it answers every NewOrderSingle(D) with an
 * ExecutionReport(8), as an exchange would. Tests wait on the recorded list with
 * {@link #await}, never with sleeps.
 */
final class EngineTestApplication implements Application {
    private final List<String> events = new ArrayList<>();
    private boolean answerOrders;
    private int execIds;

    EngineTestApplication answerOrders() {
        answerOrders = true;
        return this;
    }

    @Override
    public void onLogon(Session session) {
        record("logon");
    }

    @Override
    public void onLogout(Session session) {
        record("logout");
    }

    @Override
    public void fromAdmin(FixMessage message, Session session) {
        record("admin " + message);
    }

    @Override
    public void fromApp(FixMessage message, Session session) {
        record("app " + message);
        if (answerOrders && message.msgTypeKey() == 'D') {
            String beginString = session.sessionId().beginString();
            byte[] body = EngineTestSupport.wire(
                EngineTestSupport.executionReport(beginString, message.getString(11), ++execIds));
            session.newMessage("8").putRawFields(body, 0, body.length);
            assertThat(session.send()).isPositive();
        }
    }

    private synchronized void record(String event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    /** The application messages received with this MsgType(35), in order. */
    synchronized List<String> app(String msgType) {
        return events.stream().filter(e -> e.startsWith("app ") && e.contains("|35=" + msgType + "|"))
            .collect(Collectors.toList());
    }

    /** The admin messages received with this MsgType(35), in order. */
    synchronized List<String> admin(String msgType) {
        return events.stream().filter(e -> e.startsWith("admin ") && e.contains("|35=" + msgType + "|"))
            .collect(Collectors.toList());
    }

    synchronized long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    /** Waits until {@code condition} holds for this application; fails the test after {@code timeout}. */
    synchronized void await(String what, Duration timeout, Predicate<EngineTestApplication> condition)
        throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; events: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    void await(String what, Predicate<EngineTestApplication> condition) throws InterruptedException {
        await(what, EngineTestSupport.WAIT, condition);
    }
}
