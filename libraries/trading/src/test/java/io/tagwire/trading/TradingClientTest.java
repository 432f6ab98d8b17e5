package io.tagwire.trading;

import static io.tagwire.trading.TrackerScenario.fp;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Order lifecycles end to end: a TradingClient and a test exchange, two engines over a real socket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TradingClientTest {
    private static final long WAIT_SECONDS = 10;

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void placeThenNewThenPartialThenFill(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, new BigDecimal("2"), new BigDecimal("100.5"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            assertThat(order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
            assertThat(order.orderId()).matches("[0-9]+");

            harness.exchange.fill(order.clOrdId(), "0.5", "100.5");
            harness.exchange.fill(order.clOrdId(), "1.5", "100");
            order.done().get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(order.state()).isEqualTo(OrderState.FILLED);
            assertThat(order.fills()).extracting(Fill::lastQty).containsExactly(fp("0.5"), fp("1.5"));
            assertThat(order.cumQtyDecimal()).isEqualByComparingTo("2");
            assertThat(order.avgPxDecimal()).isEqualByComparingTo("100.125");
            assertThat(harness.client.positions().position("BTCUSDT").netQtyDecimal()).isEqualByComparingTo("2");
            assertThat(harness.updates).containsExactly(order.clOrdId() + " NEW",
                order.clOrdId() + " PARTIALLY_FILLED", order.clOrdId() + " FILLED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void cancel(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.SELL, fp("1"), fp("200"),
                TimeInForce.GOOD_TILL_CANCEL, true);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            String first = order.clOrdId();

            Order canceled = harness.client.cancel(order).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
            assertThat(order.origClOrdId()).isEqualTo(first);
            assertThat(order.clOrdId()).isNotEqualTo(first);
            assertThat(order.done()).isCompleted();
            assertThat(harness.exchange.received.get(0)).contains("|18=6|");
            // a second cancel is refused locally, never sent
            Assertions.assertThatThrownBy(() -> harness.client.cancel(order).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OrderRejectedLocally.class)
                .hasMessageContaining("the order is CANCELED");
            assertThat(harness.received("F")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void amendAcceptedThenAmendRejectedByTheVenue(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order order = harness.client.placeLimit("ETHUSDT", Side.BUY, fp("3"), fp("2000"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);

            harness.client.amend(order, new BigDecimal("4"), new BigDecimal("1999.5"))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(order.state()).isEqualTo(OrderState.NEW);
            assertThat(order.orderQtyDecimal()).isEqualByComparingTo("4");
            assertThat(order.priceDecimal()).isEqualByComparingTo("1999.5");
            assertThat(order.clOrdIdChain()).hasSize(2);

            harness.exchange.fill(order.clOrdId(), "2", "1999.5");
            // below the filled quantity: the exchange answers OrderCancelReject(9)
            harness.client.amend(order, fp("1"), fp("1999")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(order.text()).isEqualTo("Cannot replace");
            assertThat(order.rejectReason()).isZero();
            assertThat(order.orderQtyDecimal()).isEqualByComparingTo("4");
            assertThat(order.clOrdIdChain()).hasSize(2);

            assertThat(harness.client.status(order).get(WAIT_SECONDS, TimeUnit.SECONDS).cumQtyDecimal())
                .isEqualByComparingTo("2");
            assertThat(harness.received("H")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void rejectWithText(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order order = harness.client.placeLimit("BAD", Side.BUY, fp("1"), fp("1"), TimeInForce.DAY, false);
            Order answered = order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(answered.state()).isEqualTo(OrderState.REJECTED);
            assertThat(answered.text()).isEqualTo("Unknown symbol BAD");
            assertThat(answered.rejectReason()).isEqualTo(1);
            assertThat(answered.rejectedLocally()).isFalse();
            assertThat(order.done()).isCompleted();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void businessMessageRejectOfTheOrderRejectsIt(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order order = harness.client.placeLimit("HALT", Side.BUY, fp("1"), fp("1"), TimeInForce.DAY, false);
            Order answered = order.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(answered.state()).isEqualTo(OrderState.REJECTED);
            assertThat(answered.text()).isEqualTo("Trading halted");
            assertThat(answered.rejectReason()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void sessionRejectOfTheOrderRejectsIt(String beginString) throws Exception {
        // ExecInst(18)=~ is outside the dictionary's values: the exchange's session answers Reject(3)
        try (ClientHarness harness = new ClientHarness(beginString, b -> b.postOnlyExecInst('~'))) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("1"), TimeInForce.DAY, true);
            Order answered = order.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(answered.state()).isEqualTo(OrderState.REJECTED);
            assertThat(answered.rejectReason()).isEqualTo(5);
            assertThat(answered.text()).contains("18");
            assertThat(harness.received("D")).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void rejectOfAStatusRequestOrMassCancelFailsItsFuture(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("1"), TimeInForce.DAY, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);

            harness.exchange.rejectNext("H");
            Assertions.assertThatThrownBy(() -> harness.client.status(order).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RequestRejected.class).hasMessageContaining("99, Rejected by the test");
            harness.exchange.rejectNext("q");
            Assertions.assertThatThrownBy(
                    () -> harness.client.massCancel("BTCUSDT").get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RequestRejected.class);
            assertThat(order.state()).isEqualTo(OrderState.NEW);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void iocExpiresAndMarketFills(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order ioc = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"),
                TimeInForce.IMMEDIATE_OR_CANCEL, false);
            Order market = harness.client.placeMarket("BTCUSDT", Side.SELL, new BigDecimal("0.25"),
                TimeInForce.IMMEDIATE_OR_CANCEL);
            assertThat(ioc.done().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.EXPIRED);
            assertThat(ioc.text()).isEqualTo("IOC: no liquidity");
            assertThat(market.done().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
            assertThat(market.avgPxDecimal()).isEqualByComparingTo("100");
            assertThat(harness.exchange.received.get(1)).contains("|40=1|").doesNotContain("|44=");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void massCancel(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            Order one = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY, false);
            Order two = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("91"), TimeInForce.DAY, false);
            Order other = harness.client.placeLimit("ETHUSDT", Side.BUY, fp("1"), fp("9"), TimeInForce.DAY, false);
            two.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            other.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);

            MassCancelReport report = harness.client.massCancel("BTCUSDT").get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(report.accepted()).isTrue();
            assertThat(report.totalAffectedOrders()).isEqualTo(2);
            assertThat(one.done().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.CANCELED);
            assertThat(two.done().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.CANCELED);
            assertThat(other.state()).isEqualTo(OrderState.NEW);
            assertThat(harness.received("q")).isEqualTo(beginString.equals("FIX.4.4") ? 1 : 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void throttleRefusesLocallyWithAReason(String beginString) throws Exception {
        AtomicInteger permits = new AtomicInteger(2);
        try (ClientHarness harness = new ClientHarness(beginString,
            b -> b.throttle(now -> permits.getAndDecrement() > 0))) {
            Order first = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY, false);
            Order second = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("91"), TimeInForce.DAY, false);
            Order third = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("92"), TimeInForce.DAY, false);

            assertThat(third.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.REJECTED);
            assertThat(third.rejectedLocally()).isTrue();
            assertThat(third.text()).startsWith("rate limit");
            first.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            second.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            Assertions.assertThatThrownBy(() -> harness.client.cancel(first).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(OrderRejectedLocally.class).hasMessageContaining("rate limit");
            assertThat(first.state()).isEqualTo(OrderState.NEW);
            Assertions.assertThatThrownBy(() -> harness.client.status(first).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(OrderRejectedLocally.class);
            // once the throttle allows again, a status request is answered with the order
            permits.set(1);
            assertThat(harness.client.status(first).get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(first);
            assertThat(harness.received("D")).isEqualTo(2);
            assertThat(harness.received("F")).isZero();
            assertThat(harness.client.orders()).containsExactly(first, second, third);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void reconnectReconcilesOpenOrdersWithStatusRequests(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b.reconcileOnReconnect(true))) {
            Order filledMeanwhile = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            Order stillOpen = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("80"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            stillOpen.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            filledMeanwhile.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            int logons = harness.client.engine().logonCount(harness.client.sessionId());

            harness.client.engine().disconnect(harness.client.sessionId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.exchange.fillUnreported(filledMeanwhile.clOrdId(), "1", "90");

            assertThat(filledMeanwhile.done().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
            assertThat(harness.client.engine().logonCount(harness.client.sessionId())).isEqualTo(logons + 1);
            assertThat(filledMeanwhile.cumQtyDecimal()).isEqualByComparingTo("1");
            awaitTrue(() -> harness.received("H") == 2);
            assertThat(stillOpen.state()).isEqualTo(OrderState.NEW);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void placesFromManyThreadsAtOnce(String beginString) throws Exception {
        int threads = 4;
        int perThread = 150;
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<Order>>> placed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                placed.add(pool.submit(() -> {
                    List<Order> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY,
                            false));
                    }
                    return mine;
                }));
            }
            List<Order> all = new ArrayList<>();
            for (Future<List<Order>> future : placed) {
                all.addAll(future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            pool.shutdown();
            for (Order order : all) {
                assertThat(order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
            }
            assertThat(all).extracting(Order::clOrdId).doesNotHaveDuplicates();
            assertThat(harness.client.orders()).hasSize(threads * perThread);
            assertThat(harness.received("D")).isEqualTo(threads * perThread);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void listenerMayPlaceOnTheEngineThread(String beginString) throws Exception {
        CompletableFuture<Order> hedge = new CompletableFuture<>();
        AtomicReference<TradingClient> client = new AtomicReference<>();
        try (ClientHarness harness = new ClientHarness(beginString, b -> b.listener(order -> {
            if (order.state() == OrderState.FILLED && order.side() == Side.BUY) {
                hedge.complete(client.get().placeMarket(order.symbol(), Side.SELL, order.cumQty(),
                    TimeInForce.IMMEDIATE_OR_CANCEL));
            }
        }))) {
            client.set(harness.client);
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.exchange.fill(order.clOrdId(), "1", "90");

            Order sold = hedge.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(sold.done().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
            assertThat(harness.client.positions().position("BTCUSDT").netQty()).isZero();
        }
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %d s", WAIT_SECONDS).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void logonCustomizerAddsTheVenuesFieldsToTheLogon(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString,
            b -> b.logon(logon -> logon.encoder().putString(553, "api-key-1")))) {
            assertThat(harness.exchange.logons).hasSize(1);
            assertThat(harness.exchange.logons.get(0)).contains("|553=api-key-1|").contains("|141=Y|");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void orderPlacedWhileDisconnectedIsRejectedLocally(String beginString) throws Exception {
        try (ClientHarness harness = new ClientHarness(beginString, b -> b)) {
            harness.client.engine().logout(harness.client.sessionId(), "bye").get(WAIT_SECONDS, TimeUnit.SECONDS);
            while (harness.client.isLoggedOn()) {
                Thread.onSpinWait();
            }
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY, false);
            // reconnects after ReconnectInterval (1 s): the refusal happens before
            Order answered = order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(answered.rejectedLocally()).isTrue();
            assertThat(answered.text()).startsWith("not logged on");
        }
    }
}
