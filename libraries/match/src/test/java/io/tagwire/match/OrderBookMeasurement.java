package io.tagwire.match;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * A rough, JMH-free measurement of the book's cost per request (not a test), in
 * wall-clock and thread CPU time (the latter is steadier on a shared machine), run by hand:
 * {@code java -cp libraries/match/target/classes:libraries/match/target/test-classes
 * io.tagwire.match.OrderBookMeasurement}. Commands are generated up front; the listener only counts. The
 * mix: 35% passive limit orders within 50 ticks of a mid that drifts, 5% aggressive limits (GTC, IOC,
 * FOK, three times the usual size), 2% market, 42% cancels of the oldest order id, 16% amends (same price,
 * new quantity); the book holds about 1,500 orders.
 */
final class OrderBookMeasurement {
    private static final int COMMANDS = 1 << 20;

    private OrderBookMeasurement() {
    }

    public static void main(String[] args) {
        Instrument instrument = new Instrument("BTCUSDT", 2, 1, 3, 1);
        int[] kinds = new int[COMMANDS];
        long[] ids = new long[COMMANDS];
        long[] prices = new long[COMMANDS];
        long[] quantities = new long[COMMANDS];
        SplittableRandom random = new SplittableRandom(1);
        long mid = 1_000_000;
        long nextId = 0;
        long oldestId = 0;
        for (int i = 0; i < COMMANDS; i++) {
            if ((i & 255) == 0) {
                mid += random.nextInt(11) - 5;
            }
            int roll = random.nextInt(100);
            boolean buy = random.nextBoolean();
            int kind = roll < 35 ? 0 : roll < 40 ? 1 : roll < 42 ? 2 : roll < 84 ? 3 : 4;
            if (kind == 3 && oldestId >= nextId - 1_000) {
                kind = 4;   // cancels walk from the oldest id, keeping the last thousand ids on the book at most
            }
            kinds[i] = kind;
            ids[i] = kind <= 2 ? nextId++ : kind == 3 ? oldestId++ : Math.max(0, nextId - 1 - random.nextInt(1_000));
            long offset = kind == 0 ? -1 - random.nextInt(50) : random.nextInt(5);
            prices[i] = (buy ? mid + offset : mid - offset) * (buy ? 1 : -1);   // sign carries the side
            quantities[i] = 1 + random.nextInt(100);
        }
        Counter counter = new Counter();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            OrderBook book = new OrderBook(instrument, counter, 4096);
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < COMMANDS; i++) {
                Side side = prices[i] > 0 ? Side.BUY : Side.SELL;
                long price = Math.abs(prices[i]);
                switch (kinds[i]) {
                    case 0 -> book.submit(ids[i], side, OrderType.LIMIT, TimeInForce.GTC, false, price, quantities[i]);
                    case 1 -> book.submit(ids[i], side, OrderType.LIMIT, TimeInForce.values()[i % 3], false, price,
                            quantities[i] * 3);
                    case 2 -> book.submit(ids[i], side, OrderType.MARKET, TimeInForce.IOC, false, 0, quantities[i]);
                    case 3 -> book.cancel(ids[i]);
                    default -> book.amend(ids[i], book.contains(ids[i]) ? book.price(ids[i]) : price, quantities[i]);
                }
            }
            long elapsed = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - startCpu;
            long events = counter.events;
            counter.events = 0;
            System.out.printf("round %d: %.1f ns per request (%.1f ns on this thread's CPU), %d resting at the end,"
                    + " %d events%n", round, (double) elapsed / COMMANDS, (double) cpu / COMMANDS, book.orderCount(),
                    events);
        }
    }

    private static final class Counter implements OrderBookListener {
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
