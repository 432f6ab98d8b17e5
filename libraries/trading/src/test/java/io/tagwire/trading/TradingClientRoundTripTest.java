package io.tagwire.trading;

import static io.tagwire.trading.TrackerScenario.fp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Orders placed one at a time from a user thread and acknowledged by the test exchange over
 * loopback: every one is acknowledged NEW, and the place-to-acknowledged times are printed
 * (not asserted: machines vary).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TradingClientRoundTripTest {
    private static final int WARM_UP = 1_000;
    private static final int MEASURED = 2_000;

    @Test
    void everyOrderIsAcknowledgedAndTheRoundTripIsPrinted() throws Exception {
        try (ClientHarness harness = new ClientHarness("FIX.4.4", b -> b)) {
            run(harness.client, WARM_UP, null);
            long[] nanos = new long[MEASURED];
            long start = System.nanoTime();
            run(harness.client, MEASURED, nanos);
            long elapsed = System.nanoTime() - start;
            Arrays.sort(nanos);
            System.out.printf("TradingClientRoundTripTest: %d orders placed and acknowledged one at a time, "
                    + "%.0f per second; place to acknowledged p50 %.1f us, p99 %.1f us, max %.1f us%n",
                MEASURED, MEASURED * 1e9 / elapsed, nanos[MEASURED / 2] / 1e3, nanos[MEASURED * 99 / 100] / 1e3,
                nanos[MEASURED - 1] / 1e3);
            assertThat(harness.client.orders()).hasSize(WARM_UP + MEASURED)
                .allMatch(order -> order.state() == OrderState.NEW);
        }
    }

    private static void run(TradingClient client, int count, long[] nanos) throws Exception {
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Order order = client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("100"), TimeInForce.GOOD_TILL_CANCEL,
                false);
            order.acknowledged().get(10, TimeUnit.SECONDS);
            if (nanos != null) {
                nanos[i] = System.nanoTime() - start;
            }
        }
    }
}
