package io.tagwire.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
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
        BY_SILENCE,
        /**
         * The Tagwire engine stops (its Logout lost) and a new one starts on the same
         * settings: with {@code FileStorePath} it carries on from its journal.
         */
        BY_TAGWIRE_RESTART;

        /** HeartBtInt(108) the initiator asks for. */
        int heartBtInt() {
            return this == BY_SILENCE ? 1 : 30;
        }
    }

    /** Which engine is the initiator. */
    enum Direction {
        QUICKFIXJ_TO_TAGWIRE("QuickFIX/J initiator -> Tagwire acceptor"),
        TAGWIRE_TO_QUICKFIXJ("Tagwire initiator -> QuickFIX/J acceptor");

        private final String text;

        Direction(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Direction direction;
    private final String beginString;
    private final Cut cut;
    private final OrderLedger ledger = new OrderLedger(ORDERS);
    private final Map<String, String> acceptorSettings = new HashMap<>();
    private final Map<String, String> initiatorSettings = new HashMap<>();
    private String variant = "";
    private boolean resendRequestsRequired = true;
    private Side initiator;
    private Side acceptor;
    private LinkProxy proxy;
    private int next;
    private long start;
    private long loggedOnNanos;
    private long cutNanos;
    private long backNanos;

    InteropRun(Direction direction, String beginString, Cut cut) {
        this.direction = direction;
        this.beginString = beginString;
        this.cut = cut;
        initiatorSettings.put("HeartBtInt", Integer.toString(cut.heartBtInt()));
    }

    /** A setting (QuickFIX key) for both sessions, named in the summary. */
    InteropRun both(String key, String value) {
        acceptorSettings.put(key, value);
        initiatorSettings.put(key, value);
        variant += ", " + key + "=" + value;
        return this;
    }

    /** A setting for the Tagwire side only. */
    InteropRun tagwire(String key, String value) {
        (direction == Direction.QUICKFIXJ_TO_TAGWIRE ? acceptorSettings : initiatorSettings).put(key, value);
        variant += ", Tagwire " + key;
        return this;
    }

    /** Both sessions over TLS with a certificate made for the run ({@link TestCertificates}). */
    InteropRun tls() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        acceptorSettings.putAll(certificates.acceptor());
        initiatorSettings.putAll(certificates.initiator());
        variant += ", TLS";
        return this;
    }

    /**
     * A side may recover without a ResendRequest(2): with NextExpectedMsgSeqNum(789) each
     * Logon says what its sender still expects, and the other side resends from there.
     */
    InteropRun gapsMayBeRecoveredByLogon() {
        resendRequestsRequired = false;
        return this;
    }

    private Side newAcceptor() {
        return direction == Direction.QUICKFIXJ_TO_TAGWIRE
            ? TagwireSide.acceptor(beginString, ledger, acceptorSettings)
            : QuickFixJSide.acceptor(beginString, ledger, acceptorSettings);
    }

    private Side newInitiator(int port) {
        return direction == Direction.QUICKFIXJ_TO_TAGWIRE
            ? QuickFixJSide.initiator(beginString, ledger, port, initiatorSettings)
            : TagwireSide.initiator(beginString, ledger, port, initiatorSettings);
    }

    /** Runs and checks; prints a one-line summary. Returns this, for more checks. */
    InteropRun run() throws Exception {
        String title = beginString + " " + direction + ", cut " + cut + variant;
        try (Side acceptorSide = newAcceptor()) {
            acceptor = acceptorSide;
            acceptor.start();
            try (LinkProxy link = cut == Cut.NONE ? null : new LinkProxy(acceptor.port());
                 Side initiatorSide = newInitiator(link != null ? link.port() : acceptor.port())) {
                proxy = link;
                initiator = initiatorSide;
                start = System.nanoTime();
                initiator.start();
                await(initiator::isLoggedOn, LOGON_WAIT, () -> initiator.name() + " initiator never logged on");
                loggedOnNanos = System.nanoTime();
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
        return this;
    }

    SideStats initiatorStats() {
        return initiator.stats();
    }

    SideStats acceptorStats() {
        return acceptor.stats();
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
            case BY_TAGWIRE_RESTART:
                ((TagwireSide) tagwire()).restart();
                break;
            default:
                throw new IllegalStateException("no cut: " + cut);
        }
        if (cut != Cut.BY_TAGWIRE_RESTART) {
            // (a restarted Tagwire initiator is a new engine: it may be logged on again already)
            await(() -> !initiator.isLoggedOn(), Duration.ofSeconds(10),
                () -> "the initiator still thinks it is logged on; " + stats());
        }
        cutNanos = System.nanoTime();
        await(initiator::isLoggedOn, LOGON_WAIT, () -> initiator.name() + " initiator did not log on again; "
            + stats());
        backNanos = System.nanoTime();
    }

    private String phases() {
        String logon = String.format(" (logged on after %.2f s", (loggedOnNanos - start) / 1e9);
        if (cutNanos == 0) {
            return logon + ")";
        }
        return logon + String.format(", disconnected after %.2f s, logged on again %.2f s later)",
            (cutNanos - start) / 1e9, (backNanos - cutNanos) / 1e9);
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
        // both directions lost messages in flight: each side asked for them and got them as PossDup resends
        if (resendRequestsRequired) {
            assertThat(initiator.stats().resendRequestsSent.get()).as("initiator ResendRequests").isPositive();
            assertThat(acceptor.stats().resendRequestsSent.get()).as("acceptor ResendRequests").isPositive();
        }
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
