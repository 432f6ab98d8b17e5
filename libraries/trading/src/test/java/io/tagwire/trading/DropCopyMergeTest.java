package io.tagwire.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A drop copy delivers the same ExecutionReports as the order-entry session, on another
 * connection: whatever the interleaving of the two streams, the tracker applies each report
 * once, at its first arrival, in the venue's order.
 */
class DropCopyMergeTest {
    private static final String ER = "8=FIX.4.4|35=8|";
    private static final List<String> REPORTS = List.of(
        ER + "37=o1|11=c1|17=e1|150=0|39=0|55=BTCUSDT|54=1|38=3|44=100|14=0|151=3|6=0|",
        ER + "37=o1|11=c1|17=e2|150=F|39=1|55=BTCUSDT|54=1|38=3|32=1|31=100|14=1|151=2|6=100|",
        ER + "37=o1|11=c1|17=e3|150=F|39=1|55=BTCUSDT|54=1|38=3|32=1|31=100|14=2|151=1|6=100|",
        ER + "37=o1|11=c1|17=e4|150=F|39=2|55=BTCUSDT|54=1|38=3|32=1|31=100|14=3|151=0|6=100|");

    @Test
    void everyInterleavingOfOrderEntryAndDropCopyGivesTheSingleStreamHistory() {
        List<String> expected = List.of("c1 NEW", "c1 PARTIALLY_FILLED", "c1 PARTIALLY_FILLED", "c1 FILLED");
        List<List<String>> merges = new ArrayList<>();
        merge(REPORTS, 0, REPORTS, 0, new ArrayList<>(), merges);
        assertThat(merges).hasSize(70);   // 8 choose 4
        for (List<String> merged : merges) {
            TrackerScenario scenario = new TrackerScenario();
            Order order = scenario.limit("c1", Side.BUY, "3", "100");
            for (String report : merged) {
                scenario.report(report);
            }
            assertThat(scenario.events).as(merged.toString()).isEqualTo(expected);
            assertThat(order.fills()).hasSize(3);
            assertThat(order.cumQty()).isEqualTo(TrackerScenario.fp("3"));
            assertThat(scenario.positions.position("BTCUSDT").netQty()).isEqualTo(TrackerScenario.fp("3"));
        }
    }

    @Test
    void aCopyOfAnotherSessionsOrderIsRecordedOnceAsExternal() {
        TrackerScenario scenario = new TrackerScenario();
        for (String report : REPORTS) {
            scenario.report(report.replace("11=c1", "11=x1"));
            scenario.report(report.replace("11=c1", "11=x1"));
        }
        assertThat(scenario.tracker.orders()).hasSize(1);
        Order external = scenario.tracker.orders().get(0);
        assertThat(external.external()).isTrue();
        assertThat(external.state()).isEqualTo(OrderState.FILLED);
        assertThat(external.fills()).hasSize(3);
    }

    private static void merge(List<String> a, int i, List<String> b, int j, List<String> prefix,
                              List<List<String>> out) {
        if (i == a.size() && j == b.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        if (i < a.size()) {
            prefix.add(a.get(i));
            merge(a, i + 1, b, j, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
        if (j < b.size()) {
            prefix.add(b.get(j));
            merge(a, i, b, j + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
