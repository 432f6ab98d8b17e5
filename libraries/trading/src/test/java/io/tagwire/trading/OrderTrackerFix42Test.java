package io.tagwire.trading;

import static io.tagwire.trading.TrackerScenario.fp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Order state from FIX 4.2 ExecutionReports: ExecTransType(20), ExecType 1/2 for fills, 5 Replace, D Restated. */
class OrderTrackerFix42Test {
    private static final String ER = "8=FIX.4.2|35=8|";
    private final TrackerScenario scenario = new TrackerScenario();

    @Test
    void newThenPartialFillThenFill() {
        Order order = scenario.limit("c1", Side.SELL, "3", "50");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|150=0|39=0|55=BTCUSDT|54=2|38=3|32=0|31=0|151=3|14=0|6=0|");
        scenario.report(ER + "37=o1|11=c1|17=e2|20=0|150=1|39=1|55=BTCUSDT|54=2|38=3|32=1|31=50|151=2|14=1|6=50|");
        scenario.report(ER + "37=o1|11=c1|17=e3|20=0|150=2|39=2|55=BTCUSDT|54=2|38=3|32=2|31=51|151=0|14=3|6=50.666|");

        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(order.fills()).extracting(Fill::lastQty).containsExactly(fp("1"), fp("2"));
        assertThat(order.fills()).extracting(Fill::execId).containsExactly("e2", "e3");
        assertThat(order.avgPxDecimal()).isEqualByComparingTo("50.666");
        assertThat(order.done()).isCompleted();
        assertThat(scenario.positions.position("BTCUSDT").netQty()).isEqualTo(-fp("3"));
        assertThat(scenario.events).containsExactly("c1 NEW", "c1 PARTIALLY_FILLED", "c1 FILLED");
    }

    @Test
    void newWithoutExecTypeReadsTheStateFromOrdStatus() {
        Order order = scenario.limit("c1", Side.BUY, "1", "10");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|39=0|151=1|14=0|6=0|");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
    }

    @Test
    void statusTransactionIsAppliedButAddsNoFill() {
        Order order = scenario.limit("c1", Side.BUY, "2", "10");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|150=0|39=0|151=2|14=0|6=0|");
        scenario.report(ER + "37=o1|11=c1|17=0|20=3|150=2|39=2|32=0|31=0|151=0|14=2|6=10|");
        scenario.report(ER + "37=o1|11=c1|17=0|20=3|150=2|39=2|32=0|31=0|151=0|14=2|6=10|");

        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(order.cumQty()).isEqualTo(fp("2"));
        assertThat(order.fills()).isEmpty();
        assertThat(scenario.events).containsExactly("c1 NEW", "c1 FILLED", "c1 FILLED");
    }

    @Test
    void cancelledExecutionTakesCumQtyFromTheReport() {
        Order order = scenario.limit("c1", Side.BUY, "2", "10");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|150=1|39=1|32=1|31=10|151=1|14=1|6=10|");
        scenario.report(ER + "37=o1|11=c1|17=e2|20=1|19=e1|150=1|39=0|32=1|31=10|151=2|14=0|6=0|");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.cumQty()).isZero();
        assertThat(order.leavesQty()).isEqualTo(fp("2"));
        assertThat(order.fills()).hasSize(1);
    }

    @Test
    void restatedKeepsTheOrderWorkingWithTheNewLeavesQty() {
        Order order = scenario.limit("c1", Side.BUY, "2", "10");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|150=0|39=0|151=2|14=0|6=0|");
        scenario.report(ER + "37=o1|11=c1|17=e2|20=0|150=D|39=0|151=1|14=0|6=0|58=Reduced by venue|");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.leavesQty()).isEqualTo(fp("1"));
        assertThat(order.lastExecType()).isEqualTo('D');
        assertThat(order.text()).isEqualTo("Reduced by venue");
    }

    @Test
    void replacedOrdStatusLeavesTheOrderOpenUnderItsNewClOrdId() {
        Order order = scenario.limit("c1", Side.BUY, "2", "10");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|150=0|39=0|151=2|14=0|6=0|");
        CompletableFuture<Order> replace = scenario.replace(order, "c2", "4", "9");
        scenario.report(ER + "37=o1|11=c2|41=c1|17=e2|20=0|150=E|39=E|151=2|14=0|6=0|");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_REPLACE);

        scenario.report(ER + "37=o1|11=c2|41=c1|17=e3|20=0|150=5|39=5|151=4|14=0|6=0|");

        assertThat(order.state()).isEqualTo(OrderState.REPLACED);
        assertThat(order.isOpen()).isTrue();
        assertThat(replace).isCompletedWithValue(order);
        assertThat(order.clOrdIdChain()).containsExactly("c1", "c2");
        // no OrderQty/Price in the report: the requested ones apply
        assertThat(order.orderQty()).isEqualTo(fp("4"));
        assertThat(order.price()).isEqualTo(fp("9"));
        assertThat(order.done()).isNotDone();
    }

    @Test
    void pendingCancelThenCanceled() {
        Order order = scenario.limit("c1", Side.BUY, "2", "10");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|150=0|39=0|151=2|14=0|6=0|");
        CompletableFuture<Order> cancel = scenario.cancel(order, "c2");
        scenario.report(ER + "37=o1|11=c2|41=c1|17=e2|20=0|150=6|39=6|151=2|14=0|6=0|");
        scenario.report(ER + "37=o1|11=c2|41=c1|17=e3|20=0|150=4|39=4|151=0|14=0|6=0|");
        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
        assertThat(cancel).isCompleted();
        assertThat(scenario.events).containsExactly("c1 NEW", "c1 PENDING_CANCEL", "c2 CANCELED");
    }

    @Test
    void cancelRejectIn42Form() {
        Order order = scenario.limit("c1", Side.BUY, "2", "10");
        scenario.report(ER + "37=o1|11=c1|17=e1|20=0|150=0|39=0|151=2|14=0|6=0|");
        scenario.cancel(order, "c2");
        scenario.cancelReject("8=FIX.4.2|35=9|37=o1|11=c2|41=c1|39=0|434=1|102=2|58=Broker option|");
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.rejectReason()).isEqualTo(2);
    }
}
