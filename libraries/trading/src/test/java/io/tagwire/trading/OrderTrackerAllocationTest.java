package io.tagwire.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixMessage;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * What the tracker allocates per ExecutionReport, measured on this thread: nothing for a
 * report it only reads (a status answer, a duplicate), and only what it keeps for a fill.
 */
class OrderTrackerAllocationTest {
    private static final int REPORTS = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final OrderTracker tracker = new OrderTracker(new Positions(), order -> { });
    private final FixMessage message = new FixMessage();
    private final Order order = new Order("c1", "BTCUSDT", Side.BUY, OrdType.LIMIT, TimeInForce.GOOD_TILL_CANCEL,
        false, FixedPoint.of("1000000"), FixedPoint.of("100"), false, OrderState.PENDING_NEW, 0);

    @Test
    void statusAnswersAndDuplicatesAllocateNothingPerMessage() {
        tracker.track(order);
        apply("8=FIX.4.4|35=8|37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1000000|6=0|");
        byte[] status = Ascii.fromPiped("8=FIX.4.4|35=8|37=o1|11=c1|17=0|150=I|39=0|14=0|151=1000000|6=0|");
        byte[] duplicate = Ascii.fromPiped("8=FIX.4.4|35=8|37=o1|11=c1|17=e1|150=0|39=0|14=0|151=1000000|6=0|");
        for (int i = 0; i < REPORTS; i++) {
            apply(status);
            apply(duplicate);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < REPORTS; i++) {
            apply(status);
            apply(duplicate);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("OrderTrackerAllocationTest: %d bytes for %d status answers and %d duplicates%n",
            allocated, REPORTS, REPORTS);
        // the smallest object is 16 bytes: under 1 byte per 8 reports means none per report (the JVM's
        // own bookkeeping, such as a deoptimization, may allocate a few hundred bytes once)
        assertThat(allocated).isLessThan(2 * REPORTS / 8);
    }

    @Test
    void aFillAllocatesOnlyWhatIsKept() {
        tracker.track(order);
        apply("8=FIX.4.4|35=8|37=o1|11=c1|17=e0|150=0|39=0|14=0|151=1000000|6=0|");
        byte[][] fills = new byte[2 * REPORTS][];
        for (int i = 0; i < fills.length; i++) {
            fills[i] = Ascii.fromPiped("8=FIX.4.4|35=8|37=o1|11=c1|17=f" + i + "|150=F|39=1|32=1|31=100|"
                + "14=" + (i + 1) + "|151=" + (1000000 - i - 1) + "|6=100|");
        }
        for (int i = 0; i < REPORTS; i++) {
            apply(fills[i]);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = REPORTS; i < fills.length; i++) {
            apply(fills[i]);
        }
        long perFill = (THREADS.getCurrentThreadAllocatedBytes() - before) / REPORTS;
        System.out.printf("OrderTrackerAllocationTest: %d bytes per fill (Fill, ExecID, list and index growth)%n",
            perFill);
        assertThat(order.fills()).hasSize(2 * REPORTS);
        // a Fill (40 bytes), its ExecID String (about 56), amortized growth of the fills list and ExecID index
        assertThat(perFill).isLessThan(200);
    }

    private void apply(String piped) {
        apply(Ascii.fromPiped(piped));
    }

    private void apply(byte[] bytes) {
        message.parse(bytes, 0, bytes.length);
        tracker.onExecutionReport(message, 0);
    }
}
