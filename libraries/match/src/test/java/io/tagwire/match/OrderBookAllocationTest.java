package io.tagwire.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Steady state allocates nothing: once pools and arrays have reached the size a workload needs, running that
 * workload again allocates no bytes on the calling thread (measured with HotSpot's per-thread counter).
 */
class OrderBookAllocationTest {
    private static final Instrument INSTRUMENT = new Instrument("BTCUSDT", 2, 1, 0, 1);
    private static final int ORDERS = 2_000;

    @Test
    @Timeout(60)
    void workloadRunAgainAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs com.sun.management.ThreadMXBean (HotSpot)");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "thread allocation counter is off");
        CountingListener listener = new CountingListener();
        OrderBook book = new OrderBook(INSTRUMENT, listener, 16);
        Workload workload = new Workload(new SplittableRandom(7));
        for (int i = 0; i < 30; i++) {
            workload.run(book);
        }
        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        long eventsBefore = listener.events;
        for (int i = 0; i < 30; i++) {
            workload.run(book);
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        long events = listener.events - eventsBefore;

        assertThat(book.orderCount()).isZero();
        assertThat(events).as("events in the measured runs").isGreaterThan(100_000);
        // the counter's own call may allocate a little; one object per request would be megabytes
        assertThat(allocated).as("bytes allocated for %d events", events).isLessThan(4_096);
    }

    /** Fills both sides, trades through them with every kind of order, amends, then cancels what is left. */
    private static final class Workload {
        private final long[] prices = new long[ORDERS];
        private final long[] quantities = new long[ORDERS];

        Workload(SplittableRandom random) {
            for (int i = 0; i < ORDERS; i++) {
                prices[i] = 1 + random.nextInt(200);
                quantities[i] = 1 + random.nextInt(20);
            }
        }

        void run(OrderBook book) {
            for (int i = 0; i < ORDERS; i++) {
                // bids at 1..200, asks at 301..500: nothing crosses yet
                Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
                long price = side == Side.BUY ? prices[i] : 300 + prices[i];
                book.submit(i, side, OrderType.LIMIT, TimeInForce.GTC, (i & 2) == 0, price, quantities[i]);
            }
            for (int i = 0; i < ORDERS; i += 4) {
                book.amend(i, prices[i], Math.max(1, quantities[i] - 1));
                book.amend(i + 1, 300 + prices[i], quantities[i + 1] + 1);
            }
            for (int i = 0; i < 200; i++) {
                long id = ORDERS + i;
                switch (i % 4) {
                    case 0 -> book.submit(id, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, false, 350, 30);
                    case 1 -> book.submit(id, Side.SELL, OrderType.MARKET, TimeInForce.IOC, false, 0, 25);
                    case 2 -> book.submit(id, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, false, 400, 40);
                    default -> book.submit(id, Side.SELL, OrderType.LIMIT, TimeInForce.FOK, false, 1, 100_000);
                }
            }
            book.cancel(-1);
            book.submit(0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, false, 3, 7);
            book.submit(-2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, true, 301, 10);
            for (int i = -2; i < ORDERS; i++) {
                if (book.contains(i)) {
                    book.cancel(i);
                }
            }
        }
    }

    /** Counts events and allocates nothing. */
    private static final class CountingListener implements OrderBookListener {
        long events;

        @Override
        public void onAdd(long orderId, Side side, long price, long quantity) {
            events++;
        }

        @Override
        public void onMatch(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                            long takerRemaining, long makerRemaining) {
            events++;
        }

        @Override
        public void onCancel(long orderId, long canceledQuantity) {
            events++;
        }

        @Override
        public void onExpire(long orderId, long remainingQuantity) {
            events++;
        }

        @Override
        public void onReject(long orderId, RejectReason reason) {
            events++;
        }

        @Override
        public void onAmend(long orderId, long newPrice, long newQuantity, boolean keptPriority) {
            events++;
        }
    }
}
