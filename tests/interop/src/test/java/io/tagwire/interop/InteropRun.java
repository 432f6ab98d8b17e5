package io.tagwire.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run: an acceptor, an initiator connected to it (through a {@link LinkProxy} when the
 * connection is to be cut), {@value #ORDERS} NewOrderSingles each answered by one
 * ExecutionReport, and the checks that nothing was lost, nothing counted twice and both
 * sides agree on MsgSeqNums. A cut happens half-way: first the acceptor's reports are lost
 * in flight, then the initiator's orders, then the connection is reset by the side the cut
 * names, so both sides have a gap to recover with ResendRequest, PossDup resends and gap
 * fills after the initiator logs on again.
 */
final class InteropRun {
    static final int ORDERS = 10_000;
    private static final int BATCH = 100;
    /** Messages lost in each direction by a cut, at least. */
    private static final int LOST = 100;
    private static final Duration LOGON_WAIT = Duration.ofSeconds(15);
    private static final Duration ANSWERS_WAIT = Duration.ofSeconds(60);

    /** Who ends the connection half-way, if anyone. */
    enum Cut {
        NONE,
        /** Tagwire drops its socket ({@code Engine.disconnect}). */
        BY_TAGWIRE,
        /** QuickFIX/J drops its socket ({@code Session.disconnect}). */
        BY_QUICKFIXJ,
        /**
         * Nothing gets through any more and nobody closes anything: both sessions send
         * Heartbeats and TestRequests into the void (HeartBtInt=1) and end the connection
         * when the silence exceeds the heartbeat timeout. Those lost admin messages are the
         * ones the resend has to gap-fill.
         */
        BY_SILENCE;

        /** HeartBtInt(108) the initiator asks for. */
        int heartBtInt() {
            return this == BY_SILENCE ? 1 : 30;
        }
    }

    /** Makes the initiator once the port it connects to is known. */
    @FunctionalInterface
    interface InitiatorFactory {
        Side create(OrderLedger ledger, int port, int heartBtInt);
    }

    private final String title;
    private final Cut cut;
    private final OrderLedger ledger = new OrderLedger(ORDERS);
    private Side initiator;
    private Side acceptor;
    private LinkProxy proxy;
    private int next;
    private long start;
    private long cutNanos;
    private long backNanos;

    private InteropRun(String title, Cut cut) {
        this.title = title;
        this.cut = cut;
    }

    /** Runs and checks; prints a one-line summary. */
    static void run(String title, Cut cut, Function<OrderLedger, Side> acceptorFactory,
                    InitiatorFactory initiatorFactory) throws Exception {
        new InteropRun(title, cut).execute(acceptorFactory, initiatorFactory);
    }

    private void execute(Function<OrderLedger, Side> acceptorFactory, InitiatorFactory initiatorFactory)
        throws Exception {
        try (Side acceptorSide = acceptorFactory.apply(ledger)) {
            acceptor = acceptorSide;
            acceptor.start();
            try (LinkProxy link = cut == Cut.NONE ? null : new LinkProxy(acceptor.port());
                 Side initiatorSide = initiatorFactory.create(ledger, link != null ? link.port() : acceptor.port(),
                     cut.heartBtInt())) {
                proxy = link;
                initiator = initiatorSide;
                start = System.nanoTime();
                initiator.start();
                await(initiator::isLoggedOn, LOGON_WAIT, () -> initiator.name() + " initiator never logged on");
                stream();
                await(ledger::complete, ANSWERS_WAIT, () -> ledger.distinctAnswers() + " of " + ORDERS
                    + " orders answered; " + stats() + "; first unanswered: " + ledger.unanswered(10));
                await(this::sequenceNumbersAgree, Duration.ofSeconds(10), this::sequenceNumbers);
                long elapsedNanos = System.nanoTime() - start;
                System.out.printf("%s: %d orders, %d answers in %.2f s%s; %s; %s%n", title, ledger.distinctOrders(),
                    ledger.distinctAnswers(), elapsedNanos / 1e9, phases(), stats(), sequenceNumbers());
                check();
            }
        }
    }

    /** Sends every order, in batches; a batch cut short waits for the next logon. */
    private void stream() throws Exception {
        int cutAt = cut == Cut.NONE ? -1 : ORDERS / 2;
        while (next < ORDERS) {
            if (next == cutAt) {
                cutHalfWay();
                cutAt = -1;
            }
            int end = Math.min(ORDERS, next + BATCH);
            if (cutAt > next && cutAt < end) {
                end = cutAt;
            }
            send(end);
        }
    }

    private void send(int end) throws Exception {
        while (next < end) {
            int sent = initiator.sendOrders(next, end);
            next += sent;
            if (next < end) {
                await(initiator::isLoggedOn, LOGON_WAIT, () -> initiator.name() + " initiator did not log on again; "
                    + stats());
            }
        }
    }

    private void cutHalfWay() throws Exception {
        // the acceptor's answers to LOST orders or more vanish in flight
        int reached = ledger.distinctOrders();
        proxy.dropToInitiator();
        send(next + 2 * LOST);
        await(() -> ledger.distinctOrders() >= reached + LOST, Duration.ofSeconds(10),
            () -> "orders stopped reaching the acceptor: " + ledger.distinctOrders());
        // then LOST orders vanish too
        proxy.dropToAcceptor();
        send(next + LOST);
        switch (cut) {
            case BY_TAGWIRE:
                tagwire().cut();
                break;
            case BY_QUICKFIXJ:
                quickFixJ().cut();
                break;
            case BY_SILENCE:
                break;
            default:
                throw new IllegalStateException("no cut: " + cut);
        }
        await(() -> !initiator.isLoggedOn(), Duration.ofSeconds(10),
            () -> "the initiator still thinks it is logged on; " + stats());
        cutNanos = System.nanoTime();
        await(initiator::isLoggedOn, LOGON_WAIT, () -> initiator.name() + " initiator did not log on again; "
            + stats());
        backNanos = System.nanoTime();
    }

    private String phases() {
        if (cutNanos == 0) {
            return "";
        }
        return String.format(" (disconnected after %.2f s, logged on again %.2f s later)", (cutNanos - start) / 1e9,
            (backNanos - cutNanos) / 1e9);
    }

    private Side tagwire() {
        return initiator instanceof TagwireSide ? initiator : acceptor;
    }

    private Side quickFixJ() {
        return initiator instanceof QuickFixJSide ? initiator : acceptor;
    }

    private boolean sequenceNumbersAgree() {
        try {
            return initiator.nextSenderMsgSeqNum() == acceptor.nextTargetMsgSeqNum()
                && acceptor.nextSenderMsgSeqNum() == initiator.nextTargetMsgSeqNum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read sequence numbers", e);
        }
    }

    private String sequenceNumbers() {
        try {
            return "initiator next sender " + initiator.nextSenderMsgSeqNum() + " / acceptor next target "
                + acceptor.nextTargetMsgSeqNum() + ", acceptor next sender " + acceptor.nextSenderMsgSeqNum()
                + " / initiator next target " + initiator.nextTargetMsgSeqNum();
        } catch (Exception e) {
            return "sequence numbers unreadable: " + e;
        }
    }

    private String stats() {
        return "PossDup orders " + ledger.possDupOrders() + ", PossDup answers " + ledger.possDupAnswers()
            + ", duplicates " + ledger.duplicateOrders() + "/" + ledger.duplicateAnswers() + "; initiator "
            + initiator.name() + ": " + initiator.stats() + "; acceptor " + acceptor.name() + ": "
            + acceptor.stats() + (proxy != null ? "; connections " + proxy.links() : "");
    }

    private void check() {
        assertThat(ledger.distinctOrders()).as("orders that reached the acceptor").isEqualTo(ORDERS);
        assertThat(ledger.fills()).as("ExecutionReports sent, one per order").isEqualTo(ORDERS);
        assertThat(ledger.distinctAnswers()).as("orders answered").isEqualTo(ORDERS);
        assertThat(ledger.duplicatesWithoutPossDup()).as("duplicates without PossDupFlag=Y").isZero();
        assertThat(ledger.unknown()).as("messages with a ClOrdID never sent").isZero();
        assertThat(initiator.stats().rejectsReceived.get() + acceptor.stats().rejectsReceived.get())
            .as("session Rejects").isZero();
        if (cut == Cut.NONE) {
            assertThat(initiator.stats().logons.get()).as("initiator logons").isEqualTo(1);
            assertThat(ledger.possDupOrders() + ledger.possDupAnswers()).as("PossDup messages").isZero();
            return;
        }
        assertThat(initiator.stats().logons.get()).as("initiator logons").isGreaterThanOrEqualTo(2);
        // both directions lost messages in flight: each side asked for them and got them as PossDup
        // resends, with its own admin messages (the Logons at least) gap-filled
        assertThat(initiator.stats().resendRequestsSent.get()).as("initiator ResendRequests").isPositive();
        assertThat(acceptor.stats().resendRequestsSent.get()).as("acceptor ResendRequests").isPositive();
        assertThat(ledger.possDupAnswers()).as("ExecutionReports resent with PossDupFlag=Y").isPositive();
        assertThat(ledger.possDupOrders()).as("orders resent with PossDupFlag=Y").isPositive();
        if (cut == Cut.BY_SILENCE) {
            // the Heartbeats and TestRequests lost in the silence come back as gap fills; after a cut the only
            // admin messages resent are the Logon and ResendRequest, which both engines have already taken
            // from their queue of too-high messages, so those gap fills arrive as PossDup duplicates, ignored
            assertThat(initiator.stats().gapFillsReceived.get()).as("gap fills the initiator received").isPositive();
            assertThat(acceptor.stats().gapFillsReceived.get()).as("gap fills the acceptor received").isPositive();
        }
    }

    /** Polls {@code condition} every millisecond until it holds; fails with {@code why} after {@code timeout}. */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> why) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms: " + why.get());
            }
            Thread.sleep(1);
        }
    }
}
