package io.tagwire.perf;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * Probes of what indexing the NewOrderSingle of {@link NewOrderSingleParseBenchmark} can
 * cost at least (Tagwire only, not in {@code CodecReport}): each does a part of
 * {@code FixMessage.parse}'s work and nothing else, so its time is a floor for that part.
 * Session 5's findings in tests/perf/README.md ("Session 5 (issue 2, parse)") come from these.
 * Each returns what it counted, which {@code IndexFloorBenchmarkTest} checks, so none can
 * measure nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class IndexFloorBenchmark {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SOHS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** Room for two halves' entries, the second from here. */
    private static final int SECOND_HALF = 128;

    private byte[] wire;
    private final int[] out = new int[2 * SECOND_HALF];
    private final int[] sohs = new int[SECOND_HALF];

    @Setup
    public void setUp() {
        wire = Samples.wire(Samples.NEW_ORDER_SINGLE);
    }

    /** Only the chain from each field's SOH to the next: the SOH searched from where the last one was. */
    @Benchmark
    public int sohChain() {
        byte[] b = wire;
        int[] o = out;
        int n = 0;
        for (int p = 0; p < b.length; p = o[n++] + 1) {
            o[n] = soh(b, p, b.length);
        }
        return n;
    }

    /** The same chain in two halves at once, the message cut at the first SOH past its middle. */
    @Benchmark
    public int sohChainInTwoHalves() {
        byte[] b = wire;
        int[] o = out;
        int split = soh(b, b.length >>> 1, b.length) + 1;
        int p = 0;
        int q = split;
        int n = 0;
        int m = SECOND_HALF;
        while (p < split && q < b.length) {
            o[n] = soh(b, p, split);
            o[m] = soh(b, q, b.length);
            p = o[n++] + 1;
            q = o[m++] + 1;
        }
        for (; p < split; p = o[n++] + 1) {
            o[n] = soh(b, p, split);
        }
        for (; q < b.length; q = o[m++] + 1) {
            o[m] = soh(b, q, b.length);
        }
        return n + m - SECOND_HALF;
    }

    /** Every SOH of the message, a word at a time (no chain between fields): positions only. */
    @Benchmark
    public int sohMap() {
        return sohMap(wire, sohs);
    }

    /** The chain with each tag's digits read and three ints stored per field, as the parser does. */
    @Benchmark
    public int fields() {
        byte[] b = wire;
        int n = 0;
        for (int p = 0; p < b.length; n += 3) {
            p = field(b, p, b.length, out, n);
        }
        return n / 3;
    }

    /** {@link #fields} in two halves at once. */
    @Benchmark
    public int fieldsInTwoHalves() {
        byte[] b = wire;
        int[] o = out;
        int split = soh(b, b.length >>> 1, b.length) + 1;
        int p = 0;
        int q = split;
        int n = 0;
        int m = SECOND_HALF;
        while (p < split && q < b.length) {
            p = field(b, p, split, o, n);
            q = field(b, q, b.length, o, m);
            n += 3;
            m += 3;
        }
        for (; p < split; n += 3) {
            p = field(b, p, split, o, n);
        }
        for (; q < b.length; m += 3) {
            q = field(b, q, b.length, o, m);
        }
        return (n + m - SECOND_HALF) / 3;
    }

    /** Every SOH first ({@link #sohMap}), then each field's digits and three stores, with no chain. */
    @Benchmark
    public int fieldsFromSohMap() {
        byte[] b = wire;
        int[] o = out;
        int count = sohMap(b, sohs);
        int p = 0;
        for (int i = 0; i < count; i++) {
            int end = sohs[i];
            int tag = 0;
            int q = p;
            for (byte c = b[q]; c >= '0' && c <= '9'; c = b[++q]) {
                tag = tag * 10 + (c - '0');
            }
            o[i * 3] = tag;
            o[i * 3 + 1] = q + 1;
            o[i * 3 + 2] = end - q - 1;
            p = end + 1;
        }
        return count;
    }

    int[] out() {
        return out;
    }

    /** One field at {@code p}: its tag's digits, then its SOH; returns where the next field starts. */
    private static int field(byte[] b, int p, int limit, int[] into, int at) {
        int tag = 0;
        int q = p;
        for (byte c = b[q]; c >= '0' && c <= '9'; c = b[++q]) {
            tag = tag * 10 + (c - '0');
        }
        int end = soh(b, q + 1, limit);
        into[at] = tag;
        into[at + 1] = q + 1;
        into[at + 2] = end - q - 1;
        return end + 1;
    }

    /** The first SOH in [from, to): eight bytes at a time, as {@code Ascii.indexOfSoh}. */
    private static int soh(byte[] b, int from, int to) {
        int i = from;
        for (; to - i >= 8; i += 8) {
            long word = (long) LONGS.get(b, i);
            long found = ((word ^ SOHS) - SOHS) & ~word & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == 1) {
                return i;
            }
        }
        return -1;
    }

    /** Every SOH's position into {@code into}, in order; returns how many. */
    private static int sohMap(byte[] b, int[] into) {
        int n = 0;
        int i = 0;
        for (; b.length - i >= 8; i += 8) {
            n = positions(exactSohs((long) LONGS.get(b, i)), i, into, n);
        }
        if (i < b.length) {
            // the last bytes, as the top of the word that ends with the message
            n = positions(exactSohs((long) LONGS.get(b, b.length - 8)) >>> ((8 - (b.length - i)) << 3), i, into, n);
        }
        return n;
    }

    private static int positions(long flags, int base, int[] into, int n) {
        for (long f = flags; f != 0; f &= f - 1) {
            into[n++] = base + (Long.numberOfTrailingZeros(f) >>> 3);
        }
        return n;
    }

    /** 0x80 in each byte of {@code word} that is SOH, exactly. */
    private static long exactSohs(long word) {
        long x = word ^ SOHS;
        return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
    }
}
