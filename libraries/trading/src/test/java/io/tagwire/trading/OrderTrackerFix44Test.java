package io.tagwire.trading;

import static io.tagwire.trading.TrackerScenario.fp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Order state from FIX 4.4 ExecutionReports (ExecType F for trades) and OrderCancelRejects. */
class OrderTrackerFix44Test {
    private static final String ER = "8=FIX.4.4|35=8|";
    private final TrackerScenario scenario = new TrackerScenario();

    @Test
    void newThenPartialThenFillKeepsFillsQuantitiesAndPosition() {
        Order order = scenario.limit("c1", Side.BUY, "2", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|55=BTCUSDT|54=1|38=2|44=100|14=0|151=2|6=0|");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.acknowledged()).isCompletedWithValue(order);
        assertThat(order.done()).isNotDone();
        assertThat(order.orderId()).isEqualTo("o1");

        scenario.report(ER + "37=o1|11=c1|17=e2|150=F|39=1|55=BTCUSDT|54=1|38=2|32=0.5|31=100|14=0.5|151=1.5|6=100|"
            + "60=20240627-11:17:25.223|");
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(order.cumQty()).isEqualTo(fp("0.5"));
        assertThat(order.leavesQty()).isEqualTo(fp("1.5"));

        scenario.report(ER + "37=o1|11=c1|17=e3|150=F|39=2|55=BTCUSDT|54=1|38=2|32=1.5|31=101|14=2|151=0|6=100.75|");
        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(order.done()).isCompletedWithValue(order);
        assertThat(order.avgPxDecimal()).isEqualByComparingTo("100.75");
        assertThat(order.fills()).containsExactly(
            new Fill(fp("0.5"), fp("100"), "e2", 1_719_487_045_223_000_000L),
            new Fill(fp("1.5"), fp("101"), "e3", TrackerScenario.NOW));
        Position position = scenario.positions.position("BTCUSDT");
        assertThat(position.netQty()).isEqualTo(fp("2"));
        assertThat(position.avgCostDecimal()).isEqualByComparingTo("100.75");
        assertThat(scenario.events).containsExactly("c1 NEW", "c1 PARTIALLY_FILLED", "c1 FILLED");
    }

    @Test
    void ignoresAReportWhoseExecIdWasSeenSuchAsAPossDupResend() {
        Order order = scenario.limit("c1", Side.BUY, "2", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=2|6=0|");
        String fill = "37=o1|11=c1|17=e2|150=F|39=1|32=1|31=100|14=1|151=1|6=100|";
        assertThat(scenario.report(ER + fill)).isSameAs(order);
        assertThat(scenario.report(ER + "43=Y|122=20240627-11:17:25|" + fill)).isNull();

        assertThat(order.fills()).hasSize(1);
        assertThat(scenario.positions.position("BTCUSDT").netQty()).isEqualTo(fp("1"));
        assertThat(scenario.events).containsExactly("c1 NEW", "c1 PARTIALLY_FILLED");
    }

    @Test
    void cancelAcknowledgedMovesTheOrderToTheCancelsClOrdId() {
        Order order = scenario.limit("c1", Side.SELL, "1", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1|6=0|");
        CompletableFuture<Order> cancel = scenario.cancel(order, "c2");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_CANCEL);

        scenario.report(ER + "37=o1|11=c2|41=c1|17=e2|150=6|39=6|14=0|151=1|6=0|");
        assertThat(cancel).isNotDone();
        scenario.report(ER + "37=o1|11=c2|41=c1|17=e3|150=4|39=4|14=0|151=0|6=0|");

        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
        assertThat(cancel).isCompletedWithValue(order);
        assertThat(order.done()).isCompleted();
        assertThat(order.clOrdId()).isEqualTo("c2");
        assertThat(order.origClOrdId()).isEqualTo("c1");
        assertThat(order.clOrdIdChain()).containsExactly("c1", "c2");
        assertThat(scenario.tracker.order("c1")).isSameAs(order);
    }

    @Test
    void cancelRejectReturnsToThePreviousStateWithReasonAndText() {
        Order order = scenario.limit("c1", Side.SELL, "1", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1|6=0|");
        CompletableFuture<Order> cancel = scenario.cancel(order, "c2");

        scenario.cancelReject("8=FIX.4.4|35=9|37=o1|11=c2|41=c1|39=0|434=1|102=1|58=Unknown order|");

        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.rejectReason()).isEqualTo(1);
        assertThat(order.text()).isEqualTo("Unknown order");
        assertThat(order.clOrdId()).isEqualTo("c1");
        assertThat(cancel).isCompletedWithValue(order);
        assertThat(scenario.events).containsExactly("c1 NEW", "c1 NEW");
    }

    @Test
    void fillWhileCancelPendingIsWhereACancelRejectReturnsTo() {
        Order order = scenario.limit("c1", Side.BUY, "2", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=2|6=0|");
        scenario.cancel(order, "c2");
        scenario.report(ER + "37=o1|11=c1|17=e2|150=F|39=1|32=1|31=100|14=1|151=1|6=100|");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_CANCEL);
        assertThat(order.cumQty()).isEqualTo(fp("1"));

        scenario.cancelReject("8=FIX.4.4|35=9|37=o1|11=c2|41=c1|39=1|434=1|102=0|58=Too late|");
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    }

    @Test
    void cancelRejectOfAnOrderFilledMeanwhileEndsItFilled() {
        Order order = scenario.limit("c1", Side.BUY, "1", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1|6=0|");
        scenario.cancel(order, "c2");
        scenario.cancelReject("8=FIX.4.4|35=9|37=o1|11=c2|41=c1|39=2|434=1|102=0|58=Too late to cancel|");
        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(order.done()).isCompleted();
    }

    @Test
    void replaceGivesTheOrderItsNewClOrdIdQuantityAndPrice() {
        Order order = scenario.limit("c1", Side.BUY, "2", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=2|6=0|");
        CompletableFuture<Order> replace = scenario.replace(order, "c2", "3", "99.5");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_REPLACE);

        scenario.report(ER + "37=o1|11=c2|41=c1|17=e2|150=5|39=0|38=3|44=99.5|14=0|151=3|6=0|");

        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(replace).isCompletedWithValue(order);
        assertThat(order.clOrdId()).isEqualTo("c2");
        assertThat(order.origClOrdId()).isEqualTo("c1");
        assertThat(order.orderQtyDecimal()).isEqualByComparingTo("3");
        assertThat(order.priceDecimal()).isEqualByComparingTo("99.5");
        assertThat(scenario.report(ER + "37=o1|11=c2|17=e3|150=F|39=1|32=1|31=99.5|14=1|151=2|6=99.5|"))
            .isSameAs(order);
        assertThat(scenario.tracker.order("c2")).isSameAs(order);
    }

    @Test
    void rejectKeepsOrdRejReasonAndTextAndCompletesBothFutures() {
        Order order = scenario.limit("c1", Side.BUY, "2", "100");
        scenario.report(ER + "37=NONE|11=c1|17=e1|150=8|39=8|103=3|58=Insufficient balance|14=0|151=0|6=0|");
        assertThat(order.state()).isEqualTo(OrderState.REJECTED);
        assertThat(order.rejectReason()).isEqualTo(3);
        assertThat(order.text()).isEqualTo("Insufficient balance");
        assertThat(order.rejectedLocally()).isFalse();
        assertThat(order.acknowledged()).isCompletedWithValue(order);
        assertThat(order.done()).isCompletedWithValue(order);
    }

    @Test
    void unsolicitedCancelAndExpiryEndTheOrder() {
        Order canceled = scenario.limit("c1", Side.BUY, "1", "100");
        Order expired = scenario.limit("c2", Side.BUY, "1", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1|6=0|");
        scenario.report(ER + "37=o2|11=c2|17=e2|150=0|39=0|14=0|151=1|6=0|");
        scenario.report(ER + "37=o1|11=c1|17=e3|150=4|39=4|14=0|151=0|6=0|58=Self-trade prevention|");
        scenario.report(ER + "37=o2|17=e4|150=C|39=C|14=0|151=0|6=0|");

        assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
        assertThat(canceled.text()).isEqualTo("Self-trade prevention");
        assertThat(expired.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(expired.done()).isCompleted();
        assertThat(expired.clOrdId()).isEqualTo("c2");
        assertThat(scenario.tracker.openOrders()).isEmpty();
    }

    @Test
    void recordsAnOrderItDidNotPlace() {
        Order order = scenario.report(ER + "37=o9|11=web-7|17=e1|150=F|39=1|55=ETHUSDT|54=2|40=2|59=1|38=5|44=3000|"
            + "32=2|31=3000|14=2|151=3|6=3000|");
        assertThat(order.external()).isTrue();
        assertThat(order.clOrdId()).isEqualTo("web-7");
        assertThat(order.symbol()).isEqualTo("ETHUSDT");
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GOOD_TILL_CANCEL);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(order.acknowledged()).isCompleted();
        assertThat(scenario.tracker.orders()).containsExactly(order);
        assertThat(scenario.positions.position("ETHUSDT").netQty()).isEqualTo(-fp("2"));
        assertThat(scenario.report(ER + "37=o9|17=e2|150=4|39=4|14=2|151=0|6=3000|")).isSameAs(order);
        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
    }

    @Test
    void ignoresAReportThatNamesNoOrder() {
        assertThat(scenario.report(ER + "17=e1|150=0|39=0|")).isNull();
        assertThat(scenario.tracker.orders()).isEmpty();
    }

    @Test
    void statusAnswersApplyEvenWithARepeatedExecId() {
        Order order = scenario.limit("c1", Side.BUY, "2", "100");
        scenario.report(ER + "37=o1|11=c1|17=0|150=I|39=0|14=0|151=2|6=0|");
        scenario.report(ER + "37=o1|11=c1|17=0|150=I|39=2|14=2|151=0|6=100|");
        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(order.cumQty()).isEqualTo(fp("2"));
        assertThat(order.fills()).isEmpty();
    }

    @Test
    void tradeCancelTakesCumQtyFromTheReportWithoutAFill() {
        Order order = scenario.limit("c1", Side.BUY, "2", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=F|39=1|32=1|31=100|14=1|151=1|6=100|");
        scenario.report(ER + "37=o1|11=c1|17=e2|19=e1|150=H|39=0|14=0|151=2|6=0|");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.cumQty()).isZero();
        assertThat(order.fills()).hasSize(1);
    }

    @Test
    void refusesACancelOfAnOrderThatIsNotWorking() {
        Order order = scenario.limit("c1", Side.BUY, "1", "100");
        assertThatThrownBy(() -> scenario.cancel(order, "c2")).hasMessageContaining("not acknowledged yet");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1|6=0|");
        scenario.cancel(order, "c2");
        assertThatThrownBy(() -> scenario.replace(order, "c3", "1", "101")).hasMessageContaining("already pending");
        scenario.report(ER + "37=o1|11=c2|41=c1|17=e2|150=4|39=4|14=0|151=0|6=0|");
        assertThatThrownBy(() -> scenario.cancel(order, "c4")).hasMessage("the order is CANCELED: nothing to cancel");
        assertThat(scenario.tracker.order("c4")).isNull();
    }

    @Test
    void forgetsFinishedOrdersButKeepsWorkingOnesFindable() {
        Order filled = scenario.limit("c1", Side.BUY, "1", "100");
        Order working = scenario.limit("c2", Side.BUY, "2", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=F|39=2|32=1|31=100|14=1|151=0|6=100|");
        scenario.report(ER + "37=o2|11=c2|17=e2|150=F|39=1|32=1|31=100|14=1|151=1|6=100|");
        scenario.cancel(working, "c3");

        assertThat(scenario.tracker.forgetFinished()).isEqualTo(1);

        assertThat(scenario.tracker.orders()).containsExactly(working);
        assertThat(scenario.tracker.order("c1")).isNull();
        assertThat(scenario.tracker.order("c2")).isSameAs(working);
        assertThat(scenario.report(ER + "37=o2|11=c2|17=e2|150=F|39=1|32=1|31=100|14=1|151=1|6=100|")).isNull();
        assertThat(scenario.report(ER + "37=o2|11=c3|41=c2|17=e3|150=4|39=4|14=1|151=0|6=100|")).isSameAs(working);
        assertThat(working.state()).isEqualTo(OrderState.CANCELED);
        // a late report of the forgotten order comes back as an external one
        assertThat(scenario.report(ER + "37=o1|11=c1|17=0|150=I|39=2|14=1|151=0|6=100|").external()).isTrue();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheFutures() {
        OrderTracker tracker = new OrderTracker(new Positions(), order -> {
            throw new IllegalStateException("listener bug");
        });
        Order order = new Order("c1", "BTCUSDT", Side.BUY, OrdType.LIMIT, TimeInForce.DAY, false, fp("1"), fp("1"),
            false, OrderState.PENDING_NEW, 0);
        tracker.track(order);
        byte[] report = io.tagwire.codec.Ascii.fromPiped(ER + "37=o1|11=c1|17=e1|150=8|39=8|14=0|151=0|6=0|");
        io.tagwire.codec.FixMessage message = new io.tagwire.codec.FixMessage();
        message.parse(report, 0, report.length);

        assertThat(tracker.onExecutionReport(message, 0)).isSameAs(order);
        assertThat(order.done()).isCompleted();
    }

    @Test
    void abortedRequestRestoresTheStateAndFailsItsFuture() {
        Order order = scenario.limit("c1", Side.BUY, "1", "100");
        scenario.report(ER + "37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1|6=0|");
        CompletableFuture<Order> cancel = scenario.cancel(order, "c2");
        scenario.tracker.abortRequest(order, "rate limit");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(cancel).isCompletedExceptionally();
        assertThat(List.of(order.clOrdId())).containsExactly("c1");
    }
}
